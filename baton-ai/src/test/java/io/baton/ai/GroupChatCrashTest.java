package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.model.ProviderKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.engine.Baton;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group chat whose engine stops (closed, as in a crash) during its third turn goes on, in a new
 * engine on the same stores, at that turn: the turns are steps of the chat's child run, so the two
 * finished ones are not run (nor their models asked) again.
 */
class GroupChatCrashTest {
  private static final String FLOW =
      """
      id: review
      steps:
        - id: chat
          type: group-chat
          agents: [author, critic]
          maxTurns: 4
          input: {prompt: "Name the article"}
      """;

  @TempDir Path dir;
  private final SharedStores stores = new SharedStores();
  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private static String answer(String text) {
    return """
        {"id":"c","object":"chat.completion","created":1,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13}}"""
        .formatted(text);
  }

  private Baton node(StubServer model) {
    var config =
        AiConfig.of(
            ProviderConfig.of("local", ProviderKind.OPENAI_COMPATIBLE, model.url("/v1"), "m")
                .withLimits(Duration.ofSeconds(10), 0));
    var builder = stores.builder(clock);
    BatonAi ai = BatonAi.install(builder, config, new AiEnvironment(clock, null, null, dir));
    for (String name : List.of("author", "critic")) {
      ai.agents().register(AgentDefinition.builder(name).build());
    }
    Baton baton = ai.attach(builder.build());
    open.add(ai);
    open.add(baton);
    return baton;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCrashDuringATurnGoesOnAtThatTurnWithoutRunningTheFinishedOnesAgain() throws Exception {
    StubServer model =
        new StubServer()
            .ok(answer("draft v1"))
            .ok(answer("revise it"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(answer("draft v2"))
            .ok(answer("approved"));
    open.add(model);
    Baton first = node(model);
    String runId = first.start(first.loader().parse(FLOW, "f.yaml").orThrow(), Map.of()).id();
    model.awaitRequests(3);
    first.close();

    Baton second = node(model);
    RunView done = second.await(runId, Duration.ofSeconds(30));

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    Map<String, Object> out = (Map<String, Object>) done.step("chat").output();
    assertThat((List<Map<String, Object>>) out.get("turns"))
        .extracting(t -> t.get("agent") + ": " + t.get("text"))
        .containsExactly(
            "author: draft v1", "critic: revise it", "author: draft v2", "critic: approved");
    assertThat(model.requests())
        .as("turns 1 and 2 were not asked again; turn 3, in flight at the crash, was")
        .hasSize(5);
    assertThat(model.requests().get(3).body()).isEqualTo(model.requests().get(2).body());

    RunView chat = second.await((String) out.get("childRun"), Duration.ofSeconds(10));
    for (int i = 0; i < 4; i++) {
      assertThat(chat.step("turns[" + i + "]/turn").status()).isEqualTo(StepStatus.COMPLETED);
    }
    assertThat(chat.step("turns[3]/turn").usage()).containsEntry("calls", 1L);
    assertThat(
            stores.journal.read(chat.runId(), 0).stream()
                .map(JournalEntry::event)
                .filter(StepCompleted.class::isInstance)
                .map(e -> ((StepCompleted) e).path())
                .filter(path -> path.endsWith("/turn"))
                .toList())
        .as("each turn completed once: the finished ones were not run again")
        .containsExactly("turns[0]/turn", "turns[1]/turn", "turns[2]/turn", "turns[3]/turn");
  }
}

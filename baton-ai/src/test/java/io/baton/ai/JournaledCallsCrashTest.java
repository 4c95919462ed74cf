package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentType;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.model.ProviderKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent.StepProgress;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.Tool;
import io.baton.engine.Baton;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent step whose engine stops mid-step (closed, as in a crash) is re-executed by a new engine
 * on the same stores: the model and tool calls its attempt journaled are replayed, not made again,
 * and their tokens are counted once — on the step's view and in the new process's ledger.
 */
class JournaledCallsCrashTest {
  private static final String TOOL_CALL =
      """
      {"id":"c1","object":"chat.completion","created":1,"model":"m",
       "choices":[{"index":0,"message":{"role":"assistant","content":null,
         "tool_calls":[{"id":"call-1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\":\\"France\\"}"}}]},
         "finish_reason":"tool_calls"}],
       "usage":{"prompt_tokens":20,"completion_tokens":8,"total_tokens":28}}""";
  private static final String ANSWER =
      """
      {"id":"c2","object":"chat.completion","created":1,"model":"m",
       "choices":[{"index":0,"message":{"role":"assistant","content":"The capital is Paris."},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":40,"completion_tokens":6,"total_tokens":46}}""";
  private static final String FLOW =
      """
      id: research
      steps:
        - id: r
          type: agent
          agent: researcher
          input: {prompt: "What is the capital of France?"}
      """;

  @TempDir Path dir;
  private final SharedStores stores = new SharedStores();
  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private StubServer model;

  @AfterEach
  void close() throws Exception {
    never.countDown();
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  /** An engine with Baton's AI on the stub model and the tool {@code lookup}. */
  private Node node(Tool.Invoker lookup) {
    var config =
        AiConfig.of(
            ProviderConfig.of("local", ProviderKind.OPENAI_COMPATIBLE, model.url("/v1"), "m")
                .withLimits(Duration.ofSeconds(30), 0));
    var builder = stores.builder(clock);
    BatonAi ai = BatonAi.install(builder, config, new AiEnvironment(clock, null, null, dir));
    ai.tool(
        Tool.of(
            "lookup",
            "Looks a country up",
            Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string"))),
            lookup));
    ai.agents()
        .register(
            AgentDefinition.builder("researcher").type(AgentType.REACT).tools("lookup").build());
    Baton baton = ai.attach(builder.build());
    open.add(ai);
    open.add(baton);
    return new Node(baton, ai);
  }

  private record Node(Baton baton, BatonAi ai) {}

  @Test
  void aCrashDuringAToolCallReplaysTheModelCallBeforeIt() throws Exception {
    model = new StubServer().ok(TOOL_CALL).ok(ANSWER);
    open.add(model);
    CountDownLatch inTool = new CountDownLatch(1);
    Node first =
        node(
            (args, ctx) -> {
              inTool.countDown();
              never.await();
              return "never returned";
            });
    String runId =
        first.baton().start(first.baton().loader().parse(FLOW, "f.yaml").orThrow(), Map.of()).id();
    inTool.await();
    assertThat(progressKeys(runId)).containsExactly("model/researcher/1");
    first.baton().close();

    AtomicInteger lookups = new AtomicInteger();
    Node second = node((args, ctx) -> "Paris (lookup " + lookups.incrementAndGet() + ")");
    RunView done = second.baton().await(runId, Duration.ofSeconds(30));

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(model.requests()).as("the first model call was not made again").hasSize(2);
    assertThat(model.requests().get(1).body()).contains("Paris (lookup 1)");
    assertThat(lookups).as("the tool call had not been journaled: made again").hasValue(1);
    assertThat(progressKeys(runId))
        .containsExactly("model/researcher/1", "tool/researcher/1", "model/researcher/2");
    assertThat(done.step("r").usage())
        .containsEntry("calls", 2L)
        .containsEntry("inputTokens", 60L)
        .containsEntry("outputTokens", 14L);
    assertThat(second.ai().usage().step(runId, "r").calls())
        .as("the replayed call counted once in the new process")
        .isEqualTo(2);
    assertThat(second.ai().usage().run(runId).totalTokens()).isEqualTo(74);
  }

  @Test
  void aCrashDuringTheSecondModelCallReplaysTheFirstCallAndTheTool() throws Exception {
    model = new StubServer().ok(TOOL_CALL).reply(StubServer.HANG, Map.of(), "").ok(ANSWER);
    open.add(model);
    AtomicInteger lookups = new AtomicInteger();
    Tool.Invoker lookup = (args, ctx) -> "Paris (lookup " + lookups.incrementAndGet() + ")";
    Node first = node(lookup);
    String runId =
        first.baton().start(first.baton().loader().parse(FLOW, "f.yaml").orThrow(), Map.of()).id();
    model.awaitRequests(2);
    assertThat(progressKeys(runId)).containsExactly("model/researcher/1", "tool/researcher/1");
    first.baton().close();

    Node second = node(lookup);
    RunView done = second.baton().await(runId, Duration.ofSeconds(30));

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(lookups).as("the journaled tool call was replayed").hasValue(1);
    assertThat(model.requests())
        .as("call 1 replayed; call 2 was in flight at the crash and is made again")
        .hasSize(3);
    assertThat(model.requests().get(2).body()).isEqualTo(model.requests().get(1).body());
    @SuppressWarnings("unchecked")
    Map<String, Object> output = (Map<String, Object>) done.step("r").output();
    assertThat(output).containsEntry("text", "The capital is Paris.");
    assertThat(done.step("r").usage()).containsEntry("calls", 2L).containsEntry("inputTokens", 60L);
  }

  private List<String> progressKeys(String runId) {
    return stores.journal.read(runId, 0).stream()
        .map(JournalEntry::event)
        .filter(StepProgress.class::isInstance)
        .map(e -> ((StepProgress) e).key())
        .toList();
  }
}

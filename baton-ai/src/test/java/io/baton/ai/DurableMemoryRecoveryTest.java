package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentType;
import io.baton.ai.agent.MemoryPolicy;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.store.AiDatabase;
import io.baton.ai.store.JdbcConversationStore;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import io.baton.test.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on an H2 file store whose engine is closed (a restart) between two steps of the same agent:
 * the engine that recovers it finds the agent's memory and the run's blackboard in the database.
 */
class DurableMemoryRecoveryTest {
  private static final String SCRIPT =
      """
      replies:
        - when: {agent: scribe, turn: 1}
          toolCalls: [{name: blackboard_write, arguments: {key: tide, value: noon}}]
        - when: {agent: scribe, afterTool: blackboard_write}
          text: "noted"
        - when: {agent: scribe, turn: 3}
          toolCalls: [{name: blackboard_read, arguments: {key: tide}}]
        - when: {agent: scribe, afterTool: blackboard_read}
          text: "remembered, the board says {{toolResult}}"
      """;
  private static final String FLOW =
      """
      id: remember
      steps:
        - {id: one, type: chat, agent: scribe, input: {prompt: "The tide is at noon"}}
        - {id: ask, type: human, prompt: "Go on?", dependsOn: [one]}
        - {id: two, type: chat, agent: scribe, dependsOn: [ask], input: {prompt: "When is the tide?"}}
      """;

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock();

  private record Node(JdbcStoreBackend store, BatonAi ai, Baton baton) implements AutoCloseable {
    @Override
    public void close() {
      baton.close();
      ai.close();
      store.close();
    }
  }

  private Node node() throws Exception {
    JdbcStoreBackend store =
        JdbcStoreBackend.open("h2:" + dir.resolve("baton"), JdbcStoreOptions.DEFAULTS);
    var builder = Baton.builder().clock(clock).stores(store);
    Path script = dir.resolve("script.yaml");
    Files.writeString(script, SCRIPT);
    var memory = new JdbcConversationStore(AiDatabase.migrate(store.dataSource()));
    BatonAi ai =
        BatonAi.install(
            builder,
            AiConfig.of(ProviderConfig.offline("offline", script)),
            new AiEnvironment(clock, null, memory, dir));
    ai.agents()
        .register(
            AgentDefinition.builder("scribe")
                .type(AgentType.CHAT)
                .memory(MemoryPolicy.window(20))
                .tools("blackboard_write", "blackboard_read")
                .build());
    return new Node(store, ai, ai.attach(builder.build()));
  }

  @Test
  void aRecoveredRunSeesItsAgentsMemoryAndBlackboard() throws Exception {
    String runId;
    String waitId;
    try (Node first = node()) {
      CompletableFuture<String> asked = new CompletableFuture<>();
      first
          .baton()
          .addListener(
              entry -> {
                if (entry.event() instanceof StepWaiting w) {
                  asked.complete(w.waitId());
                }
              });
      runId =
          first
              .baton()
              .start(first.baton().loader().parse(FLOW, "f.yaml").orThrow(), Map.of())
              .id();
      waitId = asked.get(30, TimeUnit.SECONDS);
    }

    try (Node second = node()) {
      second.baton().submitInput(waitId, Map.of(), "test");
      RunView done = second.baton().await(runId, Duration.ofSeconds(30));

      assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
      @SuppressWarnings("unchecked")
      Map<String, Object> two = (Map<String, Object>) done.step("two").output();
      assertThat((String) two.get("text"))
          .as("turn 3 matches only with step one's conversation in memory")
          .startsWith("remembered")
          .contains("noon");
    }
  }
}

package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.internal.JsonCodec;
import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.InMemoryConversationStore;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.remote.RemoteAgents;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.test.FakeClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote agents: a real HTTP server on loopback plays the remote agent; heartbeats are timed on a
 * fake clock.
 */
class RemoteAgentTest {
  private static final String FLOW =
      """
      id: translate
      steps:
        - id: fr
          type: agent
          agent: translator
          retry: {maxRetries: 2, initialDelay: 0s}
          input: {prompt: "Translate: ${inputs.text}"}
      """;

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private BatonAi engine() {
    return engine(null);
  }

  /** An engine keeping its agents' state in {@code store} (null: its own, in memory). */
  private BatonAi engine(ConversationStore store) {
    var builder = Baton.builder().clock(clock);
    BatonAi ai =
        BatonAi.install(
            builder,
            AiConfig.of(ProviderConfig.offline("offline", null)),
            new AiEnvironment(clock, null, store, dir));
    open.add(ai.attach(builder.build()));
    open.add(ai);
    return ai;
  }

  private StubServer agentServer() throws Exception {
    StubServer server = new StubServer();
    open.add(server);
    return server;
  }

  private RunView run(BatonAi ai) {
    return ai.baton()
        .start(ai.baton().loader().parse(FLOW, "f.yaml").orThrow(), Map.of("text", "good night"))
        .await(Duration.ofSeconds(30));
  }

  private static void register(BatonAi ai, StubServer server) {
    ai.remoteAgents()
        .register(
            "translator",
            URI.create(server.url("")),
            Duration.ofSeconds(10),
            List.of("translation"),
            "Translates to French");
  }

  @Test
  void anAgentStepPostsTheTaskWithItsIdempotencyKeyAndTakesTheAnswer() throws Exception {
    StubServer server = agentServer().ok("{\"text\": \"bonne nuit\", \"usage\": {\"calls\": 1}}");
    BatonAi ai = engine();
    register(ai, server);

    RunView done = run(ai);

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) done.step("fr").output();
    assertThat(out)
        .containsEntry("text", "bonne nuit")
        .containsEntry("agent", "translator")
        .containsEntry("remote", true);
    StubServer.Request request = server.requests().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/tasks");
    assertThat(request.header("Idempotency-Key")).isEqualTo(done.runId() + "/fr/1");
    assertThat(JsonCodec.readObject(request.body()))
        .containsEntry("agent", "translator")
        .containsEntry("runId", done.runId())
        .containsEntry("step", "fr")
        .containsEntry("prompt", "Translate: good night");
  }

  @Test
  void aFailingAgentIsRetriedByTheStepsPolicyWithANewKeyPerAttempt() throws Exception {
    StubServer server =
        agentServer()
            .reply(503, Map.of(), "busy")
            .reply(429, Map.of(), "slow down")
            .ok("{\"text\": \"bonne nuit\"}");
    BatonAi ai = engine();
    register(ai, server);

    RunView done = run(ai);

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(server.requests())
        .extracting(r -> r.header("Idempotency-Key"))
        .containsExactly(done.runId() + "/fr/1", done.runId() + "/fr/2", done.runId() + "/fr/3");
  }

  @Test
  void aRejectedTaskFailsTheStepWithoutRetriesSayingWhatTheAgentAnswered() throws Exception {
    StubServer server = agentServer().reply(400, Map.of(), "{\"error\": \"no such language\"}");
    BatonAi ai = engine();
    register(ai, server);

    RunView done = run(ai);

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.step("fr").failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(done.step("fr").failure().message())
        .contains("remote agent 'translator' at " + server.url(""))
        .contains("HTTP 400")
        .contains("no such language");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anAgentWhoseHeartbeatsStopIsSkippedByDiscoveryAndNotCalled() throws Exception {
    StubServer server = agentServer().ok("{\"text\": \"bonne nuit\"}");
    BatonAi ai = engine();
    register(ai, server);
    ai.agents().register(AgentDefinition.builder("dictionary").capabilities("translation").build());
    RemoteAgents remote = ai.remoteAgents();

    clock.advance(Duration.ofSeconds(15));
    assertThat(remote.heartbeat("translator")).isTrue();
    clock.advance(Duration.ofSeconds(20));
    assertThat(ai.agents().discover("translation"))
        .extracting(AgentDefinition::name)
        .as("20 s after its last heartbeat, two intervals: still there")
        .containsExactly("dictionary", "translator");

    clock.advance(Duration.ofSeconds(1));
    assertThat(ai.agents().discover("translation"))
        .extracting(AgentDefinition::name)
        .containsExactly("dictionary");
    assertThat(remote.heartbeat("nobody")).isFalse();
    RunView done =
        ai.baton()
            .start(
                ai.baton()
                    .loader()
                    .parse(FLOW.replace("maxRetries: 2", "maxRetries: 0"), "f.yaml")
                    .orThrow(),
                Map.of("text", "hi"))
            .await(Duration.ofSeconds(30));
    assertThat(done.step("fr").failure().kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(done.step("fr").failure().message()).contains("missed its heartbeats");
    assertThat(server.requests()).isEmpty();

    remote.heartbeat("translator");
    assertThat(ai.agents().discover("translation")).hasSize(2);
  }

  @Test
  void afterARestartAnAgentThatKeptBeatingIsAvailableAtOnce() throws Exception {
    StubServer server = agentServer().ok("{\"text\": \"bonne nuit\"}");
    ConversationStore store = new InMemoryConversationStore();
    BatonAi before = engine(store);
    register(before, server);
    AgentDefinition translator = before.agents().require("translator");
    clock.advance(Duration.ofSeconds(15));
    before.remoteAgents().heartbeat("translator");
    before.close();

    // the restarted process registers its stored agents again, as the server does, without a beat
    clock.advance(Duration.ofSeconds(5));
    BatonAi after = engine(store);
    after.agents().register(translator);

    assertThat(after.remoteAgents().lastHeartbeat("translator"))
        .contains(clock.now().minusSeconds(5));
    assertThat(after.agents().discover("translation"))
        .extracting(AgentDefinition::name)
        .containsExactly("translator");
    assertThat(run(after).status()).isEqualTo(RunStatus.COMPLETED);

    clock.advance(Duration.ofSeconds(16));
    assertThat(after.agents().discover("translation")).as("late again: 21 s").isEmpty();
    after.remoteAgents().unregister("translator");
    assertThat(store.lastHeartbeat("translator")).isNull();
  }
}

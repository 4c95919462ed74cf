package io.baton.ai;

import static io.baton.ai.StubServer.chatCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.memory.InMemoryConversationStore;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.model.ProviderKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
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
 * The agents of a team's turns — steps of the team step's child run — share the blackboard of the
 * run that owns the team step: what they write there, the agents of the steps after the team step
 * read; also when the engine stops (closed, as in a crash) during a turn and a new engine on the
 * same stores re-executes it. The model is a local OpenAI-compatible server that answers in the
 * order it is asked and never answers the request marked {@code HANG}.
 */
class TeamBlackboardTest {
  @TempDir Path dir;
  private final SharedStores stores = new SharedStores();
  private final InMemoryConversationStore conversations = new InMemoryConversationStore();
  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  /** An answer asking for one call of {@code tool} with {@code arguments} (a JSON object). */
  private static String toolCall(String tool, String arguments) {
    return """
        {"id":"c","object":"chat.completion","created":1,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
           {"id":"call-1","type":"function","function":{"name":"%s","arguments":"%s"}}]},
           "finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13}}"""
        .formatted(tool, arguments.replace("\"", "\\\""));
  }

  /** An engine on the shared stores and blackboards, its agents on {@code model}. */
  private Baton node(StubServer model) {
    var config =
        AiConfig.of(
            ProviderConfig.of("local", ProviderKind.OPENAI_COMPATIBLE, model.url("/v1"), "m")
                .withLimits(Duration.ofSeconds(10), 0));
    var builder = stores.builder(clock);
    BatonAi ai =
        BatonAi.install(builder, config, new AiEnvironment(clock, null, conversations, dir));
    for (String writer : List.of("author", "critic")) {
      ai.agents().register(AgentDefinition.builder(writer).tools("blackboard_write").build());
    }
    ai.agents().register(AgentDefinition.builder("editor").tools("blackboard_read").build());
    ai.agents().register(AgentDefinition.builder("herald").tools("broadcast_message").build());
    ai.agents().register(AgentDefinition.builder("listener").tools("read_messages").build());
    Baton baton = ai.attach(builder.build());
    open.add(ai);
    open.add(baton);
    return baton;
  }

  private static String start(Baton baton, String flow) {
    return baton.start(baton.loader().parse(flow, "f.yaml").orThrow(), Map.of()).id();
  }

  /** Runs {@code flow} to its end on an engine whose agents ask {@code model}. */
  private RunView run(StubServer model, String flow) {
    open.add(model);
    Baton baton = node(model);
    return baton.await(start(baton, flow), Duration.ofSeconds(30));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    return (Map<String, Object>) run.step(step).output();
  }

  /** What the editor's {@code blackboard_read} returned, from its step's output. */
  @SuppressWarnings("unchecked")
  private static Object editorRead(RunView run) {
    List<Map<String, Object>> turns = (List<Map<String, Object>>) output(run, "wrap").get("turns");
    var calls = (List<Map<String, Object>>) turns.getFirst().get("toolCalls");
    return calls.getFirst().get("result");
  }

  @Test
  void aGroupChatsAgentsWriteTheBlackboardOfTheRunOwningTheStepAlsoAcrossACrash() throws Exception {
    StubServer model =
        new StubServer()
            .ok(toolCall("blackboard_write", "{\"key\":\"title\",\"value\":\"Tides\"}"))
            .ok(chatCompletion("draft v1"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(toolCall("blackboard_write", "{\"key\":\"verdict\",\"value\":\"approved\"}"))
            .ok(chatCompletion("approved"))
            .ok(toolCall("blackboard_read", "{}"))
            .ok(chatCompletion("the board has a title and a verdict"));
    open.add(model);
    Baton first = node(model);
    String runId =
        start(
            first,
            """
            id: review
            steps:
              - {id: chat, type: group-chat, agents: [author, critic], maxTurns: 2, input: {prompt: "Name the article"}}
              - {id: wrap, type: chat, agent: editor, dependsOn: [chat], input: {prompt: "What is on the board?"}}
            """);
    model.awaitRequests(3); // the author's turn is done; the critic's hangs
    first.close();

    Baton second = node(model);
    RunView done = second.await(runId, Duration.ofSeconds(30));
    String childRun = (String) output(done, "chat").get("childRun");

    assertThat(conversations.blackboard(runId))
        .as("both turns wrote the blackboard of the run owning the group chat")
        .containsOnly(Map.entry("title", "\"Tides\""), Map.entry("verdict", "\"approved\""));
    assertThat(conversations.blackboard(childRun)).as("not the child run's").isEmpty();
    assertThat(editorRead(done))
        .as("the step after the team reads what its members wrote")
        .isEqualTo(Map.of("title", "Tides", "verdict", "approved"));
    assertThat(model.requests()).hasSize(7);
  }

  @Test
  void theMembersOfASwarmShareTheBlackboardOfTheRunOwningTheStep() throws Exception {
    StubServer model =
        new StubServer()
            .ok(toolCall("blackboard_write", "{\"key\":\"idea\",\"value\":\"Tides\"}"))
            .ok(chatCompletion("Tides"))
            .ok(chatCompletion("merged: Tides"))
            .ok(toolCall("blackboard_read", "{\"key\":\"idea\"}"))
            .ok(chatCompletion("the idea is Tides"));
    RunView done =
        run(
            model,
            """
            id: gather
            steps:
              - {id: s, type: swarm, agents: [author], aggregator: critic, input: {prompt: "A title"}}
              - {id: wrap, type: chat, agent: editor, dependsOn: [s], input: {prompt: "The idea?"}}
            """);

    assertThat(output(done, "s")).containsEntry("result", "merged: Tides");
    assertThat(conversations.blackboard(done.runId())).containsOnly(Map.entry("idea", "\"Tides\""));
    assertThat(editorRead(done)).isEqualTo("Tides");
  }

  @Test
  void theMembersOfAGroupChatMessageTheAgentsOfTheRunOwningTheStep() throws Exception {
    StubServer model =
        new StubServer()
            .ok(toolCall("broadcast_message", "{\"topic\":\"review\",\"content\":\"Tides\"}"))
            .ok(chatCompletion("announced"))
            .ok(toolCall("read_messages", "{\"topic\":\"review\"}"))
            .ok(chatCompletion("the herald said Tides"));
    RunView done =
        run(
            model,
            """
            id: announce
            steps:
              - {id: chat, type: group-chat, agents: [herald], maxTurns: 1, input: {prompt: "Announce"}}
              - {id: wrap, type: chat, agent: listener, dependsOn: [chat], input: {prompt: "Heard?"}}
            """);
    String childRun = (String) output(done, "chat").get("childRun");

    @SuppressWarnings("unchecked")
    var read = (List<Map<String, Object>>) ((Map<String, Object>) editorRead(done)).get("messages");
    assertThat(read)
        .as("the step after the team reads what its member broadcast in the owning run")
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m).containsEntry("from", "herald").containsEntry("topic", "review");
              assertThat(m).containsEntry("content", "Tides");
            });
    assertThat(conversations.messages(childRun, 0)).as("not in the child run's").isEmpty();
  }

  @Test
  void aTurnStepMayNotNameTheBlackboardOfARunItsTeamDoesNotBelongTo() throws Exception {
    StubServer model = new StubServer();
    RunView done =
        run(
            model,
            """
            id: sneaky
            steps:
              - {id: t, type: swarm-turn, agents: [author], input: {request: "Hi", agent: author, blackboardRun: someone-else}}
            """);

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().message()).contains("not of run someone-else");
    assertThat(model.requests()).as("the agent never ran").isEmpty();
  }
}

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
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team step whose engine stops (closed, as in a crash) during a turn goes on, in a new engine on
 * the same stores, at that turn: the turns are steps of the team step's child run, so the finished
 * ones are not run (nor their models asked) again. The model is a local OpenAI-compatible server
 * that answers in the order it is asked and never answers the request marked {@code HANG}.
 */
class TeamTurnsCrashTest {
  private static final List<String> AGENTS = List.of("author", "critic", "editor");

  @TempDir Path dir;
  private final SharedStores stores = new SharedStores();
  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final AtomicInteger replayedCalls = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private static String answer(String text) {
    return StubServer.chatCompletion(text);
  }

  private static String ballot(String choice) {
    return answer("{\"choice\":\"" + choice + "\",\"reason\":\"because\"}");
  }

  private Baton node(StubServer model) {
    var config =
        AiConfig.of(
            ProviderConfig.of("local", ProviderKind.OPENAI_COMPATIBLE, model.url("/v1"), "m")
                .withLimits(Duration.ofSeconds(10), 0));
    var builder = stores.builder(clock);
    BatonAi ai = BatonAi.install(builder, config, new AiEnvironment(clock, null, null, dir));
    for (String name : AGENTS) {
      ai.agents().register(AgentDefinition.builder(name).build());
    }
    // On the builder, so that it hears the calls of the runs the engine recovers as it starts.
    builder.listener(
        new RunListener() {
          @Override
          public void onEvent(JournalEntry entry) {}

          @Override
          public void onStepEmit(String runId, String path, String type, Object data) {
            if (type.equals("ai.call") && ((Map<?, ?>) data).get("replayed").equals(true)) {
              replayedCalls.incrementAndGet();
            }
          }
        });
    Baton baton = ai.attach(builder.build());
    open.add(ai);
    open.add(baton);
    return baton;
  }

  /** Starts {@code flow} on a first engine, and closes it once {@code requests} have arrived. */
  private String crashAfter(StubServer model, String flow, int requests) throws Exception {
    Baton first = node(model);
    String runId = first.start(first.loader().parse(flow, "f.yaml").orThrow(), Map.of()).id();
    model.awaitRequests(requests);
    first.close();
    return runId;
  }

  /**
   * That the turns finished before the crash did not run again: a turn step run again would ask its
   * model again, or (when its call had been journaled) replay it.
   */
  private void assertFinishedTurnsDidNotRunAgain(StubServer model, int requests) {
    assertThat(model.requests())
        .as("only the turn in flight at the crash asked its model again")
        .hasSize(requests);
    assertThat(replayedCalls).as("no finished turn ran again to replay its call").hasValue(0);
  }

  /** The paths of the turn steps that completed in {@code childRun}, once per completion. */
  private List<String> completedTurns(String childRun) {
    return stores.journal.read(childRun, 0).stream()
        .map(JournalEntry::event)
        .filter(StepCompleted.class::isInstance)
        .map(e -> ((StepCompleted) e).path())
        .filter(path -> path.endsWith("/turn") || path.equals("merge"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    return (Map<String, Object>) run.step(step).output();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGroupChatGoesOnAtTheTurnInFlightWithoutRunningTheFinishedOnesAgain() throws Exception {
    StubServer model =
        new StubServer()
            .ok(answer("draft v1"))
            .ok(answer("revise it"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(answer("draft v2"))
            .ok(answer("approved"));
    open.add(model);
    String runId =
        crashAfter(
            model,
            """
            id: review
            steps:
              - id: chat
                type: group-chat
                agents: [author, critic]
                maxTurns: 4
                input: {prompt: "Name the article"}
            """,
            3);

    Baton second = node(model);
    Map<String, Object> out = output(second.await(runId, Duration.ofSeconds(30)), "chat");
    assertThat((List<Map<String, Object>>) out.get("turns"))
        .extracting(t -> t.get("agent") + ": " + t.get("text"))
        .containsExactly(
            "author: draft v1", "critic: revise it", "author: draft v2", "critic: approved");
    assertFinishedTurnsDidNotRunAgain(model, 5);
    assertThat(model.requests().get(3).body()).isEqualTo(model.requests().get(2).body());

    RunView chat = second.await((String) out.get("childRun"), Duration.ofSeconds(10));
    for (int i = 0; i < 4; i++) {
      assertThat(chat.step("turns[" + i + "]/turn").status()).isEqualTo(StepStatus.COMPLETED);
    }
    assertThat(chat.step("turns[3]/turn").usage()).containsEntry("calls", 1L);
    assertThat(completedTurns(chat.runId()))
        .as("each turn completed once: the finished ones were not run again")
        .containsExactly("turns[0]/turn", "turns[1]/turn", "turns[2]/turn", "turns[3]/turn");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRecoveredTeamTakesItsOwnTurnsNotThoseOfAnotherWorkflowsTeamStepOfTheSameId()
      throws Exception {
    StubServer model =
        new StubServer()
            .ok(answer("first"))
            .ok(answer("second"))
            .ok(answer("draft"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(answer("edited"));
    open.add(model);
    // Both child runs are of a definition group-chat-chat: the second's has other agents.
    String team =
        """
        id: %s
        steps:
          - {id: chat, type: group-chat, agents: %s, maxTurns: 2, input: {prompt: "Name it"}}
        """;
    Baton first = node(model);
    RunView earlier =
        first
            .start(
                first
                    .loader()
                    .parse(team.formatted("one", "[author, critic]"), "one.yaml")
                    .orThrow(),
                Map.of())
            .await(Duration.ofSeconds(30));
    assertThat(earlier.status()).isEqualTo(RunStatus.COMPLETED);
    String runId =
        first
            .start(
                first
                    .loader()
                    .parse(team.formatted("two", "[critic, editor]"), "two.yaml")
                    .orThrow(),
                Map.of())
            .id();
    model.awaitRequests(4);
    first.close();

    Baton second = node(model);
    Map<String, Object> out = output(second.await(runId, Duration.ofSeconds(30)), "chat");
    assertThat((List<Map<String, Object>>) out.get("turns"))
        .as("the recovered child run's own definition, with its own agents")
        .extracting(t -> t.get("agent") + ": " + t.get("text"))
        .containsExactly("critic: draft", "editor: edited");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDebateGoesOnAtThePositionInFlightWithoutAskingForTheFinishedOnesAgain() throws Exception {
    StubServer model =
        new StubServer()
            .ok(answer("tabs"))
            .ok(answer("spaces"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(answer("still tabs"))
            .ok(answer("still spaces"))
            .ok(answer("spaces win"));
    open.add(model);
    String runId =
        crashAfter(
            model,
            """
            id: argue
            steps:
              - {id: d, type: debate, agents: [author, critic], rounds: 2, input: {prompt: "Tabs or spaces?"}}
            """,
            3);

    Baton second = node(model);
    Map<String, Object> out = output(second.await(runId, Duration.ofSeconds(30)), "d");
    assertThat(out).containsEntry("verdict", "spaces win");
    assertThat((List<Map<String, Object>>) out.get("turns"))
        .extracting(t -> t.get("agent") + ": " + t.get("text"))
        .containsExactly(
            "author: tabs", "critic: spaces", "author: still tabs", "critic: still spaces");
    assertFinishedTurnsDidNotRunAgain(model, 6);
    assertThat(model.requests().get(3).body()).isEqualTo(model.requests().get(2).body());
    assertThat(completedTurns((String) out.get("childRun")))
        .as("four positions and the verdict, each completed once")
        .containsExactly(
            "turns[0]/turn", "turns[1]/turn", "turns[2]/turn", "turns[3]/turn", "turns[4]/turn");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aVoteGoesOnAtTheBallotInFlightWithoutAskingTheVotersWhoVotedAgain() throws Exception {
    StubServer model =
        new StubServer()
            .ok(ballot("postgres"))
            .ok(ballot("sqlite"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(ballot("postgres"));
    open.add(model);
    String runId =
        crashAfter(
            model,
            """
            id: choose
            steps:
              - {id: v, type: vote, agents: [author, critic, editor], options: [sqlite, postgres], input: {prompt: "Which store?"}}
            """,
            3);

    Baton second = node(model);
    Map<String, Object> out = output(second.await(runId, Duration.ofSeconds(30)), "v");
    assertThat(out.get("winner")).isEqualTo("postgres");
    assertThat(out.get("tally")).isEqualTo(Map.of("sqlite", 1L, "postgres", 2L));
    assertThat((List<Map<String, Object>>) out.get("votes"))
        .extracting(v -> v.get("agent") + ": " + v.get("choice"))
        .containsExactly("author: postgres", "critic: sqlite", "editor: postgres");
    assertFinishedTurnsDidNotRunAgain(model, 4);
    assertThat(completedTurns((String) out.get("childRun")))
        .containsExactly("turns[0]/turn", "turns[1]/turn", "turns[2]/turn");
    RunView ballots = second.await((String) out.get("childRun"), Duration.ofSeconds(10));
    for (int i = 0; i < 3; i++) {
      assertThat(ballots.step("turns[" + i + "]/turn").usage())
          .as("each ballot's own tokens, the one in flight counted once")
          .containsEntry("calls", 1L)
          .containsEntry("totalTokens", 13L);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSwarmGoesOnWithTheAnswerInFlightWithoutAskingTheAgentsThatAnsweredAgain() throws Exception {
    StubServer model =
        new StubServer()
            .ok(answer("first answer"))
            .ok(answer("second answer"))
            .reply(StubServer.HANG, Map.of(), "")
            .ok(answer("third answer"))
            .ok(answer("merged"));
    open.add(model);
    // The agents answer side by side: the first engine stops once two answers are durable
    // (journaled as completed steps) and the third agent's request hangs.
    CountDownLatch answered = new CountDownLatch(2);
    Baton first = node(model);
    first.addListener(
        new RunListener() {
          @Override
          public void onEvent(JournalEntry entry) {
            if (entry.event() instanceof StepCompleted c && c.path().startsWith("members[")) {
              answered.countDown();
            }
          }
        });
    String runId =
        first
            .start(
                first
                    .loader()
                    .parse(
                        """
                        id: gather
                        steps:
                          - {id: s, type: swarm, agents: [author, critic, editor], input: {prompt: "Ideas for a title"}}
                        """,
                        "f.yaml")
                    .orThrow(),
                Map.of())
            .id();
    model.awaitRequests(3);
    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
    first.close();

    Baton second = node(model);
    Map<String, Object> out = output(second.await(runId, Duration.ofSeconds(30)), "s");
    assertThat(out).containsEntry("result", "merged");
    List<Map<String, Object>> answers = (List<Map<String, Object>>) out.get("answers");
    assertThat(answers).extracting(a -> a.get("agent")).containsExactlyElementsOf(AGENTS);
    assertThat(answers)
        .extracting(a -> a.get("text"))
        .containsExactlyInAnyOrder("first answer", "second answer", "third answer");
    assertFinishedTurnsDidNotRunAgain(model, 5);
    assertThat(model.requests().get(3).body()).isEqualTo(model.requests().get(2).body());
    assertThat(completedTurns((String) out.get("childRun")))
        .containsExactlyInAnyOrder(
            "members[0]/turn", "members[1]/turn", "members[2]/turn", "merge");
  }
}

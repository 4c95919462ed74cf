package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.ai.agent.AgentDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StepView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The turns of {@code debate}, {@code vote} and {@code swarm} as steps of the team step's child
 * run, each with its own input, output and usage, on the scripted offline model.
 */
class TeamTurnsTest {
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    assertThat(run.status()).as("run failed: %s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    return (Map<String, Object>) run.step(step).output();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static void team(AiEngine e, String... names) {
    for (String n : names) {
      e.ai.agents().register(AgentDefinition.builder(n).build());
    }
  }

  private static RunView child(AiEngine e, Map<String, Object> out) {
    return e.baton().await((String) out.get("childRun"), Duration.ofSeconds(10));
  }

  @Test
  void eachPositionOfADebateAndItsVerdictAreStepsOfItsChildRun() throws Exception {
    String script =
        """
        replies:
          - when: {agent: d-judge}
            text: "spaces win: they render the same everywhere"
          - when: {agent: pro}
            text: "tabs"
          - when: {agent: con}
            text: "spaces"
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      team(e, "pro", "con");
      Map<String, Object> out =
          output(
              e.run(
                  """
                  id: argue
                  steps:
                    - {id: d, type: debate, agents: [pro, con], rounds: 2, input: {prompt: "Tabs or spaces?"}}
                  """,
                  Map.of()),
              "d");

      assertThat(out).containsEntry("verdict", "spaces win: they render the same everywhere");
      assertThat(list(out.get("turns")))
          .extracting(t -> t.get("agent") + ": " + t.get("text"))
          .containsExactly("pro: tabs", "con: spaces", "pro: tabs", "con: spaces");
      RunView debate = child(e, out);
      assertThat(debate.steps().values())
          .filteredOn(s -> s.type().equals("debate-turn"))
          .extracting(StepView::path, StepView::status)
          .containsExactlyInAnyOrder(
              tuple("turns[0]/turn", StepStatus.COMPLETED),
              tuple("turns[1]/turn", StepStatus.COMPLETED),
              tuple("turns[2]/turn", StepStatus.COMPLETED),
              tuple("turns[3]/turn", StepStatus.COMPLETED),
              tuple("turns[4]/turn", StepStatus.COMPLETED));
      StepView third = debate.step("turns[2]/turn");
      assertThat(map(third.input())).containsEntry("request", "Tabs or spaces?");
      assertThat(map(third.output()))
          .containsEntry("agent", "pro")
          .containsEntry("round", 2L)
          .containsEntry("done", false);
      assertThat((String) map(third.output()).get("input"))
          .contains("round 2 of 2")
          .contains("con: spaces");
      assertThat(third.usage()).as("the position's own model call").containsEntry("calls", 1L);
      StepView verdict = debate.step("turns[4]/turn");
      assertThat(map(verdict.output()))
          .containsEntry("agent", "d-judge")
          .containsEntry("verdict", "spaces win: they render the same everywhere")
          .containsEntry("done", true);
      assertThat(verdict.usage()).containsEntry("calls", 1L);
    }
  }

  @Test
  void eachBallotOfAVoteIsAStepOfItsChildRunAndTheStepCountsThem() throws Exception {
    String script =
        """
        replies:
          - when: {agent: a}
            json: {choice: sqlite, reason: small}
          - when: {agent: b}
            json: {choice: postgres, reason: durable}
          - when: {agent: c}
            json: {choice: postgres, reason: familiar}
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      team(e, "a", "b", "c");
      Map<String, Object> out =
          output(
              e.run(
                  """
                  id: choose
                  steps:
                    - id: v
                      type: vote
                      agents: [a, b, c]
                      input: {prompt: "Which store?", options: "${inputs.options}"}
                  """,
                  Map.of("options", List.of("sqlite", "postgres"))),
              "v");

      assertThat(out.get("winner")).isEqualTo("postgres");
      assertThat(out.get("tally")).isEqualTo(Map.of("sqlite", 1L, "postgres", 2L));
      RunView vote = child(e, out);
      assertThat(vote.steps().values())
          .filteredOn(s -> s.type().equals("vote-turn"))
          .extracting(s -> map(s.output()).get("agent") + ": " + map(s.output()).get("choice"))
          .containsExactlyInAnyOrder("a: sqlite", "b: postgres", "c: postgres");
      StepView second = vote.step("turns[1]/turn");
      assertThat(map(second.output()))
          .containsEntry("reason", "durable")
          .containsEntry("done", false);
      assertThat((String) map(second.output()).get("input"))
          .as("the options given as input reach the ballots")
          .contains("[sqlite, postgres]");
      assertThat(second.usage()).containsEntry("calls", 1L);
      assertThat(map(vote.step("turns[2]/turn").output())).containsEntry("done", true);
    }
  }

  @Test
  void eachAgentOfASwarmAndTheMergeAreStepsOfItsChildRun() throws Exception {
    String script =
        """
        replies:
          - when: {agent: editor}
            text: "Tides, merged"
          - when: {agent: a}
            text: "Moon pull"
          - when: {agent: b}
            text: "Sea levels"
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      team(e, "a", "b", "editor");
      Map<String, Object> out =
          output(
              e.run(
                  """
                  id: gather
                  steps:
                    - {id: s, type: swarm, agents: [a, b], aggregator: editor, input: {prompt: "Ideas on tides"}}
                  """,
                  Map.of()),
              "s");

      assertThat(out).containsEntry("result", "Tides, merged");
      assertThat(list(out.get("answers")))
          .extracting(a -> a.get("agent") + ": " + a.get("text"))
          .containsExactly("a: Moon pull", "b: Sea levels");
      assertThat(list(out.get("answers")).getFirst()).containsOnlyKeys("agent", "text", "usage");
      RunView swarm = child(e, out);
      StepView second = swarm.step("members[1]/turn");
      assertThat(second.type()).isEqualTo("swarm-turn");
      assertThat(map(second.input()))
          .containsEntry("request", "Ideas on tides")
          .containsEntry("agent", "b");
      assertThat(map(second.output())).containsEntry("text", "Sea levels");
      assertThat(second.usage()).containsEntry("calls", 1L);
      StepView merge = swarm.step("merge");
      assertThat(merge.type()).isEqualTo("swarm-turn");
      assertThat(list(map(merge.input()).get("answers"))).hasSize(2);
      assertThat(map(merge.output()))
          .containsEntry("agent", "editor")
          .containsEntry("result", "Tides, merged");
      assertThat((String) map(merge.output()).get("input")).contains("a: Moon pull");
      assertThat(merge.usage()).containsEntry("calls", 1L);
    }
  }

  @Test
  void aJudgeOrAggregatorNoAgentIsCalledFailsTheStepNamingItBeforeAnyTurn() throws Exception {
    try (AiEngine e = AiEngine.offline("replies: []", dir)) {
      team(e, "pro", "con");
      for (String[] stepAndField : new String[][] {{"debate", "judge"}, {"swarm", "aggregator"}}) {
        RunView run =
            e.run(
                """
                id: bad-%s
                steps:
                  - {id: t, type: %s, agents: [pro, con], %s: nobody, input: {prompt: "?"}}
                """
                    .formatted(stepAndField[0], stepAndField[0], stepAndField[1]),
                Map.of());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.step("t").failure().message())
            .contains("step 't', field '" + stepAndField[1] + "'")
            .contains("nobody");
        assertThat(run.step("t").output()).as("no child run started").isNull();
      }
    }
  }
}

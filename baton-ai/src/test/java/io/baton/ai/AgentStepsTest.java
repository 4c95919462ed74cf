package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentState;
import io.baton.ai.agent.AgentType;
import io.baton.ai.agent.MemoryPolicy;
import io.baton.ai.model.OfflineModel;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent step types in real runs, on the scripted offline model. */
class AgentStepsTest {
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    assertThat(run.status())
        .as("run %s failed: %s", run.runId(), run.failure())
        .isEqualTo(RunStatus.COMPLETED);
    return (Map<String, Object>) run.step(step).output();
  }

  @Test
  void anLlmStepAnswersDeterministicallyAndSaysItIsOffline() throws Exception {
    try (AiEngine e = AiEngine.offline(null, dir)) {
      String flow =
          """
          id: ask
          steps:
            - id: q
              type: llm
              input: {prompt: "Name a colour for ${inputs.thing}"}
          """;
      Map<String, Object> a = output(e.run(flow, Map.of("thing", "the sea")), "q");
      Map<String, Object> b = output(e.run(flow, Map.of("thing", "the sea")), "q");
      assertThat(a.get("text")).isEqualTo(b.get("text"));
      assertThat((String) a.get("text"))
          .startsWith(OfflineModel.LABEL)
          .contains("Name a colour for the sea");
      assertThat(a).containsEntry("offline", true).containsEntry("model", "offline/offline");
      assertThat((Map<String, Object>) a.get("usage")).containsEntry("calls", 1L);
    }
  }

  @Test
  void aReactAgentCallsToolsFromTheEnginesRegistryUntilItAnswers() throws Exception {
    String script =
        """
        replies:
          - when: {agent: calc, turn: 1}
            toolCalls: [{name: add, arguments: {a: 2, b: 3}}]
          - when: {agent: calc, afterTool: add}
            text: "The sum is {{toolResult}}"
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      e.ai.tool(
          Tool.of(
              "add",
              "Adds two numbers",
              Map.of(
                  "type",
                  "object",
                  "properties",
                  Map.of("a", Map.of("type", "integer"), "b", Map.of("type", "integer"))),
              (args, ctx) ->
                  ((Number) args.get("a")).intValue() + ((Number) args.get("b")).intValue()));
      e.ai
          .agents()
          .register(AgentDefinition.builder("calc").type(AgentType.REACT).tools("add").build());
      Map<String, Object> out =
          output(
              e.run(
                  """
          id: sum
          steps:
            - id: think
              type: agent
              agent: calc
              input: {prompt: "What is 2 + 3?"}
          """,
                  Map.of()),
              "think");
      assertThat(out.get("text")).isEqualTo("The sum is 5");
      List<Map<String, Object>> turns = (List<Map<String, Object>>) out.get("turns");
      assertThat(turns).hasSize(2);
      assertThat((List<Map<String, Object>>) turns.getFirst().get("toolCalls"))
          .singleElement()
          .satisfies(c -> assertThat(c).containsEntry("tool", "add").containsEntry("result", 5L));
    }
  }

  @Test
  void aStructuredAnswerThatDoesNotMatchIsSentBackForRepair() throws Exception {
    String script =
        """
        replies:
          - when: {agent: rater, turn: 1}
            json: {score: "high"}
          - when: {agent: rater, turn: 2}
            json: {score: 4, verdict: accept}
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      e.ai
          .agents()
          .register(
              AgentDefinition.builder("rater")
                  .outputSchema(
                      Map.of(
                          "type",
                          "object",
                          "required",
                          List.of("score", "verdict"),
                          "properties",
                          Map.of(
                              "score",
                              Map.of("type", "integer"),
                              "verdict",
                              Map.of("type", "string"))))
                  .build());
      Map<String, Object> out =
          output(
              e.run(
                  """
          id: rate
          steps:
            - {id: r, type: agent, agent: rater, input: {prompt: "Rate this draft"}}
          """,
                  Map.of()),
              "r");
      assertThat(out.get("json")).isEqualTo(Map.of("score", 4L, "verdict", "accept"));
      List<Map<String, Object>> turns = (List<Map<String, Object>>) out.get("turns");
      assertThat((List<String>) turns.getFirst().get("schemaProblems")).isNotEmpty();
    }
  }

  @Test
  void anAgentRemembersEarlierStepsOfTheSameRunAndItsInstanceEndsWithTheRun() throws Exception {
    String script =
        """
        replies:
          - when: {contains: "what did I say"}
            text: "remembered"
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      e.ai
          .agents()
          .register(
              AgentDefinition.builder("pal")
                  .type(AgentType.CHAT)
                  .memory(MemoryPolicy.window(10))
                  .build());
      RunView run =
          e.run(
              """
          id: talk
          steps:
            - {id: one, type: chat, agent: pal, input: {prompt: "My name is Ada"}}
            - {id: two, type: chat, agent: pal, dependsOn: [one], input: {prompt: "what did I say?"}}
          """,
              Map.of());
      Map<String, Object> two = output(run, "two");
      assertThat(two.get("text")).isEqualTo("remembered");
      String memory = e.ai.environment().conversations().loadConversation(run.runId(), "pal");
      assertThat(memory).contains("My name is Ada").contains("what did I say?");
      assertThat(e.ai.instances().state(run.runId(), "pal")).isNull();
    }
  }

  @Test
  void aRegisteredAgentGoesThroughItsLifecycleInOrder() {
    assertThat(AgentState.CREATED.canGoTo(AgentState.INITIALIZED)).isTrue();
    assertThat(AgentState.RUNNING.canGoTo(AgentState.PAUSED)).isTrue();
    assertThat(AgentState.PAUSED.canGoTo(AgentState.RUNNING)).isTrue();
    assertThat(AgentState.RUNNING.canGoTo(AgentState.DESTROYED)).isFalse();
    assertThat(AgentState.DESTROYED.next()).isEmpty();
  }

  @Test
  void aSupervisorRoutesToEachAgentThenFinishes() throws Exception {
    try (AiEngine e = AiEngine.offline(null, dir)) {
      e.ai
          .agents()
          .register(AgentDefinition.builder("researcher").description("finds facts").build());
      e.ai.agents().register(AgentDefinition.builder("writer").description("writes").build());
      Map<String, Object> out =
          output(
              e.run(
                  """
          id: team
          steps:
            - id: lead
              type: supervisor
              agents: [researcher, writer]
              maxTurns: 5
              input: {prompt: "Report on tides"}
          """,
                  Map.of()),
              "lead");
      List<Map<String, Object>> turns = (List<Map<String, Object>>) out.get("turns");
      assertThat(turns).extracting(t -> t.get("agent")).containsExactly("researcher", "writer");
      assertThat((List<Map<String, Object>>) out.get("decisions"))
          .extracting(d -> d.get("next"))
          .containsExactly("researcher", "writer", "FINISH");
      RunView turnSteps = e.baton().status((String) out.get("childRun"));
      assertThat(turnSteps.step("turns[0]/turn").type()).isEqualTo("supervisor-turn");
      assertThat((Map<String, Object>) turnSteps.step("turns[1]/turn").output())
          .containsEntry("agent", "writer")
          .containsEntry("done", false);
      assertThat((Map<String, Object>) turnSteps.step("turns[2]/turn").output())
          .containsEntry("done", true)
          .doesNotContainKey("agent");
      assertThat(turnSteps.step("turns[0]/turn").usage())
          .as("the decision's and the researcher's model calls")
          .containsEntry("calls", 2L);
    }
  }

  @Test
  void aVoteTalliesTheAgentsChoices() throws Exception {
    String script =
        """
        replies:
          - when: {agent: b}
            json: {choice: postgres, reason: durable}
          - when: {agent: c}
            json: {choice: postgres, reason: familiar}
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      for (String n : List.of("a", "b", "c")) {
        e.ai.agents().register(AgentDefinition.builder(n).build());
      }
      Map<String, Object> out =
          output(
              e.run(
                  """
          id: choose
          steps:
            - {id: v, type: vote, agents: [a, b, c], options: [sqlite, postgres], input: {prompt: "Which store?"}}
          """,
                  Map.of()),
              "v");
      assertThat(out.get("winner")).isEqualTo("postgres");
      assertThat(out.get("tally")).isEqualTo(Map.of("sqlite", 1L, "postgres", 2L));
    }
  }

  @Test
  void aHandoffPassesControlWithAMessage() throws Exception {
    String script =
        """
        replies:
          - when: {agent: triage}
            json: {answer: "", handoffTo: billing, message: "refund question"}
          - when: {agent: billing}
            json: {answer: "Refund issued", handoffTo: none}
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      e.ai.agents().register(AgentDefinition.builder("triage").build());
      e.ai.agents().register(AgentDefinition.builder("billing").build());
      Map<String, Object> out =
          output(
              e.run(
                  """
          id: desk
          steps:
            - {id: h, type: handoff, agents: [triage, billing], input: {prompt: "I want my money back"}}
          """,
                  Map.of()),
              "h");
      assertThat(out)
          .containsEntry("result", "Refund issued")
          .containsEntry("answeredBy", "billing");
      RunView turnSteps = e.baton().status((String) out.get("childRun"));
      assertThat(turnSteps.step("turns[0]/turn").output())
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("agent", "triage")
          .containsEntry("handoffTo", "billing")
          .containsEntry("done", false);
      assertThat(turnSteps.step("turns[1]/turn").output())
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("agent", "billing")
          .containsEntry("done", true);
    }
  }

  @Test
  void aPlanAgentsTasksRunAsStepsOfAChildRunThenASummary() throws Exception {
    String script =
        """
        replies:
          - when: {agent: planner, turn: 1}
            json: {tasks: [{id: gather, description: "gather facts"}, {id: write, description: "write it up", dependsOn: [gather]}]}
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      e.ai.agents().register(AgentDefinition.builder("planner").build());
      RunView run =
          e.run(
              """
          id: planned
          steps:
            - {id: p, type: plan, agent: planner, input: {prompt: "Explain tides"}}
          """,
              Map.of());
      Map<String, Object> out = output(run, "p");
      String child = (String) out.get("childRun");
      RunView childRun = e.baton().status(child);
      assertThat(childRun.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(childRun.steps()).containsKeys("gather", "write", "summary");
      assertThat(((Map<String, Object>) out.get("results")).keySet())
          .containsExactly("gather", "write");
      assertThat((String) out.get("summary")).startsWith(OfflineModel.LABEL);
    }
  }

  @Test
  void aRagAgentAnswersFromTheNearestPassagesWithCitations() throws Exception {
    try (AiEngine e = AiEngine.offline(null, dir)) {
      e.ai
          .agents()
          .register(
              AgentDefinition.builder("librarian")
                  .type(AgentType.RAG)
                  .options(
                      Map.of(
                          "topK",
                          1,
                          "documents",
                          List.of(
                              Map.of(
                                  "source",
                                  "tides.md",
                                  "text",
                                  "Tides are caused by the gravitational pull of the moon and the sun on the oceans."),
                              Map.of(
                                  "source",
                                  "bread.md",
                                  "text",
                                  "Bread rises because yeast ferments sugars and releases carbon dioxide."))))
                  .build());
      Map<String, Object> out =
          output(
              e.run(
                  """
          id: ask
          steps:
            - {id: q, type: agent, agent: librarian, input: {prompt: "Why does the sea have tides?"}}
          """,
                  Map.of()),
              "q");
      assertThat((List<Map<String, Object>>) out.get("citations"))
          .singleElement()
          .satisfies(c -> assertThat(c).containsEntry("source", "tides.md").containsEntry("n", 1L));
    }
  }
}

package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.agent.ModelSpec;
import io.baton.ai.model.ModelRef;
import io.baton.ai.step.AgentResolver;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the team steps share: the step's agents, a coordinator model for routing decisions, and
 * turns that are recorded in the output and published as {@code team.turn} step events.
 *
 * @param step the step
 * @param members the agents, in the order the step names them
 * @param runner runs agents
 */
record Team(CustomStep step, List<AgentDefinition> members, AgentRunner runner) {

  static Team of(CustomStep step, AgentRegistry registry, AgentRunner runner) {
    List<String> names = new StepConfig(step).texts("agents");
    try {
      return new Team(step, names.stream().map(registry::require).toList(), runner);
    } catch (IllegalArgumentException e) {
      throw new StepException(ErrorKind.NOT_FOUND, "step '" + step.id() + "': " + e.getMessage());
    }
  }

  /**
   * The registered agent that field {@code field} of team step {@code stepId} names ({@code judge},
   * {@code aggregator}); null when the field is not set.
   *
   * @throws StepException NOT_FOUND, naming the step and the field, when no agent has that name
   */
  static AgentDefinition namedBy(
      String stepId, String field, StepConfig config, AgentRegistry registry) {
    String name = config.text(field, null);
    if (name == null) {
      return null;
    }
    try {
      return registry.require(name);
    } catch (IllegalArgumentException e) {
      throw new StepException(
          ErrorKind.NOT_FOUND, "step '" + stepId + "', field '" + field + "': " + e.getMessage());
    }
  }

  /** The member called {@code name}. */
  AgentDefinition member(String name) {
    return members.stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new StepException(
                    ErrorKind.BAD_OUTPUT,
                    "step '"
                        + step.id()
                        + "': '"
                        + name
                        + "' is not one of its agents "
                        + names()));
  }

  List<String> names() {
    return members.stream().map(AgentDefinition::name).toList();
  }

  /**
   * A coordinator answering in {@code schema}: the step's {@code model}, instructed by {@code
   * instructions}, with one model call plus repairs.
   */
  AgentDefinition coordinator(String name, String instructions, Map<String, Object> schema) {
    return coordinator(step.id(), name, instructions, schema);
  }

  /** A coordinator as above, named after {@code owner} (the step it works for) and {@code name}. */
  AgentDefinition coordinator(
      String owner, String name, String instructions, Map<String, Object> schema) {
    StepConfig c = new StepConfig(step);
    String model = c.text("model", null);
    return AgentDefinition.builder(owner + "-" + name)
        .role(name)
        .systemPrompt(instructions)
        .model(
            new ModelSpec(
                model == null ? null : ModelRef.parse(model),
                c.texts("fallbacks").stream().map(ModelRef::parse).toList(),
                null,
                null))
        .outputSchema(schema)
        .maxIterations(1)
        .build();
  }

  /** Runs one turn and records it. */
  AgentOutcome turn(
      AgentDefinition agent, String prompt, List<Map<String, Object>> turns, StepContext context) {
    AgentOutcome outcome = runner.run(agent, AgentTask.of(prompt), context);
    Map<String, Object> turn = new LinkedHashMap<>();
    turn.put("turn", turns.size() + 1);
    turn.put("agent", agent.name());
    turn.put("text", outcome.text());
    if (outcome.json() != null) {
      turn.put("json", outcome.json());
    }
    turn.put("model", outcome.model());
    turn.put("usage", outcome.usage().toMap());
    turns.add(turn);
    context.emit("team.turn", turn);
    return outcome;
  }

  /** The step's request. */
  String request(StepContext context) {
    return AgentResolver.taskOf(step, context).prompt();
  }

  /** The whole-number field {@code field}, at least 1. */
  int limit(String field, int fallback) {
    return Math.max(1, new StepConfig(step).integer(field, fallback));
  }
}

package io.baton.ai.team;

import io.baton.ai.step.ChildRun;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.ai.tool.Blackboards;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the turns of a team step as steps of the step's child run ({@link ChildRun}), journaled and
 * recovered like any step, each with its own input, output and usage.
 *
 * <p>Turns one after the other ({@code group-chat}, {@code supervisor}, {@code handoff}, {@code
 * debate}, {@code vote}, {@link #run}): the child run is a {@code loop} named {@code turns} whose
 * body is one turn step ({@code <type>-turn}), so turn {@code n} is step {@code turns[n-1]/turn}
 * with its input ({@code request}, and {@code previous}: the turn before). A turn step's output
 * says whether the team is {@code done} and carries what the next turn needs; the loop ends when it
 * is done, or after {@code maxTurns}.
 *
 * <p>Turns side by side ({@code swarm}, {@link #runSideBySide}): a {@code map} named {@code
 * members} runs one turn step per agent at once ({@code members[i]/turn}, input {@code request} and
 * {@code agent}), then step {@code merge} gets their outputs as {@code answers}.
 */
final class TurnSteps {
  /** The config field naming the team step, for the turn's errors and coordinator names. */
  static final String TEAM_STEP = "teamStep";

  /** The config field with the most turns, which the last turn reports as its reason to stop. */
  static final String MAX_TURNS = "maxTurns";

  /**
   * The input of the child run and of its turn steps naming the run whose blackboard the turns'
   * agents share: the run that owns the team step ({@link #context}).
   */
  static final String BLACKBOARD_RUN = "blackboardRun";

  /** The field of a turn's output with the turns so far, which the next turn reads. */
  static final String TRANSCRIPT = "transcript";

  /**
   * What a turn step is given: its config, the id of the team step it works for, the team's
   * request, the previous turn's output (empty for the first) and the transcript before this turn
   * (a copy the turn adds itself to).
   */
  record Turn(
      StepConfig config,
      String teamStep,
      String request,
      Map<String, Object> previous,
      List<Map<String, Object>> transcript) {

    @SuppressWarnings("unchecked")
    static Turn of(CustomStep step, StepContext context) {
      Map<String, Object> input = context.inputMap();
      Map<String, Object> previous =
          input.get("previous") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
      StepConfig config = new StepConfig(step);
      return new Turn(
          config,
          config.text(TEAM_STEP, step.id()),
          String.valueOf(input.get("request")),
          previous,
          list(previous.get(TRANSCRIPT)));
    }

    /** Whether this is the team's first turn. */
    boolean first() {
      return previous.isEmpty();
    }

    /** The most turns the team takes. */
    int maxTurns() {
      return config.integer(MAX_TURNS, Integer.MAX_VALUE);
    }

    /** A list field of the previous turn's output, copied; empty for the first turn. */
    List<Map<String, Object>> list(String field) {
      return Turn.list(previous.get(field));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
      List<Map<String, Object>> out = new ArrayList<>();
      if (value instanceof List<?> items) {
        items.forEach(i -> out.add((Map<String, Object>) i));
      }
      return out;
    }
  }

  private static final String SHARED_BLACKBOARD = "${inputs." + BLACKBOARD_RUN + "}";

  private TurnSteps() {}

  /**
   * The context a turn step's agents work in: {@code context}, sharing the blackboard of the run
   * that owns the team step, which the turn's input names ({@link #BLACKBOARD_RUN}; a run started
   * before turns had it shares its own). In the run's durable input, so that a turn re-executed
   * after a crash shares the same blackboard.
   *
   * @throws StepException BAD_INPUT when the named run is not the one the turn's child run belongs
   *     to: a turn shares only its own team's blackboard
   */
  static StepContext context(StepContext context) {
    if (!(context.inputMap().get(BLACKBOARD_RUN) instanceof String owner)) {
      return context;
    }
    if (!ChildRun.belongsTo(context.runId(), owner)) {
      throw new StepException(
          ErrorKind.BAD_INPUT,
          "step '"
              + context.stepId()
              + "' of run "
              + context.runId()
              + " may share the blackboard of the run its team step belongs to, not of run "
              + owner);
    }
    return Blackboards.sharing(context, owner);
  }

  /**
   * Runs {@code step}'s turns one after the other, at most {@code maxTurns}, and returns the last
   * turn's output with the child run's id ({@code childRun}).
   *
   * @param turnType the turn step's type
   */
  static Map<String, Object> run(
      Supplier<Baton> baton,
      CustomStep step,
      String turnType,
      int maxTurns,
      String request,
      StepContext context) {
    WorkflowDefinition turns =
        child(step)
            .step(
                Steps.loop(
                    "turns",
                    "result.done",
                    maxTurns,
                    Steps.custom("turn", turnType, config(step, maxTurns))
                        .input("request", "${inputs.request}")
                        .input("previous", "${previous}")
                        .input(BLACKBOARD_RUN, SHARED_BLACKBOARD)))
            .outputs("${steps.turns.output.result}")
            .build();
    return runChild(baton, step, turns, Map.of("request", request), context);
  }

  /**
   * Runs one {@code turnType} step per agent of {@code step} at once, then one with their outputs
   * ({@code answers}, in the order the step names the agents), and returns that last step's output
   * with the child run's id ({@code childRun}).
   */
  static Map<String, Object> runSideBySide(
      Supplier<Baton> baton,
      CustomStep step,
      String turnType,
      String request,
      StepContext context) {
    List<String> agents = new StepConfig(step).texts("agents");
    Map<String, Object> config = config(step, agents.size());
    WorkflowDefinition turns =
        child(step)
            .step(
                Steps.map(
                    "members",
                    "${inputs.agents}",
                    0,
                    Steps.custom("turn", turnType, config)
                        .input("request", "${inputs.request}")
                        .input("agent", "${item}")
                        .input(BLACKBOARD_RUN, SHARED_BLACKBOARD)))
            .step(
                Steps.custom("merge", turnType, config)
                    .dependsOn("members")
                    .input("request", "${inputs.request}")
                    .input("answers", "${steps.members.output}")
                    .input(BLACKBOARD_RUN, SHARED_BLACKBOARD))
            .outputs("${steps.merge.output}")
            .build();
    return runChild(baton, step, turns, Map.of("request", request, "agents", agents), context);
  }

  /** The config schema of a turn step working for a team step with the fields {@code fields}. */
  static Map<String, Object> schema(Map<String, Object> fields) {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    all.put(MAX_TURNS, ConfigSchemas.positive());
    all.put(TEAM_STEP, ConfigSchemas.text());
    return ConfigSchemas.teamStep(all);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> runChild(
      Supplier<Baton> baton,
      CustomStep step,
      WorkflowDefinition turns,
      Map<String, Object> inputs,
      StepContext context) {
    Baton engine = ChildRun.engine(baton, step.type() + " step '" + step.id() + "'");
    Map<String, Object> withBlackboard = new LinkedHashMap<>(inputs);
    withBlackboard.put(BLACKBOARD_RUN, Blackboards.runOf(context));
    RunView done =
        ChildRun.run(
            engine,
            turns,
            ChildRun.id(context),
            withBlackboard,
            "the " + step.type() + " step's child run");
    Map<String, Object> last = new LinkedHashMap<>((Map<String, Object>) done.outputs());
    last.put("childRun", done.runId());
    return last;
  }

  private static Workflow child(CustomStep step) {
    return Workflow.define(step.type() + "-" + step.id())
        .description("The turns of " + step.type() + " step " + step.id());
  }

  private static Map<String, Object> config(CustomStep step, int maxTurns) {
    Map<String, Object> config = new LinkedHashMap<>(step.config());
    config.put(MAX_TURNS, maxTurns);
    config.put(TEAM_STEP, step.id());
    return config;
  }
}

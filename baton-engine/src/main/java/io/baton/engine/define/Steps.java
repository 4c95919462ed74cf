package io.baton.engine.define;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.EventWait;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Factories for steps in Java, one per step type; each returns a {@link StepBuilder} for the common
 * fields.
 *
 * <pre>{@code
 * WorkflowDefinition flow = Workflow.define("review")
 *     .step(Steps.tool("draft", "writer").input("topic", "${inputs.topic}"))
 *     .step(Steps.human("approve", "Publish this draft?").dependsOn("draft"))
 *     .build();
 * }</pre>
 */
public final class Steps {
  private Steps() {}

  /** Calls a registered tool with the step's input. */
  public static StepBuilder tool(String id, String tool) {
    return new StepBuilder(id, c -> new ToolStep(c, tool));
  }

  /** Calls an operation of a coordination module. */
  public static StepBuilder module(String id, String module, String operation) {
    return new StepBuilder(id, c -> new ModuleStep(c, module, operation));
  }

  /** A step of a type registered through the step-executor SPI. */
  public static StepBuilder custom(String id, String type, Map<String, Object> config) {
    return new StepBuilder(id, c -> new CustomStep(c, type, config));
  }

  /** Computes a value from a CEL expression. */
  public static StepBuilder transform(String id, String expression) {
    return new StepBuilder(id, c -> new TransformStep(c, expression, null));
  }

  /** Computes a JSON value whose strings may hold templates. */
  public static StepBuilder value(String id, Object value) {
    return new StepBuilder(id, c -> new TransformStep(c, null, value));
  }

  /** Marks the start. */
  public static StepBuilder start(String id) {
    return new StepBuilder(id, StartStep::new);
  }

  /** Ends the run with {@code output} (templates allowed), or the workflow's outputs when null. */
  public static StepBuilder end(String id, Object output) {
    return new StepBuilder(id, c -> new EndStep(c, output));
  }

  /** Runs {@code whenTrue} or {@code whenFalse} depending on a condition. */
  public static StepBuilder condition(
      String id, String condition, List<String> whenTrue, List<String> whenFalse) {
    return new StepBuilder(id, c -> new ConditionStep(c, condition, whenTrue, whenFalse));
  }

  /** Runs branches side by side, all-settled. */
  public static StepBuilder parallel(String id, Branch... branches) {
    return new StepBuilder(
        id, c -> new ParallelStep(c, Arrays.asList(branches), ParallelMode.ALL_SETTLED));
  }

  /** A branch of a parallel step. */
  public static Branch branch(String id, StepBuilder... steps) {
    return new Branch(id, build(steps));
  }

  /**
   * Runs {@code body} once per item of {@code items}, at most {@code maxConcurrency} at once (0: no
   * limit).
   */
  public static StepBuilder map(String id, String items, int maxConcurrency, StepBuilder... body) {
    return new StepBuilder(id, c -> new MapStep(c, items, null, maxConcurrency, build(body), null));
  }

  /** Runs {@code body} until {@code until} holds, at most {@code maxIterations} times. */
  public static StepBuilder loop(String id, String until, int maxIterations, StepBuilder... body) {
    return new StepBuilder(id, c -> new LoopStep(c, null, until, maxIterations, build(body), null));
  }

  /** Runs a registered workflow as a child run. */
  public static StepBuilder subworkflow(String id, String workflowId) {
    return new StepBuilder(id, c -> new SubworkflowStep(c, workflowId, null));
  }

  /** Waits for a duration. */
  public static StepBuilder sleep(String id, Duration duration) {
    return new StepBuilder(id, c -> new WaitStep(c, duration, null, null));
  }

  /** Waits for an event with a correlation key (a template). */
  public static StepBuilder awaitEvent(String id, String event, String correlationKey) {
    return new StepBuilder(
        id, c -> new WaitStep(c, null, null, new EventWait(event, correlationKey)));
  }

  /** Asks a person; the answer is the step's output. */
  public static StepBuilder human(String id, String prompt) {
    return new StepBuilder(id, c -> new HumanStep(c, prompt, Map.of(), List.of(), null, null));
  }

  /** Publishes an event with {@code data} (templates allowed). */
  public static StepBuilder publish(String id, String event, Object data, String correlationKey) {
    return new StepBuilder(id, c -> new EventStep(c, event, data, correlationKey));
  }

  private static List<StepDef> build(StepBuilder... steps) {
    return Arrays.stream(steps).map(StepBuilder::build).toList();
  }
}

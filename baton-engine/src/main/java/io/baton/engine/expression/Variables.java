package io.baton.engine.expression;

import java.util.Set;

/**
 * The names under which the engine hands run state to expressions and templates, and the shape of a
 * step's entry.
 *
 * <p>Every dialect and template sees the same variables, all of dynamic type (plain JSON-like Java
 * values: {@code Map<String, Object>}, {@code List<Object>}, {@code String}, numbers, {@code
 * Boolean}, {@code null}):
 *
 * <pre>{@code
 * Map<String, Object> variables = Map.of(
 *     Variables.INPUTS, Map.of("goal", "ship it"),
 *     Variables.STEPS, Map.of("plan", Map.of(
 *         Variables.STEP_OUTPUT, Map.of("tasks", List.of("a", "b")),
 *         Variables.STEP_STATUS, "COMPLETED")));
 * expressions.compile("size(steps.plan.output.tasks) > 1").evaluate(variables); // true
 * }</pre>
 *
 * <p>A step's entry under {@link #STEPS} is a map with {@link #STEP_OUTPUT}, {@link #STEP_STATUS}
 * and {@link #STEP_ERROR}; the seeds' alias {@code plan.result.x} reads {@code
 * steps.plan.output.x}.
 */
public final class Variables {
  /** The run's inputs. */
  public static final String INPUTS = "inputs";

  /** Step states by step id: {@code steps.<id>.output}, {@code .status}, {@code .error}. */
  public static final String STEPS = "steps";

  /** The run's variables. */
  public static final String VARS = "vars";

  /** The current element inside a {@code map} step. */
  public static final String ITEM = "item";

  /** The 0-based position of {@link #ITEM} in the mapped list. */
  public static final String INDEX = "index";

  /** The 0-based iteration of a {@code loop} step. */
  public static final String ITERATION = "iteration";

  /** The previous iteration's result inside a {@code loop} step. */
  public static final String PREVIOUS = "previous";

  /** A value under test, such as a {@code switch} step's subject. */
  public static final String VALUE = "value";

  /**
   * The result of the step a condition is attached to, or of the preceding step (MPLP {@code result
   * === "A"}).
   */
  public static final String RESULT = "result";

  /** Run metadata: id, workflow id and version, start time. */
  public static final String RUN = "run";

  /**
   * Environment entries the engine chose to expose (configuration, not the process environment).
   */
  public static final String ENV = "env";

  /** The key of a step's output in its {@link #STEPS} entry. */
  public static final String STEP_OUTPUT = "output";

  /**
   * The key of a step's status ({@code COMPLETED}, {@code SKIPPED}, …) in its {@link #STEPS} entry.
   */
  public static final String STEP_STATUS = "status";

  /** The key of a step's error in its {@link #STEPS} entry. */
  public static final String STEP_ERROR = "error";

  /**
   * Every well-known name; each dialect declares all of them, so expressions may read any of them.
   */
  public static final Set<String> WELL_KNOWN =
      Set.of(INPUTS, STEPS, VARS, ITEM, INDEX, ITERATION, PREVIOUS, VALUE, RESULT, RUN, ENV);

  private Variables() {}
}

package io.baton.api.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A workflow: what the editor edits and the store keeps. Immutable; validated and compiled before
 * it runs.
 *
 * @param id the workflow's id
 * @param version the version, e.g. {@code 1.0.0}
 * @param name a human-readable name
 * @param description what it does
 * @param inputs a JSON Schema of the run's inputs (empty: anything)
 * @param outputs the run's outputs as a JSON value of templates, or null for the output of the last
 *     step
 * @param steps the top-level steps
 * @param policies the workflow-wide policies
 * @param expressionLanguage the dialect of its conditions and expressions ({@code cel} by default;
 *     {@code javascript} for imported MPLP workflows)
 * @param metadata anything else (tags, the source format of an import, editor layout)
 */
public record WorkflowDefinition(
    String id,
    String version,
    String name,
    String description,
    Map<String, Object> inputs,
    Object outputs,
    List<StepDef> steps,
    WorkflowPolicies policies,
    String expressionLanguage,
    Map<String, Object> metadata) {

  /** The expression dialect used when a definition names none. */
  public static final String DEFAULT_EXPRESSION_LANGUAGE = "cel";

  public WorkflowDefinition {
    Objects.requireNonNull(id, "id");
    version = version == null ? "1" : version;
    inputs = Frozen.map(inputs);
    steps = Frozen.list(steps);
    policies = Objects.requireNonNullElse(policies, WorkflowPolicies.DEFAULTS);
    expressionLanguage =
        expressionLanguage == null ? DEFAULT_EXPRESSION_LANGUAGE : expressionLanguage;
    metadata = Frozen.map(metadata);
  }

  /** Every step, nested ones included, depth first in definition order. */
  public List<StepDef> allSteps() {
    List<StepDef> all = new ArrayList<>();
    forEachStep(steps, all::add);
    return all;
  }

  private static void forEachStep(List<StepDef> steps, Consumer<StepDef> action) {
    for (StepDef step : steps) {
      action.accept(step);
      forEachStep(step.children(), action);
    }
  }
}

package io.baton.engine.graph;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.expression.Template;
import java.util.Collections;
import java.util.Map;

/**
 * A validated workflow in executable form: the graph of {@link CompiledStep}s in their scopes.
 * Immutable once built, shared by every run of the workflow version.
 */
public final class CompiledWorkflow {
  private final WorkflowDefinition definition;
  private final CompiledScope root;
  private final Map<String, CompiledStep> steps;
  private final Template outputs;

  CompiledWorkflow(
      WorkflowDefinition definition,
      CompiledScope root,
      Map<String, CompiledStep> steps,
      Template outputs) {
    this.definition = definition;
    this.root = root;
    this.steps = Collections.unmodifiableMap(steps);
    this.outputs = outputs;
  }

  /** The definition it was compiled from. */
  public WorkflowDefinition definition() {
    return definition;
  }

  /** The top-level scope. */
  public CompiledScope root() {
    return root;
  }

  /** Every step, nested ones included, by id. */
  public Map<String, CompiledStep> steps() {
    return steps;
  }

  /** The step with this id, or null. */
  public CompiledStep step(String id) {
    return steps.get(id);
  }

  /** The template of the run's outputs, or null for the output of the last step. */
  public Template outputs() {
    return outputs;
  }
}

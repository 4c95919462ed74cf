package io.baton.engine.define;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Defines a workflow in Java: the fluent counterpart of the YAML language, producing the same
 * {@link WorkflowDefinition}.
 *
 * <pre>{@code
 * WorkflowDefinition flow = Workflow.define("greet")
 *     .step(Steps.tool("hello", "greet").input("name", "${inputs.name}"))
 *     .build();
 * }</pre>
 */
public final class Workflow {
  private final String id;
  private final List<StepDef> steps = new ArrayList<>();
  private String version = "1";
  private String name;
  private String description;
  private Map<String, Object> inputs = Map.of();
  private Object outputs;
  private WorkflowPolicies policies = WorkflowPolicies.DEFAULTS;
  private String expressionLanguage;

  private Workflow(String id) {
    this.id = id;
  }

  /** Starts the definition of workflow {@code id}. */
  public static Workflow define(String id) {
    return new Workflow(id);
  }

  /** The version (default "1"). */
  public Workflow version(String version) {
    this.version = version;
    return this;
  }

  /** A display name. */
  public Workflow name(String name) {
    this.name = name;
    return this;
  }

  /** What it does. */
  public Workflow description(String description) {
    this.description = description;
    return this;
  }

  /** A JSON Schema of the inputs. */
  public Workflow inputs(Map<String, Object> schema) {
    this.inputs = schema;
    return this;
  }

  /** The run's outputs, a JSON value of templates. */
  public Workflow outputs(Object outputs) {
    this.outputs = outputs;
    return this;
  }

  /** Workflow-wide policies. */
  public Workflow policies(WorkflowPolicies policies) {
    this.policies = policies;
    return this;
  }

  /** The expression dialect ({@code cel} by default). */
  public Workflow expressionLanguage(String dialect) {
    this.expressionLanguage = dialect;
    return this;
  }

  /** Adds a step. */
  public Workflow step(StepBuilder step) {
    steps.add(step.build());
    return this;
  }

  /** Adds a step defined directly. */
  public Workflow step(StepDef step) {
    steps.add(step);
    return this;
  }

  /** The definition. */
  public WorkflowDefinition build() {
    return new WorkflowDefinition(
        id,
        version,
        name,
        description,
        inputs,
        outputs,
        steps,
        policies,
        expressionLanguage,
        Map.of());
  }
}

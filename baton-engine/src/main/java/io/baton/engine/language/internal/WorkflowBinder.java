package io.baton.engine.language.internal;

import io.baton.api.definition.Priority;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.engine.language.Severity;
import java.util.List;

/** Binds a document of Baton's own language into a {@link WorkflowDefinition}. */
public final class WorkflowBinder {

  /** The name of the native format, as recorded in {@code LoadResult.sourceFormat()}. */
  public static final String FORMAT = "baton";

  /**
   * The top-level fields, in documentation order ({@code $schema} lets editors find the schema).
   */
  public static final List<String> FIELDS =
      List.of(
          "$schema",
          "id",
          "version",
          "name",
          "description",
          "expressionLanguage",
          "inputs",
          "outputs",
          "policies",
          "metadata",
          "steps");

  /** The fields of {@code policies}. */
  public static final List<String> POLICY_FIELDS =
      List.of("timeout", "retry", "maxConcurrency", "priority", "fallbacks");

  private final Binding binding;

  /** A binder for one file. */
  public WorkflowBinder(Binding binding) {
    this.binding = binding;
  }

  /** The definition in {@code root}; parts that cannot be read are reported and left out. */
  public WorkflowDefinition bind(SourceObject root) {
    FieldReader f = new FieldReader(root, binding.findings(), null);
    f.rejectUnknown(FIELDS, "a workflow", Severity.ERROR);
    String id = f.text("id");
    SourceArray stepArray = f.array("steps");
    List<StepDef> steps =
        stepArray == null ? List.of() : new StepBinder(binding).bindList(stepArray, "/steps");
    return new WorkflowDefinition(
        id == null ? "" : id,
        f.text("version"),
        f.string("name"),
        f.string("description"),
        f.jsonObject("inputs"),
        f.json("outputs"),
        steps,
        policies(f),
        f.string("expressionLanguage"),
        f.jsonObject("metadata"));
  }

  private WorkflowPolicies policies(FieldReader f) {
    SourceObject object = f.nested("policies");
    if (object == null) {
      return null;
    }
    FieldReader p = new FieldReader(object, binding.findings(), null);
    p.rejectUnknown(POLICY_FIELDS, "the policies", Severity.ERROR);
    PolicyBinder policy = new PolicyBinder(binding.findings());
    Integer max = p.integer("maxConcurrency", 0);
    return new WorkflowPolicies(
        p.duration("timeout"),
        policy.retry(p, "retry", null),
        max == null ? 0 : max,
        p.enumValue("priority", Priority.class, EnumText::camel),
        policy.fallbacks(p));
  }
}

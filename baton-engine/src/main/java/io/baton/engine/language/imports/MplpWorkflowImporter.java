package io.baton.engine.language.imports;

import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_STEP_TYPE;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.Branch;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.engine.language.Severity;
import io.baton.engine.language.internal.Binding;
import io.baton.engine.language.internal.EnumText;
import io.baton.engine.language.internal.FieldReader;
import io.baton.engine.language.internal.Finding;
import io.baton.engine.language.internal.NearestName;
import io.baton.engine.language.internal.Pointer;
import io.baton.engine.language.internal.SourceArray;
import io.baton.engine.language.internal.SourceNode;
import io.baton.engine.language.internal.SourceObject;
import io.baton.engine.language.internal.SourceScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the MPLP workflow JSON of seed 001 ({@code {"workflow": {...}}}). {@code module-operation}
 * steps become {@link ModuleStep}s with their {@code parameters} as input (the {@code
 * ${X.result.path}} templates are kept as written: the template engine reads them as an alias of
 * {@code steps.X.output.path}); {@code timeout} is in milliseconds; a nested {@code parallel} step
 * runs each child as a branch of its own, all-settled; {@code error-handling} becomes the
 * workflow's retry policy and fallbacks.
 */
final class MplpWorkflowImporter {
  static final String FORMAT = "mplp-workflow";

  private static final List<String> WORKFLOW_FIELDS =
      List.of("id", "name", "version", "description", "steps", "error-handling");
  private static final List<String> STEP_FIELDS =
      List.of(
          "id",
          "type",
          "name",
          "description",
          "module",
          "operation",
          "dependencies",
          "parameters",
          "timeout",
          "steps");
  private static final List<String> STEP_TYPES = List.of("module-operation", "parallel");

  private final Binding binding;

  MplpWorkflowImporter(Binding binding) {
    this.binding = binding;
  }

  WorkflowDefinition bind(SourceObject root) {
    FieldReader top = new FieldReader(root, binding.findings(), null);
    top.rejectUnknown(List.of("workflow"), "an MPLP workflow document", Severity.WARNING);
    FieldReader w = top.child(root.get("workflow"), "a workflow");
    for (String field : List.of("id", "name", "version", "description", "steps")) {
      binding.pointers().put("/" + field, w.pointer(field));
    }
    w.rejectUnknown(WORKFLOW_FIELDS, "an MPLP workflow", Severity.WARNING);
    SourceArray steps = w.array("steps");
    String id = w.text("id");
    return new WorkflowDefinition(
        id == null ? "" : id,
        w.text("version"),
        w.string("name"),
        w.string("description"),
        null,
        null,
        steps == null ? List.of() : steps(steps, "/steps"),
        policies(w),
        null,
        Importers.metadata(FORMAT));
  }

  private List<StepDef> steps(SourceArray array, String canonical) {
    List<StepDef> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      StepDef step = step(item, Pointer.child(canonical, out.size()));
      if (step != null) {
        out.add(step);
      }
    }
    return out;
  }

  private StepDef step(SourceNode node, String canonical) {
    FieldReader f = FieldReader.of(node, "a step", binding.findings(), null);
    if (f == null) {
      return null;
    }
    String id = f.text("id");
    f = new FieldReader(f.object(), binding.findings(), id);
    f.rejectUnknown(STEP_FIELDS, "an MPLP step", Severity.WARNING);
    binding.pointers().put(canonical, node.pointer());
    binding.pointers().put(canonical + "/dependsOn", f.pointer("dependencies"));
    binding.pointers().put(canonical + "/input", f.pointer("parameters"));
    StepCommon common =
        new StepCommon(
            id == null ? "" : id,
            f.string("name"),
            f.string("description"),
            f.ids("dependencies"),
            null,
            null,
            f.jsonObject("parameters"),
            millis(f),
            null,
            null,
            null,
            null,
            null);
    String type = f.string("type");
    if ("parallel".equals(type)) {
      return new ParallelStep(common, branches(f, canonical), ParallelMode.ALL_SETTLED);
    }
    if (!"module-operation".equals(type)) {
      f.report(
          Finding.error(
                  UNKNOWN_STEP_TYPE,
                  f.pointer("type"),
                  "unknown MPLP step type \""
                      + type
                      + "\"; the known types are: "
                      + String.join(", ", STEP_TYPES))
              .hint(NearestName.hint(type, STEP_TYPES)));
    }
    return new ModuleStep(common, f.string("module"), f.string("operation"));
  }

  /** Each child of a {@code parallel} step is a branch of its own, named by the child's id. */
  private List<Branch> branches(FieldReader f, String canonical) {
    SourceArray children = f.array("steps");
    List<Branch> out = new ArrayList<>();
    if (children == null) {
      return out;
    }
    binding.pointers().put(canonical + "/branches", children.pointer());
    for (SourceNode child : children.items()) {
      String branch = canonical + "/branches/" + out.size();
      binding.pointers().put(branch, child.pointer());
      StepDef step = step(child, branch + "/steps/0");
      if (step != null) {
        out.add(new Branch(step.id(), List.of(step)));
      }
    }
    return out;
  }

  /** MPLP timeouts are milliseconds; a duration string ({@code 30s}) is accepted too. */
  private static Duration millis(FieldReader f) {
    SourceNode node = f.node("timeout");
    if (node instanceof SourceScalar(var p, var at, Number n)) {
      Integer ms = f.integer("timeout", 0);
      return ms == null ? null : Duration.ofMillis(n.longValue());
    }
    return f.duration("timeout");
  }

  private WorkflowPolicies policies(FieldReader w) {
    SourceObject handling = w.nested("error-handling");
    if (handling == null) {
      return null;
    }
    FieldReader h = w.child(handling, "error handling");
    h.rejectUnknown(
        List.of("retry-policy", "fallback-actions"), "MPLP error handling", Severity.WARNING);
    binding.pointers().put("/policies/retry", h.pointer("retry-policy"));
    binding.pointers().put("/policies/fallbacks", h.pointer("fallback-actions"));
    return new WorkflowPolicies(null, retry(h), 0, null, fallbacks(h));
  }

  private static RetryPolicy retry(FieldReader h) {
    SourceObject object = h.nested("retry-policy");
    if (object == null) {
      return null;
    }
    FieldReader r = h.child(object, "a retry policy");
    r.rejectUnknown(
        List.of("max-retries", "backoff-strategy"), "an MPLP retry policy", Severity.WARNING);
    Integer max = r.integer("max-retries", 0);
    Backoff backoff = r.enumValue("backoff-strategy", Backoff.class, EnumText::camel);
    return new RetryPolicy(max == null ? 0 : max, backoff, null, null, 0, null);
  }

  private static List<FallbackAction> fallbacks(FieldReader h) {
    SourceArray array = h.array("fallback-actions");
    List<FallbackAction> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (SourceNode item : array.items()) {
      FieldReader a = h.child(item, "a fallback action");
      if (a != null) {
        a.rejectUnknown(
            List.of("condition", "action"), "an MPLP fallback action", Severity.WARNING);
        out.add(new FallbackAction(a.string("condition"), a.string("action")));
      }
    }
    return out;
  }
}

package io.baton.engine.language.imports;

import static io.baton.engine.language.DiagnosticCodes.MISSING_FIELD;
import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_STEP_REFERENCE;

import io.baton.api.definition.JoinMode;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.Severity;
import io.baton.engine.language.internal.Binding;
import io.baton.engine.language.internal.FieldReader;
import io.baton.engine.language.internal.Finding;
import io.baton.engine.language.internal.NearestName;
import io.baton.engine.language.internal.SourceArray;
import io.baton.engine.language.internal.SourceNode;
import io.baton.engine.language.internal.SourceObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the MPLP {@code WorkflowDefinition} of seed 000: {@code workflowId}, {@code steps[{stepId,
 * module, action, condition?}]}, {@code dependencies[{from, to}]}. Keeps its meaning: without
 * {@code dependencies} the steps run in array order; a {@code condition} is JavaScript (so the
 * workflow's expression language is {@code javascript}), and a step whose condition is false is
 * skipped while the steps after it still run — every step joins with {@link JoinMode#ALWAYS}. The
 * runtime binds a condition's {@code result} to the nearest earlier step that ran ({@code
 * metadata.sourceFormat} tells it so).
 */
final class MplpDefinitionImporter {
  static final String FORMAT = "mplp-definition";

  private static final List<String> FIELDS =
      List.of("workflowId", "name", "description", "version", "steps", "dependencies");
  private static final List<String> STEP_FIELDS =
      List.of("stepId", "module", "action", "condition", "name", "description");

  /** One step as read, before its dependencies are known. */
  private record Raw(FieldReader fields, String id, String canonical) {}

  private final Binding binding;

  MplpDefinitionImporter(Binding binding) {
    this.binding = binding;
  }

  WorkflowDefinition bind(SourceObject root) {
    FieldReader f = new FieldReader(root, binding.findings(), null);
    f.rejectUnknown(FIELDS, "an MPLP workflow definition", Severity.WARNING);
    binding.pointers().put("/id", f.pointer("workflowId"));
    List<Raw> raw = read(f.array("steps"));
    Map<String, List<String>> deps = dependencies(f, raw);
    List<StepDef> steps = new ArrayList<>();
    boolean conditions = false;
    for (Raw r : raw) {
      String condition = r.fields().expression("condition");
      conditions |= condition != null;
      steps.add(step(r, deps.get(r.id()), condition));
    }
    String id = f.text("workflowId");
    return new WorkflowDefinition(
        id == null ? "" : id,
        f.text("version"),
        f.string("name"),
        f.string("description"),
        null,
        null,
        steps,
        null,
        conditions ? "javascript" : null,
        Importers.metadata(FORMAT));
  }

  private List<Raw> read(SourceArray array) {
    List<Raw> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (SourceNode item : array.items()) {
      FieldReader s = FieldReader.of(item, "a step", binding.findings(), null);
      if (s == null) {
        continue;
      }
      String id = s.text("stepId");
      s = new FieldReader(s.object(), binding.findings(), id);
      s.rejectUnknown(STEP_FIELDS, "an MPLP step", Severity.WARNING);
      String canonical = "/steps/" + out.size();
      binding.pointers().put(canonical, item.pointer());
      binding.pointers().put(canonical + "/id", s.pointer("stepId"));
      binding.pointers().put(canonical + "/when", s.pointer("condition"));
      binding.pointers().put(canonical + "/operation", s.pointer("action"));
      out.add(new Raw(s, id == null ? "" : id, canonical));
    }
    return out;
  }

  private static StepDef step(Raw r, List<String> dependsOn, String condition) {
    FieldReader s = r.fields();
    StepCommon common =
        new StepCommon(
            r.id(),
            s.string("name"),
            s.string("description"),
            dependsOn,
            JoinMode.ALWAYS,
            condition,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return new ModuleStep(common, s.string("module"), s.string("action"));
  }

  /**
   * Each step's dependencies: from {@code dependencies}, or the previous step when there is none.
   */
  private Map<String, List<String>> dependencies(FieldReader f, List<Raw> raw) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    raw.forEach(r -> deps.putIfAbsent(r.id(), new ArrayList<>()));
    SourceArray array = f.array("dependencies");
    if (array == null) {
      for (int i = 1; i < raw.size(); i++) {
        deps.get(raw.get(i).id()).add(raw.get(i - 1).id());
      }
      return deps;
    }
    for (SourceNode item : array.items()) {
      FieldReader d = f.child(item, "a dependency");
      if (d != null) {
        edge(d, raw, deps);
      }
    }
    return deps;
  }

  private void edge(FieldReader d, List<Raw> raw, Map<String, List<String>> deps) {
    d.rejectUnknown(List.of("from", "to"), "an MPLP dependency", Severity.WARNING);
    String from = d.string("from");
    String to = d.string("to");
    if (from == null || to == null) {
      d.report(
          Finding.error(
              MISSING_FIELD, d.object().pointer(), "a dependency needs \"from\" and \"to\""));
      return;
    }
    Raw target = raw.stream().filter(r -> r.id().equals(to)).findFirst().orElse(null);
    if (target == null) {
      d.report(
          Finding.error(
                  UNKNOWN_STEP_REFERENCE,
                  d.pointer("to"),
                  "the dependency names step \"" + to + "\" in \"to\", which does not exist")
              .hint(NearestName.hint(to, deps.keySet())));
      return;
    }
    List<String> list = deps.get(to);
    binding.pointers().put(target.canonical() + "/dependsOn/" + list.size(), d.pointer("from"));
    list.add(from);
  }
}

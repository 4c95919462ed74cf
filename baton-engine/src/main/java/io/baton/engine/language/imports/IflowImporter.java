package io.baton.engine.language.imports;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.Priority;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.Severity;
import io.baton.engine.language.internal.Binding;
import io.baton.engine.language.internal.EnumText;
import io.baton.engine.language.internal.FieldReader;
import io.baton.engine.language.internal.SourceArray;
import io.baton.engine.language.internal.SourceNode;
import io.baton.engine.language.internal.SourceObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the iflow task list of seed 004: {@code name}, {@code description}, {@code tasks[{id, type,
 * dependencies, priority}]}. Each task becomes a {@code task} step ({@link CustomStep}) whose
 * {@code capability} is the task's {@code type}, done by whichever task handler (agent) offers that
 * capability. The name is the workflow's id.
 */
final class IflowImporter {
  static final String FORMAT = "iflow";

  private static final List<String> TASK_FIELDS =
      List.of("id", "type", "dependencies", "priority", "name", "description");

  private final Binding binding;

  IflowImporter(Binding binding) {
    this.binding = binding;
  }

  WorkflowDefinition bind(SourceObject root) {
    FieldReader f = new FieldReader(root, binding.findings(), null);
    f.rejectUnknown(
        List.of("name", "description", "version", "tasks"), "an iflow workflow", Severity.WARNING);
    binding.pointers().put("/id", f.pointer("name"));
    binding.pointers().put("/steps", f.pointer("tasks"));
    SourceArray tasks = f.array("tasks");
    String name = f.text("name");
    return new WorkflowDefinition(
        name == null ? "" : name,
        f.text("version"),
        name,
        f.string("description"),
        null,
        null,
        tasks == null ? List.of() : tasks(tasks),
        null,
        null,
        Importers.metadata(FORMAT));
  }

  private List<StepDef> tasks(SourceArray array) {
    List<StepDef> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      FieldReader t = FieldReader.of(item, "a task", binding.findings(), null);
      if (t != null) {
        out.add(task(t, "/steps/" + out.size()));
      }
    }
    return out;
  }

  private StepDef task(FieldReader t, String canonical) {
    String id = t.text("id");
    t = new FieldReader(t.object(), binding.findings(), id);
    t.rejectUnknown(TASK_FIELDS, "an iflow task", Severity.WARNING);
    binding.pointers().put(canonical, t.object().pointer());
    binding.pointers().put(canonical + "/dependsOn", t.pointer("dependencies"));
    binding.pointers().put(canonical + "/capability", t.pointer("type"));
    StepCommon common =
        new StepCommon(
            id == null ? "" : id,
            t.string("name"),
            t.string("description"),
            t.ids("dependencies"),
            null,
            null,
            null,
            null,
            null,
            null,
            t.enumValue("priority", Priority.class, EnumText::camel),
            null,
            null);
    String capability = t.string("type");
    Map<String, Object> config = capability == null ? Map.of() : Map.of("capability", capability);
    return new CustomStep(common, LanguageContext.TASK_TYPE, config);
  }
}

package io.baton.engine.language.imports;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.internal.Binding;
import io.baton.engine.language.internal.SourceObject;
import io.baton.engine.language.internal.WorkflowBinder;
import java.util.Map;

/**
 * Chooses how to read a document by its top-level keys — {@code workflow}: MPLP workflow JSON;
 * {@code workflowId}: MPLP {@code WorkflowDefinition}; {@code tasks} (without {@code steps}):
 * iflow; anything else: Baton's own language — and reads it into the same model.
 */
public final class Importers {
  private Importers() {}

  /**
   * A bound definition and the format it came from.
   *
   * @param definition the definition (possibly partial when problems were found)
   * @param format {@code baton}, {@code mplp-workflow}, {@code mplp-definition} or {@code iflow}
   */
  public record Imported(WorkflowDefinition definition, String format) {}

  /** The format of a document with the top-level object {@code root}. */
  public static String detect(SourceObject root) {
    if (root.get("workflow") instanceof SourceObject) {
      return MplpWorkflowImporter.FORMAT;
    }
    if (root.get("workflowId") != null) {
      return MplpDefinitionImporter.FORMAT;
    }
    if (root.get("tasks") != null && root.get("steps") == null) {
      return IflowImporter.FORMAT;
    }
    return WorkflowBinder.FORMAT;
  }

  /** Binds {@code root} in its detected format, reporting to {@code binding}. */
  public static Imported bind(SourceObject root, Binding binding) {
    String format = detect(root);
    WorkflowDefinition definition =
        switch (format) {
          case MplpWorkflowImporter.FORMAT -> new MplpWorkflowImporter(binding).bind(root);
          case MplpDefinitionImporter.FORMAT -> new MplpDefinitionImporter(binding).bind(root);
          case IflowImporter.FORMAT -> new IflowImporter(binding).bind(root);
          default -> new WorkflowBinder(binding).bind(root);
        };
    return new Imported(definition, format);
  }

  /** The metadata an import records: {@code {sourceFormat: …}}. */
  static Map<String, Object> metadata(String format) {
    return Map.of("sourceFormat", format);
  }
}

package io.baton.engine.language;

import io.baton.api.definition.WorkflowDefinition;
import java.util.List;

/**
 * What {@link WorkflowLoader} made of a file: the definition and every problem found in it.
 *
 * <pre>{@code
 * LoadResult result = loader.load(Path.of("flow.yaml"));
 * result.diagnostics().forEach(System.err::println);
 * WorkflowDefinition definition = result.orThrow();
 * }</pre>
 *
 * @param definition the definition; partial (steps that could not be read left out) when {@link
 *     #hasErrors()}, null when the file could not be read at all
 * @param diagnostics errors and warnings, in source order
 * @param sourceFormat the format the file was written in: {@code baton}, {@code mplp-workflow},
 *     {@code mplp-definition} or {@code iflow}; null when the file could not be parsed
 */
public record LoadResult(
    WorkflowDefinition definition, List<Diagnostic> diagnostics, String sourceFormat) {

  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The errors only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The warnings only. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  /**
   * The definition, when there are no errors (warnings are allowed).
   *
   * @throws DefinitionInvalidException listing every diagnostic when there is an error
   */
  public WorkflowDefinition orThrow() {
    if (hasErrors() || definition == null) {
      throw new DefinitionInvalidException(diagnostics);
    }
    return definition;
  }
}

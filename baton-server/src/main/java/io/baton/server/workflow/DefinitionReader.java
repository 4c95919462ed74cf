package io.baton.server.workflow;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.Baton;
import io.baton.engine.language.DefinitionInvalidException;
import io.baton.engine.language.LoadResult;
import io.baton.server.api.ApiError;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads a definition sent in a request body with the engine's loader: Baton's language in YAML or
 * JSON, or one of the seed formats, unchanged. The content type picks the syntax ({@code
 * application/json}, {@code application/yaml}); without one the loader guesses from the text.
 */
@Component
public class DefinitionReader {
  private final Baton baton;

  DefinitionReader(Baton baton) {
    this.baton = baton;
  }

  /** Reads and checks {@code body}; the result carries every diagnostic, warnings included. */
  public LoadResult read(String body, String contentType) {
    if (body == null || body.isBlank()) {
      throw ApiError.badField("", "empty-body", "the request body must hold a workflow definition");
    }
    return baton.loader().parse(body, sourceName(contentType));
  }

  /**
   * Reads {@code body} and returns its definition.
   *
   * @throws DefinitionInvalidException with every error when it is not valid
   */
  public Read definition(String body, String contentType) {
    LoadResult result = read(body, contentType);
    WorkflowDefinition definition = result.orThrow();
    return new Read(definition, result.sourceFormat());
  }

  /** A valid definition and the format it was written in. */
  public record Read(WorkflowDefinition definition, String sourceFormat) {}

  /** A name whose ending tells the loader the syntax, as diagnostics will show it. */
  static String sourceName(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return "request.json";
    }
    if (type.contains("yaml") || type.contains("yml")) {
      return "request.yaml";
    }
    return "request";
  }
}

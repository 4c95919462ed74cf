package io.baton.engine.config;

import io.baton.engine.language.Diagnostic;
import java.util.List;

/**
 * What {@link EngineConfigLoader} made of a configuration file.
 *
 * <pre>{@code
 * EngineConfig config = new EngineConfigLoader().load(Path.of("baton.yaml")).orThrow();
 * }</pre>
 *
 * @param config the configuration, with the defaults for what the file does not set or sets wrongly
 * @param diagnostics errors and warnings, in source order
 */
public record ConfigLoadResult(EngineConfig config, List<Diagnostic> diagnostics) {

  public ConfigLoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * The configuration, when there are no errors.
   *
   * @throws ConfigInvalidException listing every diagnostic when there is an error
   */
  public EngineConfig orThrow() {
    if (hasErrors()) {
      throw new ConfigInvalidException(diagnostics);
    }
    return config;
  }
}

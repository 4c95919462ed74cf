package io.baton.cli;

import io.baton.ai.AiStepTypes;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.config.ConfigLoadResult;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.config.EngineConfigLoader;
import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.EngineExpressionSupport;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.LoadResult;
import io.baton.engine.language.WorkflowLoader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's one door to files: reads workflow definitions (Baton YAML or JSON, and the seed
 * formats: MPLP workflow JSON, MPLP {@code WorkflowDefinition}, iflow tasks) with the engine's
 * {@link WorkflowLoader}, and engine configuration files (the iflow orchestration keys) with its
 * {@link EngineConfigLoader}. Every problem comes back as a one-line located message.
 */
public final class WorkflowFiles {
  private final WorkflowLoader workflows =
      new WorkflowLoader(
          io.baton.cli.ai.CliAi.withAiSteps(
              LanguageContext.of(new EngineExpressionSupport(AiStepTypes.expressions()))));
  private final EngineConfigLoader configs = new EngineConfigLoader();

  /** Reads and checks the workflow definition in {@code file}. */
  public Loaded<WorkflowDefinition> load(Path file) {
    Loaded<WorkflowDefinition> missing = unreadable(file);
    if (missing != null) {
      return missing;
    }
    try {
      LoadResult result = workflows.load(file);
      return new Loaded<>(
          file, result.definition(), lines(result.errors()), lines(result.warnings()));
    } catch (UncheckedIOException e) {
      return Loaded.failed(file, file + ": error unreadable: " + e.getCause().getMessage());
    }
  }

  /** Reads and checks the engine configuration in {@code file}. */
  public Loaded<EngineConfig> loadConfig(Path file) {
    Loaded<EngineConfig> missing = unreadable(file);
    if (missing != null) {
      return missing;
    }
    try {
      ConfigLoadResult result = configs.load(file);
      List<Diagnostic> all = result.diagnostics();
      return new Loaded<>(
          file,
          result.config(),
          lines(all.stream().filter(Diagnostic::isError).toList()),
          lines(all.stream().filter(d -> !d.isError()).toList()));
    } catch (UncheckedIOException e) {
      return Loaded.failed(file, file + ": error unreadable: " + e.getCause().getMessage());
    }
  }

  private static <T> Loaded<T> unreadable(Path file) {
    if (Files.isRegularFile(file)) {
      return null;
    }
    String why = Files.isDirectory(file) ? "is a directory, not a file" : "no such file";
    return Loaded.failed(
        file,
        file
            + ": error file-not-found: "
            + why
            + " (looked in "
            + Path.of("").toAbsolutePath()
            + ")");
  }

  private static List<String> lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toString).toList();
  }
}

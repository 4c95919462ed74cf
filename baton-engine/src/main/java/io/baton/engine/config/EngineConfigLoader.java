package io.baton.engine.config;

import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.Limits;
import io.baton.engine.language.internal.FieldReader;
import io.baton.engine.language.internal.Findings;
import io.baton.engine.language.internal.Locator;
import io.baton.engine.language.internal.SourceIndex;
import io.baton.engine.language.internal.SourceNode;
import io.baton.engine.language.internal.SourceObject;
import io.baton.engine.language.internal.SourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an engine configuration file (YAML or JSON) into an {@link EngineConfig}: the iflow
 * orchestration keys of seed 004 plus Baton's own, with every wrong value reported at its line and
 * column.
 *
 * <pre>{@code
 * # baton.yaml
 * orchestration: {max_concurrent_tasks: 10, task_timeout: 300, retry_attempts: 3}
 * scheduling: {strategy: priority_based, aging_interval: 30s}
 * limits: {per_workflow: 20, per_run: 5, per_step_type: {agent: 4}}
 * }</pre>
 *
 * <pre>{@code
 * EngineConfig config = new EngineConfigLoader().load(Path.of("baton.yaml")).orThrow();
 * }</pre>
 *
 * <p>Keys {@link EngineConfig} has no field for ({@code orchestration.mode}, {@code
 * scheduling.load_threshold}, {@code coordination.conflict_resolution}, …) are checked and kept in
 * {@link EngineConfig#options()} under their dotted path. Times in the iflow keys are seconds;
 * duration strings ({@code 5m}) are accepted too. Unknown keys are warnings: a shared file may hold
 * other tools' keys.
 */
public final class EngineConfigLoader {
  private final SourceParser parser = new SourceParser(Limits.DEFAULTS);

  /**
   * Reads {@code file}.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public ConfigLoadResult load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a configuration given as text.
   *
   * @param sourceName how diagnostics name the source; a {@code .json} ending selects JSON
   */
  public ConfigLoadResult parse(String text, String sourceName) {
    Findings findings = new Findings();
    SourceNode root = parser.parse(text, SourceParser.Syntax.guess(sourceName, text), findings);
    EngineConfig config = EngineConfig.DEFAULTS;
    if (root instanceof SourceObject object) {
      config = new ConfigSections(findings).read(object);
    } else if (root != null) {
      findings.add(FieldReader.wrongType(root, "an engine configuration (an object)", null));
    }
    Locator locator = new Locator(sourceName, new SourceIndex(root, text));
    List<Diagnostic> diagnostics =
        findings.all().stream()
            .map(locator::locate)
            .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column))
            .toList();
    return new ConfigLoadResult(config, diagnostics);
  }
}

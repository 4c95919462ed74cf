package io.baton.engine.language;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.internal.PolicyTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a definition in Baton's own language, YAML or JSON — to export an import, or to save what
 * the editor built. Defaults are left out; reading the output with {@link WorkflowLoader} gives an
 * equal definition.
 *
 * <pre>{@code
 * WorkflowDefinition imported = loader.load(Path.of("mplp-parallel.json")).orThrow();
 * Files.writeString(Path.of("parallel.yaml"), new WorkflowWriter().toYaml(imported));
 * }</pre>
 */
public final class WorkflowWriter {
  private final YAMLMapper yaml =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          // a version "2.10" written unquoted would read back as the number 2.1
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();
  private final JsonMapper json =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The definition as a tree of maps (in field order), lists and scalars. */
  public Map<String, Object> toTree(WorkflowDefinition definition) {
    return PolicyTree.workflow(definition);
  }

  /** The definition as YAML. */
  public String toYaml(WorkflowDefinition definition) {
    return yaml.writeValueAsString(toTree(definition));
  }

  /** The definition as indented JSON. */
  public String toJson(WorkflowDefinition definition) {
    return json.writeValueAsString(toTree(definition)) + "\n";
  }

  /**
   * Writes the definition to {@code file}: JSON when its name ends in {@code .json}, YAML
   * otherwise.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void write(WorkflowDefinition definition, Path file) {
    boolean asJson = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    try {
      Files.writeString(
          file, asJson ? toJson(definition) : toYaml(definition), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

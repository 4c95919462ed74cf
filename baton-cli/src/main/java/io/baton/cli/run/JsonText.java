package io.baton.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * JSON in and out of the CLI: values typed on the command line, input files, and the pretty JSON it
 * prints.
 *
 * <pre>{@code
 * JsonText.value("42")        // 42
 * JsonText.value("[1, 2]")    // [1, 2]
 * JsonText.value("Ada")       // "Ada": not JSON, so taken as text
 * }</pre>
 */
public final class JsonText {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPrettyPrinter(prettyPrinter())
          .build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private JsonText() {}

  /**
   * Two-space indents, every list item on its own line, {@code "key": value}: JSON as people write
   * it.
   */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
        .withArrayIndenter(indenter)
        .withObjectIndenter(indenter);
  }

  /** {@code text} as a JSON value when it is valid JSON, otherwise as the string itself. */
  public static Object value(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JacksonException e) {
      return text;
    }
  }

  /** {@code value} as indented JSON. */
  public static String pretty(Object value) {
    return JSON.writeValueAsString(value);
  }

  /**
   * Reads a JSON (or, by its extension, YAML) file holding an object.
   *
   * @throws IllegalArgumentException saying what is wrong with the file
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(Path file) {
    String name = file.getFileName().toString();
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    try {
      String text = Files.readString(file);
      Object value = (yaml ? YAML : JSON).readValue(text, Object.class);
      if (!(value instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(
            file + ": expected an object such as {\"goal\": \"…\"}, found " + kind(value));
      }
      return (Map<String, Object>) value;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file + ": not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String kind(Object value) {
    return value == null
        ? "null"
        : value instanceof java.util.List<?> ? "a list" : "a " + value.getClass().getSimpleName();
  }
}

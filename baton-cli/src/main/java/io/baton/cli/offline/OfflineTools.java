package io.baton.cli.offline;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CLI's built-in offline tools, small and deterministic, for examples and tests:
 *
 * <ul>
 *   <li>{@code echo} — returns its arguments as given;
 *   <li>{@code uppercase} — {@code {text}} → {@code {text: TEXT}};
 *   <li>{@code word-count} — {@code {text}} → {@code {words, characters}};
 *   <li>{@code flaky} — fails with kind {@code unavailable} on its first {@code failures} attempts
 *       (default 1), then returns {@code {attempt, succeeded: true}}: shows retries without
 *       randomness.
 * </ul>
 */
public final class OfflineTools {
  private OfflineTools() {}

  /** The tools, in the order above. */
  public static List<Tool> all() {
    return List.of(
        Tool.of(
            "echo", "Returns its arguments as given (offline stand-in).", Map.of(), (a, c) -> a),
        Tool.of(
            "uppercase",
            "Upper-cases {text} (offline stand-in).",
            schema("text"),
            (a, c) -> Map.of("text", text(a).toUpperCase(Locale.ROOT))),
        Tool.of(
            "word-count",
            "Counts the words and characters of {text} (offline stand-in).",
            schema("text"),
            (a, c) -> count(text(a))),
        Tool.of(
            "flaky",
            "Fails (unavailable) on its first {failures} attempts, then succeeds (offline stand-in).",
            Map.of(),
            (a, c) -> {
              int failures = a.get("failures") instanceof Number n ? n.intValue() : 1;
              if (c.attempt() <= failures) {
                throw new StepException(
                    ErrorKind.UNAVAILABLE,
                    "flaky: attempt "
                        + c.attempt()
                        + " of "
                        + (failures + 1)
                        + " fails on purpose");
              }
              return Map.of("attempt", c.attempt(), "succeeded", true);
            }));
  }

  private static Map<String, Object> count(String text) {
    String trimmed = text.strip();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("words", trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length);
    out.put("characters", text.length());
    return out;
  }

  private static String text(Map<String, Object> arguments) {
    Object text = arguments.get("text");
    if (text == null) {
      throw new StepException(
          ErrorKind.BAD_INPUT, "argument 'text' is required, e.g. input: {text: \"…\"}");
    }
    return String.valueOf(text);
  }

  private static Map<String, Object> schema(String required) {
    return Map.of(
        "type", "object",
        "required", List.of(required),
        "properties", Map.of(required, Map.of("type", "string")));
  }
}

package io.baton.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What was read from a file: the value, when it could be made, and every problem found, each a
 * one-line located message ({@code flow.yaml:12:5 /steps/3 [step "b"] error unknown-step-reference:
 * …}).
 *
 * @param file the file
 * @param value what was read, or null when the file is unusable
 * @param errors problems that make it unusable
 * @param warnings problems that do not
 * @param <T> what the file holds
 */
public record Loaded<T>(Path file, T value, List<String> errors, List<String> warnings) {
  public Loaded {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** Whether the value can be used: it was made and there are no errors. */
  public boolean ok() {
    return value != null && errors.isEmpty();
  }

  /** A file that could not be used for one reason. */
  public static <T> Loaded<T> failed(Path file, String error) {
    return new Loaded<>(file, null, List.of(error), List.of());
  }
}

package io.baton.api.run;

import java.util.Map;
import java.util.Objects;

/**
 * Why a step attempt failed: a classified, serialisable value recorded in the journal.
 *
 * @param kind what went wrong
 * @param message what was expected and what was found, for a person
 * @param retryable whether a retry may help (defaults to the kind's category)
 * @param details structured context (exception class, HTTP status, …)
 */
public record StepFailure(
    ErrorKind kind, String message, boolean retryable, Map<String, Object> details) {
  public StepFailure {
    Objects.requireNonNull(kind, "kind");
    message = message == null ? kind.wireName() : message;
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** A failure of {@code kind}, retryable when the kind's category is. */
  public static StepFailure of(ErrorKind kind, String message) {
    return new StepFailure(kind, message, kind.category() == ErrorCategory.RETRYABLE, Map.of());
  }

  /** The error's category. */
  public ErrorCategory category() {
    return kind.category();
  }
}

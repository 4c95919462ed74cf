package io.baton.engine.executor;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.run.StepFailure;
import io.baton.api.spi.ExpressionException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies what a handler threw into a {@link StepFailure}, so that retries act on the kind of
 * error.
 */
public final class FailureClassifier {
  /** How deep into a chain of causes to look for one the classifier knows. */
  private static final int MAX_CAUSE_DEPTH = 8;

  private FailureClassifier() {}

  /** The failure that {@code thrown} stands for. */
  public static StepFailure classify(Throwable thrown) {
    if (thrown instanceof StepException e) {
      return e.failure();
    }
    ErrorKind kind = kindOf(thrown);
    String message =
        thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    return new StepFailure(
        kind,
        message,
        kind.category() == io.baton.api.run.ErrorCategory.RETRYABLE,
        Map.of("exception", thrown.getClass().getName()));
  }

  /**
   * The kind of {@code thrown}, or of the first of its causes that says more: handlers often wrap
   * what went wrong (an I/O or database error inside a runtime exception).
   */
  private static ErrorKind kindOf(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      ErrorKind kind = ownKindOf(t);
      if (kind != ErrorKind.UNKNOWN) {
        return kind;
      }
    }
    return ErrorKind.UNKNOWN;
  }

  private static ErrorKind ownKindOf(Throwable t) {
    return switch (t) {
      case InterruptedException e -> ErrorKind.CANCELLED;
      case CancellationException e -> ErrorKind.CANCELLED;
      case TimeoutException e -> ErrorKind.TIMEOUT;
      case HttpTimeoutException e -> ErrorKind.TIMEOUT;
      case ConnectException e -> ErrorKind.UNAVAILABLE;
      case SQLTransientException e -> ErrorKind.UNAVAILABLE; // no connection in time, a deadlock
      case SQLRecoverableException e -> ErrorKind.UNAVAILABLE;
      case ExpressionException e -> ErrorKind.EXPRESSION;
      case IllegalArgumentException e -> ErrorKind.BAD_INPUT;
      case ClassCastException e -> ErrorKind.BAD_INPUT;
      case SecurityException e -> ErrorKind.PERMISSION_DENIED;
      case NoSuchFileException e -> ErrorKind.NOT_FOUND;
      case FileNotFoundException e -> ErrorKind.NOT_FOUND;
      case NoSuchElementException e -> ErrorKind.NOT_FOUND;
      case OutOfMemoryError e -> ErrorKind.OUT_OF_MEMORY;
      case IOException e when isDiskFull(e) -> ErrorKind.DISK_FULL;
      case IOException e -> ErrorKind.UNAVAILABLE;
      default -> ErrorKind.UNKNOWN;
    };
  }

  private static boolean isDiskFull(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("No space left on device");
  }
}

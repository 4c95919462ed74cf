package io.baton.ai.model;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import io.baton.api.run.ErrorCategory;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Why one model call failed, classified with the engine's error kinds (seed 002: timeout,
 * unavailable and rate-limited are retryable; bad input, permission denied, not found are not).
 *
 * @param kind the error kind
 * @param message what happened
 * @param retryAfter the wait the provider asked for, or null
 */
public record CallFailure(ErrorKind kind, String message, Duration retryAfter) {

  /** Whether the same call may succeed later. */
  public boolean retryable() {
    return kind.category() == ErrorCategory.RETRYABLE;
  }

  /** Whether the failure says the provider is in trouble (what the circuit breaker counts). */
  public boolean providerTrouble() {
    return kind == ErrorKind.TIMEOUT
        || kind == ErrorKind.UNAVAILABLE
        || kind == ErrorKind.RATE_LIMITED
        || kind == ErrorKind.UNKNOWN;
  }

  /** Classifies what a LangChain4j model (or the HTTP client beneath it) threw. */
  public static CallFailure of(Throwable error) {
    Duration retryAfter = retryAfterIn(error);
    String message = describe(error);
    return new CallFailure(kindOf(error), message, retryAfter);
  }

  private static ErrorKind kindOf(Throwable error) {
    if (error instanceof StepException step) {
      return step.failure().kind();
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      ErrorKind kind = directKind(t);
      if (kind != null) {
        return kind;
      }
    }
    return ErrorKind.UNKNOWN;
  }

  private static ErrorKind directKind(Throwable t) {
    return switch (t) {
      case RateLimitException e -> ErrorKind.RATE_LIMITED;
      case TimeoutException e -> ErrorKind.TIMEOUT;
      case HttpTimeoutException e -> ErrorKind.TIMEOUT;
      case InternalServerException e -> ErrorKind.UNAVAILABLE;
      case AuthenticationException e -> ErrorKind.PERMISSION_DENIED;
      case ModelNotFoundException e -> ErrorKind.NOT_FOUND;
      case ContentFilteredException e -> ErrorKind.BAD_OUTPUT;
      case InvalidRequestException e -> ErrorKind.BAD_INPUT;
      case HttpException e -> byStatus(e.statusCode());
      case RetriableException e -> ErrorKind.UNAVAILABLE;
      case IOException e -> ErrorKind.UNAVAILABLE;
      default -> null;
    };
  }

  private static ErrorKind byStatus(int status) {
    return switch (status) {
      case 429 -> ErrorKind.RATE_LIMITED;
      case 408 -> ErrorKind.TIMEOUT;
      case 401, 403 -> ErrorKind.PERMISSION_DENIED;
      case 404 -> ErrorKind.NOT_FOUND;
      default -> status >= 500 ? ErrorKind.UNAVAILABLE : ErrorKind.BAD_INPUT;
    };
  }

  private static Duration retryAfterIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProviderHttpException p && p.retryAfter() != null) {
        return p.retryAfter();
      }
    }
    return null;
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getMessage() == null && root.getCause() != null) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}

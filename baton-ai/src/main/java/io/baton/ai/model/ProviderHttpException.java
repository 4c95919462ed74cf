package io.baton.ai.model;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A provider answered with an HTTP error; keeps the {@code Retry-After} it sent so that retries
 * wait as long as the provider asked. LangChain4j maps it to its own exceptions with this as the
 * cause.
 */
public final class ProviderHttpException extends HttpException {
  private final transient Duration retryAfter;

  /**
   * @param status the HTTP status
   * @param body the response body (already free of secrets: providers do not echo keys)
   * @param retryAfter the wait the provider asked for, or null
   */
  public ProviderHttpException(int status, String body, Duration retryAfter) {
    super(status, body);
    this.retryAfter = retryAfter;
  }

  /** The wait the provider asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}

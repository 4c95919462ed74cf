package io.baton.api.store;

/**
 * A store cannot be used: unreachable, full, or of a schema version this build does not know. The
 * message says which, and what to do.
 */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}

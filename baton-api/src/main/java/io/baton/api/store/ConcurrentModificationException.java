package io.baton.api.store;

/**
 * Another writer changed the same aggregate first: the write was refused and nothing was lost.
 * Names the aggregate and the versions involved, so that the caller can reload and retry.
 */
public class ConcurrentModificationException extends RuntimeException {
  /**
   * @param aggregate what was written, e.g. {@code "journal of run 42"}
   * @param expected the version the writer expected
   * @param actual the version found
   */
  public ConcurrentModificationException(String aggregate, long expected, long actual) {
    super(
        "concurrent modification of "
            + aggregate
            + ": expected version "
            + expected
            + " but found "
            + actual);
  }
}

package io.baton.engine.runtime;

/** A snapshot's bytes do not match its checksum: it was damaged, and nothing was restored. */
public final class SnapshotCorruptedException extends RuntimeException {
  SnapshotCorruptedException(String message) {
    super(message);
  }
}

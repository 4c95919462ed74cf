package io.baton.cluster;

/** The cluster's tables could not be read or written (the database is down, or refused). */
public final class ClusterStoreException extends RuntimeException {
  ClusterStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

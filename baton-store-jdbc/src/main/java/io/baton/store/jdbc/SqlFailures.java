package io.baton.store.jdbc;

import io.baton.api.store.StoreUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Sorts database failures into what the engine can wait out ({@link StoreUnavailableException}:
 * connection lost, disk full, read-only, shut down, deadlock) and what it cannot (a bug or a
 * corrupted database: {@link IllegalStateException}). Optimistic conflicts are not failures: the
 * stores detect them from update counts and raise {@code ConcurrentModificationException}.
 */
final class SqlFailures {
  /** H2's codes of I/O errors, a read-only or closed database, lock timeouts and deadlocks. */
  private static final Set<Integer> H2_TRANSIENT =
      Set.of(90028, 90031, 90067, 90097, 90098, 90108, 90121, 90007, 50200, 40001, 90131);

  private SqlFailures() {}

  /** Whether {@code e} is a unique or primary key violation. */
  static boolean isDuplicateKey(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception to throw for {@code e}, which happened while {@code what} on the store at {@code
   * location}.
   */
  static RuntimeException translate(String location, String what, SQLException e) {
    String state = e.getSQLState() == null ? "none" : e.getSQLState();
    if (isTransient(e)) {
      return new StoreUnavailableException(
          "the store at "
              + location
              + " failed while "
              + what
              + " (SQL state "
              + state
              + ": "
              + e.getMessage()
              + "); nothing was written by this operation. Check that the database is running,"
              + " reachable, writable and not out of disk space; the engine retries",
          e);
    }
    return new IllegalStateException(
        "the store at "
            + location
            + " refused "
            + what
            + " (SQL state "
            + state
            + ", code "
            + e.getErrorCode()
            + "): "
            + e.getMessage()
            + ". This is not a condition that passes by itself: report it with this message",
        e);
  }

  private static boolean isTransient(SQLException e) {
    if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
      return true;
    }
    String state = e.getSQLState();
    if (state != null) {
      String cls = state.length() >= 2 ? state.substring(0, 2) : state;
      // 08 connection, 53 insufficient resources (disk full), 57 operator intervention (shutdown),
      // 58 system (I/O), 40 transaction rollback (deadlock, serialization), 25006 read-only
      if (Set.of("08", "53", "57", "58", "40").contains(cls) || state.equals("25006")) {
        return true;
      }
    }
    if (H2_TRANSIENT.contains(e.getErrorCode())) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}

package io.baton.store.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the writes of one group commit on a connection inside an open transaction.
 *
 * <p>Fast path: the head rows of all writes go as JDBC batches (one round trip per distinct
 * statement), their update counts tell which applied, then the tail rows of those that did go the
 * same way. When a statement fails — with a duplicate key, as when a writer in another process
 * raced for the same position, or on a row of one write that the database refuses (an application's
 * row written alongside a run's, {@link io.baton.api.store.SqlWrite}) — the transaction is rolled
 * back and the writes are applied one by one, each under a savepoint, so that the loser conflicts
 * (duplicate key) or fails ({@link #failure}) alone. When the database itself fails, so does the
 * rollback, and with it the whole batch.
 */
final class CommitBatch {
  private final Connection connection;
  private final List<Write> writes;
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
  private final SQLException[] failures;

  CommitBatch(Connection connection, List<Write> writes) {
    this.connection = connection;
    this.writes = writes;
    this.failures = new SQLException[writes.size()];
  }

  /**
   * Applies the writes; element {@code i} of the result says whether write {@code i} applied (when
   * it did not, {@link #failure} tells a failure from a conflict).
   */
  boolean[] apply() throws SQLException {
    try {
      return batched();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException broken) {
        e.addSuppressed(broken);
        throw e;
      }
      return oneByOne();
    } finally {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
    }
  }

  /**
   * Applies a write of {@linkplain Write#oneRow() one row} on a connection in auto-commit mode: its
   * statement commits itself, in the same round trip. A duplicate key (a writer in another process
   * won the race) is a conflict, as in a batch.
   */
  static boolean applyAlone(Connection connection, Write write) throws SQLException {
    Write.Row row = write.head() != null ? write.head() : write.tail().getFirst();
    try (PreparedStatement statement = connection.prepareStatement(row.sql())) {
      row.binder().bind(statement);
      int count = statement.executeUpdate();
      return write.head() == null || count > 0;
    } catch (SQLException e) {
      if (SqlFailures.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private boolean[] batched() throws SQLException {
    int[] slots = new int[writes.size()];
    Map<String, Integer> added = new LinkedHashMap<>();
    for (int i = 0; i < writes.size(); i++) {
      Write.Row head = writes.get(i).head();
      slots[i] = head == null ? -1 : add(head, added);
    }
    Map<String, int[]> counts = executeAll(added.keySet());
    boolean[] applied = new boolean[writes.size()];
    added.clear();
    for (int i = 0; i < writes.size(); i++) {
      Write.Row head = writes.get(i).head();
      int count = head == null ? 1 : counts.get(head.sql())[slots[i]];
      applied[i] = count > 0 || count == Statement.SUCCESS_NO_INFO;
      if (applied[i]) {
        for (Write.Row row : writes.get(i).tail()) {
          add(row, added);
        }
      }
    }
    executeAll(added.keySet());
    return applied;
  }

  /** Adds {@code row} to its statement's batch; returns its index in that batch. */
  private int add(Write.Row row, Map<String, Integer> added) throws SQLException {
    PreparedStatement statement = statement(row.sql());
    row.binder().bind(statement);
    statement.addBatch();
    return added.merge(row.sql(), 1, Integer::sum) - 1;
  }

  private Map<String, int[]> executeAll(Iterable<String> sqls) throws SQLException {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (String sql : sqls) {
      PreparedStatement statement = statements.get(sql);
      try {
        counts.put(sql, statement.executeBatch());
      } catch (BatchUpdateException e) {
        throw e.getNextException() != null ? withNext(e) : e;
      }
    }
    return counts;
  }

  /** Why write {@code i} failed on its own, leaving the others applied; null when it did not. */
  SQLException failure(int i) {
    return failures[i];
  }

  private static SQLException withNext(BatchUpdateException e) {
    // drivers put the real cause (its SQL state) in the next exception
    SQLException next = e.getNextException();
    next.addSuppressed(e);
    return next;
  }

  private boolean[] oneByOne() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.clearBatch();
    }
    boolean[] applied = new boolean[writes.size()];
    for (int i = 0; i < writes.size(); i++) {
      Savepoint savepoint = connection.setSavepoint();
      try {
        applied[i] = executeOne(writes.get(i));
        if (!applied[i]) {
          connection.rollback(savepoint);
        }
      } catch (SQLException e) {
        connection.rollback(savepoint);
        applied[i] = false;
        if (!SqlFailures.isDuplicateKey(e)) {
          failures[i] = e;
        }
      }
    }
    return applied;
  }

  private boolean executeOne(Write write) throws SQLException {
    if (write.head() != null && execute(write.head()) == 0) {
      return false;
    }
    for (Write.Row row : write.tail()) {
      execute(row);
    }
    return true;
  }

  private int execute(Write.Row row) throws SQLException {
    PreparedStatement statement = statement(row.sql());
    row.binder().bind(statement);
    return statement.executeUpdate();
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }
}

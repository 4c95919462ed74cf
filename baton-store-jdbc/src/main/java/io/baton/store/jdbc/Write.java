package io.baton.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A write the {@link GroupCommitter} applies together with others in one transaction. Its {@code
 * head} row decides: when the head's statement changes no row (a guarded insert or a versioned
 * update whose condition no longer holds) the write is a conflict and nothing of it is applied;
 * otherwise its {@code tail} rows follow. A write without a head always applies.
 *
 * @param key what it writes ({@code journal:RUN}): a batch carries at most one write per key, so
 *     that two writes to one aggregate never race inside one transaction
 * @param head the deciding row, or null when nothing decides
 * @param tail the rows written when the head applied
 */
record Write(String key, Row head, List<Row> tail) {

  /** Whether it is one statement: a head alone, or a single row without a head. */
  boolean oneRow() {
    return head == null ? tail.size() == 1 : tail.isEmpty();
  }

  /** A statement and the values of one execution of it. */
  record Row(String sql, Binder binder) {}

  /** Sets the parameters of one execution. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}

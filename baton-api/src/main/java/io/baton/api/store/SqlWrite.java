package io.baton.api.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A statement of the application that embeds the engine, written in the transaction of a run's
 * commit ({@link RunCommit#alongside()}): rows of the application's own tables — an index entry of
 * the run, an audit entry of its start — become durable with the run's rows and never without them.
 * Only a {@link RunCommitter} of a SQL database that holds those tables runs them.
 *
 * <p>It must not fail for reasons of its own in normal operation (a key another write may take, a
 * value too long for its column): a committer that groups the commits of many runs makes such a
 * failure that run's alone, at the cost of going again write by write.
 *
 * @param sql one statement with {@code ?} parameters, an insert or update of the application's
 *     tables
 * @param arguments the parameters in order, as a JDBC driver's {@code setObject} takes them ({@code
 *     String}, {@code Long}, {@code Boolean}, {@code java.sql.Timestamp}, …; null allowed)
 */
public record SqlWrite(String sql, List<Object> arguments) {

  public SqlWrite {
    Objects.requireNonNull(sql, "sql");
    arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
  }

  /** {@code sql} with {@code arguments} in order. */
  public static SqlWrite of(String sql, Object... arguments) {
    return new SqlWrite(sql, Arrays.asList(arguments));
  }
}

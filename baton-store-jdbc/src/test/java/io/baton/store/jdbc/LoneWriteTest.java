package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a batch of one write of one statement — a lone run's step — goes in auto-commit
 * mode: the statement commits itself in its own round trip, with no COMMIT after it. Its outcomes
 * are those of a batch: applied, a conflict when its head changes nothing or its key is taken. (The
 * committer's choice depends on the dialect only; the connections here are H2's, counted.)
 */
class LoneWriteTest {
  private final AtomicInteger commits = new AtomicInteger();
  private Database database;
  private GroupCommitter committer;

  @BeforeEach
  void open() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:lone-write-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    HikariConfig config = new HikariConfig();
    config.setDataSource(countingCommits(h2));
    database = new Database(new HikariDataSource(config), Dialect.POSTGRESQL, "test");
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (k VARCHAR(20) PRIMARY KEY, n INT)");
    }
    committer = new GroupCommitter(database, 64, 1);
  }

  @AfterEach
  void close() {
    committer.close();
    database.close();
  }

  /** Connections whose {@code commit()} calls are counted. */
  private DataSource countingCommits(DataSource inner) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, inner, args);
              if (!(result instanceof Connection connection)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("commit")) {
                      commits.incrementAndGet();
                    }
                    return invoke(m, connection, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Write.Row insert(String key, int n) {
    return new Write.Row(
        "INSERT INTO t (k, n) VALUES (?, ?)",
        ps -> {
          ps.setString(1, key);
          ps.setInt(2, n);
        });
  }

  private static Write.Row bump(String key, int from) {
    return new Write.Row(
        "UPDATE t SET n = n + 1 WHERE k = ? AND n = ?",
        ps -> {
          ps.setString(1, key);
          ps.setInt(2, from);
        });
  }

  private int valueOf(String key) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT n FROM t WHERE k = '" + key + "'")) {
      return rs.next() ? rs.getInt(1) : -1;
    }
  }

  @Test
  void aLoneStatementCommitsWithoutACommitOfItsOwn() throws Exception {
    assertThat(committer.apply(new Write("a", insert("a", 1), List.of()))).isTrue();
    assertThat(committer.apply(new Write("a", bump("a", 1), List.of()))).isTrue();

    assertThat(valueOf("a")).isEqualTo(2);
    assertThat(commits).as("COMMITs sent").hasValue(0);
  }

  @Test
  void aLoneStatementThatChangesNothingOrFindsItsKeyTakenConflicts() throws Exception {
    assertThat(committer.apply(new Write("a", insert("a", 1), List.of()))).isTrue();

    assertThat(committer.apply(new Write("a", bump("a", 7), List.of()))).isFalse();
    assertThat(committer.apply(new Write("a", insert("a", 5), List.of()))).isFalse();
    assertThat(valueOf("a")).isEqualTo(1);
  }

  @Test
  void aWriteOfSeveralRowsStillCommitsThemInOneTransaction() throws Exception {
    assertThat(committer.apply(new Write("a", insert("a", 1), List.of(insert("b", 1))))).isTrue();
    assertThat(committer.apply(new Write("a", bump("a", 9), List.of(insert("c", 1))))).isFalse();

    assertThat(valueOf("b")).isEqualTo(1);
    assertThat(valueOf("c")).as("the tail of a conflicting write").isEqualTo(-1);
    assertThat(commits).hasValue(2);
  }
}

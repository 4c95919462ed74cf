package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit: concurrent writes share commits, keep their order per key, fail alone. */
class GroupCommitterTest {
  private Database database;
  private GroupCommitter committer;

  @BeforeEach
  void open() throws Exception {
    JdbcLocation where = JdbcLocation.parse("h2:mem:group-commit-" + System.nanoTime());
    database = new Database(Connector.open(where, JdbcStoreOptions.DEFAULTS), Dialect.H2, "test");
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (k VARCHAR(20), n INT, PRIMARY KEY (k, n))");
      s.execute("CREATE TABLE log (id IDENTITY PRIMARY KEY, k VARCHAR(20), n INT)");
    }
    committer = new GroupCommitter(database, 64, 2);
  }

  @AfterEach
  void close() {
    committer.close();
    database.close();
  }

  private static Write insert(String key, int n) {
    return new Write(
        key,
        new Write.Row(
            "INSERT INTO t (k, n) VALUES (?, ?)",
            ps -> {
              ps.setString(1, key);
              ps.setInt(2, n);
            }),
        List.of(
            new Write.Row(
                "INSERT INTO log (k, n) VALUES (?, ?)",
                ps -> {
                  ps.setString(1, key);
                  ps.setInt(2, n);
                })));
  }

  @Test
  void concurrentWritesAllLandAndEachKeyKeepsItsOrder() throws Exception {
    int keys = 16;
    int perKey = 50;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        String key = "key-" + k;
        done.add(
            threads.submit(
                () -> {
                  for (int n = 0; n < perKey; n++) {
                    assertThat(committer.apply(insert(key, n))).isTrue();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT k, n FROM log ORDER BY id")) {
      Map<String, Integer> last = new ConcurrentHashMap<>();
      int rows = 0;
      while (rs.next()) {
        int previous = last.getOrDefault(rs.getString(1), -1);
        assertThat(rs.getInt(2)).as("order of %s", rs.getString(1)).isEqualTo(previous + 1);
        last.put(rs.getString(1), rs.getInt(2));
        rows++;
      }
      assertThat(rows).isEqualTo(keys * perKey);
    }
  }

  @Test
  void aConflictAndAFailedBatchLeaveTheLaneWorking() {
    assertThat(committer.apply(insert("a", 1))).isTrue();
    Write guarded =
        new Write(
            "a",
            new Write.Row("UPDATE t SET n = 2 WHERE k = ? AND n = 5", ps -> ps.setString(1, "a")),
            List.of());
    assertThat(committer.apply(guarded)).as("a head that changed nothing").isFalse();
    Write broken =
        new Write(
            "b", new Write.Row("INSERT INTO nowhere VALUES (?)", ps -> ps.setInt(1, 1)), List.of());
    assertThatThrownBy(() -> committer.apply(broken)).isInstanceOf(RuntimeException.class);

    assertThat(committer.apply(insert("a", 2))).isTrue();
  }

  @Test
  void closingRefusesLaterWrites() {
    assertThat(committer.apply(insert("a", 1))).isTrue();
    committer.close();
    assertThatThrownBy(() -> committer.apply(insert("a", 2)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("closed");
  }
}

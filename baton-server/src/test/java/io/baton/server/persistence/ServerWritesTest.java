package io.baton.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class ServerWritesTest {
  private JdbcClient jdbc;
  private ServerWrites writes;

  @BeforeEach
  void open() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:server-writes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(h2);
    jdbc.sql("create table t (id int primary key)").update();
    writes = new ServerWrites(h2, jdbc);
  }

  private static Function<JdbcClient, Integer> insert(int id) {
    return tx -> tx.sql("insert into t (id) values (:id)").param("id", id).update();
  }

  private long rows() {
    return jdbc.sql("select count(*) from t").query(Long.class).single();
  }

  @Test
  void rowsWrittenTogetherCommitTogetherOrNotAtAll() {
    Integer written = writes.write(tx -> insert(1).apply(tx) + insert(2).apply(tx));
    assertThat(written).isEqualTo(2);

    assertThatThrownBy(() -> writes.write(tx -> insert(3).apply(tx) + insert(1).apply(tx)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(rows()).as("row 3 rolled back with the duplicate").isEqualTo(2L);
  }

  @Test
  void concurrentWritersEachCommit() throws Exception {
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        int id = i;
        results.add(pool.submit(() -> writes.write(insert(id))));
      }
    }
    for (Future<Integer> r : results) {
      Integer written = r.get();
      assertThat(written).isEqualTo(1);
    }
    assertThat(rows()).isEqualTo(200L);
  }
}

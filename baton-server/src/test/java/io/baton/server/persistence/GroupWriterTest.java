package io.baton.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class GroupWriterTest {
  private JdbcClient jdbc;
  private GroupWriter writer;

  @BeforeEach
  void open() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:group-writer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(h2);
    jdbc.sql("create table t (id int primary key)").update();
    writer = new GroupWriter(h2, jdbc);
  }

  @AfterEach
  void close() throws InterruptedException {
    writer.destroy();
  }

  private static java.util.function.Function<JdbcClient, Integer> insert(int id) {
    return tx -> tx.sql("insert into t (id) values (:id)").param("id", id).update();
  }

  @Test
  void concurrentWritesAllCommitAndOnlyTheFailingOneFails() throws Exception {
    writer.write(insert(7));
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        int id = i;
        results.add(pool.submit(() -> writer.write(insert(id))));
      }
    }
    int failed = 0;
    for (int i = 0; i < results.size(); i++) {
      try {
        assertThat(results.get(i).get()).isEqualTo(1);
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(i).isEqualTo(7);
        assertThat(e.getCause()).isInstanceOf(DuplicateKeyException.class);
        failed++;
      }
    }
    assertThat(failed).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from t").query(Long.class).single()).isEqualTo(200L);
  }

  @Test
  void aWriteAfterShutdownIsRefusedWithAReason() throws InterruptedException {
    writer.write(insert(1));
    writer.destroy();

    assertThatThrownBy(() -> writer.write(insert(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shutting down");
    assertThat(jdbc.sql("select count(*) from t").query(Long.class).single()).isEqualTo(1L);
  }
}

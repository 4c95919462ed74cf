package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.TimerRecord;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one PostgreSQL claiming due timers at the same moment (each through its own
 * store and pool, as separate processes would): every timer goes to exactly one of them.
 */
class PostgresTimerClaimTest {
  private PostgresTestDatabase database;
  private StoreBackend nodeA;
  private StoreBackend nodeB;

  @BeforeEach
  void open() {
    database = PostgresTestDatabase.create();
    nodeA = JdbcStoreBackend.open(database.location(), JdbcStoreOptions.DEFAULTS);
    nodeB = JdbcStoreBackend.open(database.location(), JdbcStoreOptions.DEFAULTS);
  }

  @AfterEach
  void drop() {
    nodeA.close();
    nodeB.close();
    database.close();
  }

  @Test
  void nodesClaimingDueTimersAtOnceNeverGetTheSameOne() throws Exception {
    for (int i = 0; i < 300; i++) {
      nodeA.timers().schedule(new TimerRecord("t" + i, "r" + i, null, StoreFixtures.at(i % 7)));
    }
    List<CompletableFuture<List<String>>> claimers = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      StoreBackend node = n % 2 == 0 ? nodeA : nodeB;
      claimers.add(CompletableFuture.supplyAsync(() -> claimAll(node)));
    }
    List<String> fired = new ArrayList<>();
    for (var claimer : claimers) {
      fired.addAll(claimer.get());
    }
    assertThat(fired).hasSize(300).doesNotHaveDuplicates();
  }

  private static List<String> claimAll(StoreBackend node) {
    List<String> mine = new ArrayList<>();
    List<TimerRecord> got;
    while (!(got = node.timers().claimDue(StoreFixtures.at(10), Duration.ofMinutes(1), 7))
        .isEmpty()) {
      got.forEach(t -> mine.add(t.timerId()));
    }
    return mine;
  }
}

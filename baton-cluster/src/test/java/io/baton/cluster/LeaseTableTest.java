package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.test.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases, their expiry and take-over, and mail for runs another node owns, on PostgreSQL. */
class LeaseTableTest {
  private static final Duration TTL = Duration.ofSeconds(5);
  private static ClusterDatabase db;
  private static JdbcStoreBackend store;
  private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private Node a;
  private Node b;

  /** The tables as one node sees them. */
  record Node(ClusterOptions options, NodeTable nodes, LeaseTable leases, Inbox inbox) {
    static Node named(String id) {
      ClusterOptions options =
          ClusterOptions.named(id).withTiming(Duration.ofSeconds(1), TTL).withExecutors(4);
      Sql sql = new Sql(store.dataSource());
      Inbox inbox = new Inbox(sql, options);
      return new Node(
          options, new NodeTable(sql, options), new LeaseTable(sql, options, inbox), inbox);
    }
  }

  @BeforeAll
  static void database() {
    db = ClusterDatabase.create();
    store = db.openStore();
    ClusterSchema.migrate(store.dataSource());
  }

  @AfterAll
  static void drop() {
    store.close();
    db.close();
  }

  @BeforeEach
  void nodes() throws Exception {
    try (var c = db.connect();
        var s = c.createStatement()) {
      s.execute("TRUNCATE baton_cluster_lease, baton_cluster_inbox, baton_cluster_node");
    }
    a = Node.named("a");
    b = Node.named("b");
    a.nodes().register(clock.now());
    b.nodes().register(clock.now());
  }

  private static Inbox.Mail mail(String text) {
    return new Inbox.Mail("{\"kind\":\"WAKE\",\"path\":\"" + text + "\"}", true);
  }

  @Test
  void aFreeRunIsTakenAndAnOwnedOneSendsTheMailToItsOwner() {
    assertThat(a.leases().acquire("r1", clock.now(), null).owned()).isTrue();
    assertThat(a.leases().acquire("r1", clock.now(), null).owned()).isTrue();

    LeaseTable.Acquired atB = b.leases().acquire("r1", clock.now(), mail("x"));

    assertThat(atB.owned()).isFalse();
    assertThat(atB.owner()).isEqualTo("a");
    assertThat(atB.messageId()).isNotNull();
    List<Inbox.Pending> forA = a.inbox().pending(10);
    assertThat(forA).extracting(Inbox.Pending::runId).containsExactly("r1");
    assertThat(forA.getFirst().letterJson()).contains("\"x\"");
    assertThat(b.inbox().pending(10)).isEmpty();
  }

  @Test
  void theOwnerKeepsARunWithPendingMailAndItsAnswerReachesTheSender() {
    a.leases().acquire("r1", clock.now(), null);
    long id = b.leases().acquire("r1", clock.now(), mail("y")).messageId();

    assertThat(a.leases().release("r1")).as("kept: mail waits").isFalse();
    assertThat(a.leases().ownerOf("r1")).contains("a");

    Inbox.Pending pending = a.inbox().pending(10).getFirst();
    a.inbox().handled(pending, true, null);
    assertThat(b.inbox().replies(List.of(id + 1))).as("not awaited: stays").isEmpty();
    assertThat(b.inbox().replies(List.of(id))).containsExactly(new Inbox.Reply(id, true, null));
    assertThat(a.leases().release("r1")).isTrue();
    assertThat(a.leases().ownerOf("r1")).isEmpty();
    assertThat(b.leases().acquire("r1", clock.now(), null).owned()).isTrue();
  }

  @Test
  void heartbeatsKeepLeasesAndSilenceLosesThem() {
    a.leases().acquire("r1", clock.now(), null);
    a.leases().acquire("r2", clock.now(), null);

    clock.advance(Duration.ofSeconds(4));
    a.nodes().heartbeat(clock.now(), 2);
    a.leases().renew(clock.now());
    b.nodes().heartbeat(clock.now(), 0);
    clock.advance(Duration.ofSeconds(4));
    assertThat(b.leases().expiredCount(clock.now())).as("renewed 4 s ago").isZero();
    assertThat(b.leases().acquire("r1", clock.now(), null).owned()).isFalse();

    clock.advance(Duration.ofSeconds(2)); // a silent for 6 s > TTL
    b.nodes().heartbeat(clock.now(), 0);
    assertThat(b.nodes().liveCount(clock.now())).isEqualTo(1);
    assertThat(b.leases().expiredCount(clock.now())).isEqualTo(2);
    assertThat(b.leases().takeOver(clock.now(), 10)).containsExactlyInAnyOrder("r1", "r2");
    assertThat(b.leases().owned()).containsExactlyInAnyOrder("r1", "r2");
    assertThat(a.leases().owned()).isEmpty();
    assertThat(a.leases().renew(clock.now())).as("a came back: nothing left to renew").isZero();
  }

  @Test
  void survivorsTakeTheirShareOfTheExpiredLeases() {
    Node c = Node.named("c");
    c.nodes().register(clock.now());
    for (int i = 0; i < 9; i++) {
      a.leases().acquire("run-" + i, clock.now(), null);
    }
    clock.advance(TTL.plusSeconds(1));
    b.nodes().heartbeat(clock.now(), 0);
    c.nodes().heartbeat(clock.now(), 0);
    int live = b.nodes().liveCount(clock.now());
    int share = (b.leases().expiredCount(clock.now()) + live - 1) / live;

    List<String> atB = b.leases().takeOver(clock.now(), share);
    List<String> atC = c.leases().takeOver(clock.now(), share);

    assertThat(live).isEqualTo(2);
    assertThat(atB).hasSize(5);
    assertThat(atC).hasSize(4).doesNotContainAnyElementsOf(atB);
    assertThat(b.leases().expiredCount(clock.now())).isZero();
  }

  @Test
  void anExpiredLeaseIsTakenByWhoeverWakesTheRun() {
    a.leases().acquire("r1", clock.now(), null);
    clock.advance(TTL.plusMillis(1));

    LeaseTable.Acquired atB = b.leases().acquire("r1", clock.now(), mail("z"));

    assertThat(atB.owned()).isTrue();
    assertThat(atB.messageId()).as("owned: no mail sent").isNull();
    assertThat(a.inbox().pending(10)).isEmpty();
    assertThat(b.leases().unheld(List.of("r1", "r2"), clock.now())).containsExactly("r2");
  }

  @Test
  void leavingLetsTheLeasesExpireAtOnce() {
    a.leases().acquire("r1", clock.now(), null);
    a.leases().expireAll(clock.now());
    a.nodes().stop(clock.now());

    assertThat(b.leases().takeOver(clock.now(), 10)).containsExactly("r1");
    assertThat(b.nodes().all(clock.now()))
        .extracting(NodeInfo::nodeId, NodeInfo::live, NodeInfo::leases)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", false, 0),
            org.assertj.core.groups.Tuple.tuple("b", true, 1));
  }
}

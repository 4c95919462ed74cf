package io.baton.cluster;

import io.baton.api.time.TimeSource;
import io.baton.engine.runtime.ClusterMembership;
import io.baton.engine.runtime.NodePort;
import io.baton.engine.runtime.RunLetter;
import io.baton.engine.runtime.RunOwnership;
import io.baton.engine.runtime.StepTask;
import io.baton.engine.runtime.TaskDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Baton node of several sharing a PostgreSQL database. Each run is owned by one node through a
 * lease renewed by the node's heartbeats; ready handler steps go to a queue that every node's
 * executors claim from; new runs are placed on the node deciding the fewest runs; messages for runs
 * owned elsewhere go to their owner's inbox, and wake-ups travel by {@code LISTEN/NOTIFY}. When a
 * node stops heart-beating, the others take its runs over and rebuild them from their journals.
 *
 * <pre>{@code
 * JdbcStoreBackend store = JdbcStoreBackend.open("jdbc:postgresql://db/baton", JdbcStoreOptions.DEFAULTS);
 * ClusterNode node = ClusterNode.open(store.dataSource(), ClusterOptions.named("node-a"));
 * try (Baton baton = Baton.builder().stores(store).cluster(node).build()) {
 *   baton.start(flow, Map.of()).await(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public final class ClusterNode implements ClusterMembership, RunOwnership, TaskDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(5);

  private final ClusterOptions options;
  private final TimeSource clock;
  private final Heartbeat.Tables tables;
  private final Notifications notifications;
  private final Mailroom mailroom;
  private final TaskRunner runner;
  private final Heartbeat heartbeat;
  private final RunPlacement placement;
  private final QueueBacklog backlog;
  private volatile boolean running;
  private TimeSource.Cancellable nextBeat;

  private ClusterNode(Sql sql, ClusterOptions options, TimeSource clock) {
    this.options = options;
    this.clock = clock;
    Inbox inbox = new Inbox(sql, options);
    this.tables =
        new Heartbeat.Tables(
            new NodeTable(sql, options),
            new LeaseTable(sql, options, inbox),
            new TaskQueue(sql, options),
            inbox);
    this.mailroom = new Mailroom(inbox, tables.tasks(), options.nodeId());
    this.runner = new TaskRunner(tables.tasks(), tables.nodes(), options, clock);
    this.placement = new RunPlacement(options.nodeId());
    this.backlog = new QueueBacklog(tables.tasks());
    this.heartbeat = new Heartbeat(tables, runner, mailroom, placement, backlog);
    this.notifications = new Notifications(sql.dataSource(), this::notified);
  }

  /**
   * A node on the database behind {@code dataSource} (PostgreSQL), whose tables it migrates; it
   * joins the cluster when the engine it is given to is built.
   *
   * @param clock the time leases and heartbeats are written with: the engine's clock
   * @throws io.baton.api.store.StoreUnavailableException when the tables cannot be migrated
   */
  public static ClusterNode open(DataSource dataSource, ClusterOptions options, TimeSource clock) {
    ClusterSchema.migrate(dataSource);
    return new ClusterNode(new Sql(dataSource), options, clock);
  }

  /** This node's id. */
  public String nodeId() {
    return options.nodeId();
  }

  /** Every node the database knows, with its heartbeat, load and leases. */
  public List<NodeInfo> nodes() {
    return tables.nodes().all(clock.now());
  }

  /** The node that holds run {@code runId}'s lease, if any holds it (it may have expired). */
  public Optional<String> ownerOf(String runId) {
    return tables.leases().ownerOf(runId);
  }

  @Override
  public RunOwnership ownership() {
    return this;
  }

  @Override
  public TaskDispatcher dispatcher() {
    return this;
  }

  @Override
  public void start(NodePort port) {
    tables.nodes().register(clock.now());
    mailroom.start(port);
    runner.start(port);
    heartbeat.start(port);
    notifications.start(options.nodeId());
    running = true;
    scheduleBeat();
    LOG.info(
        "node {} joined the cluster (heartbeat {}, lease TTL {}, {} executors)",
        options.nodeId(),
        options.heartbeat(),
        options.leaseTtl(),
        options.executors());
  }

  private synchronized void scheduleBeat() {
    if (!running) {
      return;
    }
    nextBeat =
        clock.schedule(
            clock.now().plus(options.heartbeat()),
            () -> Thread.ofVirtual().name("baton-cluster-heartbeat").start(this::beat));
  }

  private void beat() {
    try {
      heartbeat.beat(clock.now());
    } catch (RuntimeException e) {
      LOG.warn("node {} could not heart-beat: {}", options.nodeId(), e.toString());
    } finally {
      scheduleBeat();
    }
  }

  /** One heartbeat now, out of turn (tests, and operators who want a take-over at once). */
  public List<String> beatNow() {
    return heartbeat.beat(clock.now());
  }

  private void notified(String payload) {
    if (Notifications.TASK.equals(payload)
        || payload.equals(Notifications.cancelFor(options.nodeId()))) {
      runner.kick();
    } else if (payload.equals("mail:*") || payload.equals(Notifications.mailFor(nodeId()))) {
      mailroom.kick();
    }
  }

  @Override
  public boolean acquire(String runId, RunLetter letter, CompletableFuture<Boolean> reply) {
    Inbox.Mail mail = letter == null ? null : new Inbox.Mail(Json.write(letter), reply != null);
    LeaseTable.Acquired acquired = tables.leases().acquire(runId, clock.now(), mail);
    if (!acquired.owned() && acquired.messageId() != null && reply != null) {
      mailroom.await(acquired.messageId(), reply);
    }
    return acquired.owned();
  }

  @Override
  public void release(String runId) {
    try {
      if (!tables.leases().release(runId)) {
        mailroom.kick(); // mail came for it: it stays here to take it
      }
    } catch (ClusterStoreException e) {
      // The lease stays here; a heartbeat that finds it held by no run in memory loads the run,
      // which lets it go again once idle.
      LOG.warn("could not let run {} go ({}); kept for now", runId, e.getMessage());
    }
  }

  /**
   * Places a new run on the live node with the fewest runs (seed 004's load-balanced strategy):
   * when that is another node, the run's start is journaled here and the run handed to it.
   */
  @Override
  public boolean offer(String runId, Runnable persistStart) {
    String to = placement.choose();
    if (to == null) {
      return false;
    }
    persistStart.run();
    Inbox.Mail wake = new Inbox.Mail(Json.write(RunLetter.wake(null)), false);
    if (!tables.leases().handOff(runId, to, wake, clock.now())) {
      throw new IllegalStateException(
          "run " + runId + " was taken from node " + nodeId() + " as it was being started");
    }
    return true;
  }

  @Override
  public List<String> adoptable(List<String> unfinished) {
    return tables.leases().unheld(unfinished, clock.now());
  }

  @Override
  public void dispatch(StepTask task) {
    backlog.enqueue(task, clock.now());
  }

  @Override
  public void withdraw(String runId, String path, int attempt) {
    backlog.withdraw(runId, path, attempt);
  }

  /**
   * Leaves the cluster: stops claiming, lets the running steps finish for a few seconds, hands the
   * rest back to the queue and lets its leases expire at once, so that the other nodes take its
   * runs at their next heartbeat.
   */
  @Override
  public void close() {
    synchronized (this) {
      running = false;
      if (nextBeat != null) {
        nextBeat.cancel();
      }
    }
    runner.close();
    long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
    while (runner.running() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      tables.tasks().requeueOwn();
      tables.leases().expireAll(clock.now());
      tables.nodes().stop(clock.now());
    } catch (RuntimeException e) {
      LOG.warn("node {} could not hand its work back: {}", options.nodeId(), e.toString());
    }
    mailroom.close();
    notifications.close();
    LOG.info("node {} left the cluster", options.nodeId());
  }

  /**
   * Stops every activity of this node without handing anything back, as if its process died: for
   * tests of take-over.
   */
  void halt() {
    synchronized (this) {
      running = false;
      if (nextBeat != null) {
        nextBeat.cancel();
      }
    }
    runner.close();
    mailroom.close();
    notifications.close();
  }
}

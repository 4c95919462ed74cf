package io.baton.cluster;

import io.baton.engine.RunNotFoundException;
import io.baton.engine.runtime.NodePort;
import io.baton.engine.runtime.RunLetter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does at each heartbeat: says it is alive, renews its leases and claims, writes the
 * queue writes the database refused while it was away, lets go of runs another node took from it,
 * takes over its share of the runs of nodes that went silent, queues again the steps they had
 * claimed, counts the runs each node decides (for placing new runs), tells the starters of runs
 * handed off that ended, and looks at the tables in case a notification was missed.
 */
final class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private static final int SWEEP_EVERY = 10;

  private final NodeTable nodes;
  private final LeaseTable leases;
  private final TaskQueue tasks;
  private final Inbox inbox;
  private final TaskRunner runner;
  private final Mailroom mailroom;
  private final RunPlacement placement;
  private final QueueBacklog backlog;
  private NodePort port;
  private long beats;
  private Set<String> idleLastBeat = Set.of();

  Heartbeat(
      Tables tables,
      TaskRunner runner,
      Mailroom mailroom,
      RunPlacement placement,
      QueueBacklog backlog) {
    this.nodes = tables.nodes();
    this.leases = tables.leases();
    this.tasks = tables.tasks();
    this.inbox = tables.inbox();
    this.runner = runner;
    this.mailroom = mailroom;
    this.placement = placement;
    this.backlog = backlog;
  }

  /** The cluster's tables, as one node sees them. */
  record Tables(NodeTable nodes, LeaseTable leases, TaskQueue tasks, Inbox inbox) {}

  void start(NodePort port) {
    this.port = port;
  }

  /** One heartbeat at {@code now}; returns the runs taken over. */
  synchronized List<String> beat(Instant now) {
    Set<String> inMemory = port.runsInMemory();
    nodes.heartbeat(now, inMemory.size() + runner.running());
    leases.renew(now);
    backlog.retry();
    tasks.extendClaims(now);
    disownLost(inMemory);
    List<String> taken = takeOver(now);
    if (tasks.requeueLapsed(now) > 0) {
      LOG.info("queued again the steps of nodes that went silent");
    }
    for (String runId : tasks.unownedResults(now, 100)) {
      if (leases.acquire(runId, now, null).owned()) {
        adopt(runId); // it delivers the outcomes, or drops those its run no longer wants
      }
    }
    if (++beats % SWEEP_EVERY == 0) {
      inbox.sweep(now);
    }
    placement.refresh(nodes.liveLeaseCounts(now));
    port.settleHandedOff();
    port.pokeTimers();
    mailroom.kick();
    runner.kick();
    return taken;
  }

  /**
   * The runs in memory here whose leases another node holds now (this node was silent too long):
   * they leave memory; the journal's positions stop any write that was under way. A run in memory
   * without any lease is not one of them: it is letting its lease go as it suspends, or is being
   * loaded again after it did, and disowning it would drop what it is doing.
   */
  private void disownLost(Set<String> inMemory) {
    for (String runId : leases.heldByOthers(inMemory)) {
      LOG.warn("run {} was taken over by another node: this node lets it go", runId);
      port.disown(runId);
    }
    Set<String> owned = leases.owned();
    // Leased here but in no memory for two heartbeats (a write refused, mail kept it here): load
    // it, so that it goes on, or is let go when it has nothing to do.
    Set<String> idle = new HashSet<>(owned);
    idle.removeAll(inMemory);
    for (String runId : idle) {
      if (idleLastBeat.contains(runId) && !port.runsInMemory().contains(runId)) {
        adopt(runId);
      }
    }
    idleLastBeat = idle;
  }

  private List<String> takeOver(Instant now) {
    int expired = leases.expiredCount(now);
    if (expired == 0) {
      return List.of();
    }
    int live = nodes.liveCount(now);
    List<String> taken = leases.takeOver(now, (expired + live - 1) / live);
    if (!taken.isEmpty()) {
      LOG.info("took over {} run(s) of silent nodes ({} expired leases)", taken.size(), expired);
    }
    taken.forEach(this::adopt);
    return taken;
  }

  /** Loads a run this node now owns, which re-establishes what it had in flight. */
  private void adopt(String runId) {
    try {
      port.deliver(runId, RunLetter.wake(null));
    } catch (RunNotFoundException e) {
      leases.release(runId); // a lease left by a run whose start never became durable
    } catch (RuntimeException e) {
      LOG.warn("could not take over run {}: {}", runId, e.toString());
    }
  }
}

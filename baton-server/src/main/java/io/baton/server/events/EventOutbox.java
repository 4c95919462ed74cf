package io.baton.server.events;

import io.baton.api.spi.ExpressionException;
import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import io.baton.server.persistence.ServerWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reactions of events, at least once ({@code srv_event_reaction}): {@link #enqueue} writes them
 * in the transaction that stores their event, the publisher runs them at once ({@link #drain}), and
 * what a crash left behind runs at the next start once its lease has passed. A reaction that fails
 * is tried again after {@link ReactionBackoff}'s delay on the server's clock, until its attempts
 * are used up — or at once when its input is at fault (a bad request, an expression that does not
 * hold), which no retry mends — and then goes to the {@link DeadLetters}. Each reaction is
 * idempotent per event id (see {@link EventReactions}), so running one twice does no harm.
 */
@Component
public class EventOutbox implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);
  private static final int BATCH = 100;

  private final JdbcClient jdbc;
  private final ServerWrites writes;
  private final EventReactions reactions;
  private final DeadLetters deadLetters;
  private final ObjectProvider<EventBus> bus;
  private final TimeSource clock;
  private final ReactionBackoff backoff;
  private final Duration lease;
  private final String node;
  private final String claimer;
  private Instant wakeAt;
  private TimeSource.Cancellable wake;
  private volatile boolean stopped;

  EventOutbox(
      JdbcClient jdbc,
      ServerWrites writes,
      EventReactions reactions,
      DeadLetters deadLetters,
      ObjectProvider<EventBus> bus,
      TimeSource clock,
      @Value("${baton.events.retry.initial-delay:1s}") Duration initialDelay,
      @Value("${baton.events.retry.max-delay:5m}") Duration maxDelay,
      @Value("${baton.events.retry.seed:#{T(java.lang.System).nanoTime()}}") long seed,
      @Value("${baton.events.reaction-lease:60s}") Duration lease,
      ObjectProvider<io.baton.cluster.ClusterNode> cluster) {
    this.jdbc = jdbc;
    this.writes = writes;
    this.reactions = reactions;
    this.deadLetters = deadLetters;
    this.bus = bus;
    this.clock = clock;
    this.backoff = new ReactionBackoff(initialDelay, maxDelay, seed);
    this.lease = lease;
    io.baton.cluster.ClusterNode member = cluster.getIfAvailable();
    this.node = member == null ? "local" : member.nodeId();
    this.claimer = node + "/" + java.util.UUID.randomUUID();
  }

  /**
   * Writes the reactions {@code event} calls for, claimed by this publisher for the lease; call it
   * in the transaction that stores the event.
   */
  void enqueue(SystemEvent event) {
    Timestamp now = Timestamp.from(event.at());
    Timestamp claimed = Timestamp.from(clock.now().plus(lease));
    for (String reaction : reactions.reactionsTo(event)) {
      // deliveries along routes wait on nobody: they run on the outbox's own thread
      boolean deferred = EventReactions.deferred(reaction);
      jdbc.sql(
              "insert into srv_event_reaction (namespace, event_seq, event_id, reaction, attempts,"
                  + " due_at, claimed_until, claimed_by)"
                  + " values (:ns, :seq, :eid, :reaction, 0, :due, :claimed, :by)")
          .param("ns", event.namespace())
          .param("seq", event.seq())
          .param("eid", event.id())
          .param("reaction", reaction)
          .param("due", now)
          .param("claimed", deferred ? null : claimed)
          .param("by", deferred ? null : claimer)
          .update();
    }
  }

  /**
   * Runs the reactions of a just-stored event on the caller's thread → what they did; those that
   * fail wait for their next attempt. Deliveries along routes are left to the outbox's thread,
   * woken for them.
   */
  EventReactions.Outcome drain(SystemEvent event) {
    EventReactions.Tally tally = new EventReactions.Tally();
    boolean deferred = false;
    for (PendingReaction pending :
        jdbc.sql(
                "select * from srv_event_reaction where namespace = :ns and event_id = :eid"
                    + " order by id")
            .param("ns", event.namespace())
            .param("eid", event.id())
            .query(EventOutbox::read)
            .list()) {
      if (EventReactions.deferred(pending.reaction())) {
        deferred = true;
      } else {
        run(pending, event, tally);
      }
    }
    if (deferred) {
      wakeAt(clock.now());
    }
    return tally.outcome();
  }

  /** Runs the reactions that are due and not claimed by a live node, then waits for the next. */
  public void runDue() {
    List<PendingReaction> due;
    do {
      if (stopped) {
        return;
      }
      Timestamp now = Timestamp.from(clock.now());
      due =
          jdbc.sql(
                  "select * from srv_event_reaction where due_at <= :now"
                      + " and (claimed_until is null or claimed_until <= :now)"
                      + " order by id fetch first "
                      + BATCH
                      + " rows only")
              .param("now", now)
              .query(EventOutbox::read)
              .list();
      for (PendingReaction pending : due) {
        if (claim(pending)) {
          var event = bus.getObject().at(pending.namespace(), pending.eventSeq());
          if (event.isPresent()) {
            run(pending, event.get(), new EventReactions.Tally());
          } else {
            delete(jdbc, pending); // the event itself is gone (purged): nothing to react to
          }
        }
      }
    } while (due.size() == BATCH);
    wakeForNext();
  }

  /**
   * Takes up what a stopped or crashed server left, once the application has started: what an
   * earlier process of this node claimed runs at once (that process is gone), what other nodes
   * claimed once their leases have passed.
   */
  @EventListener(ApplicationReadyEvent.class)
  void recover() {
    try {
      int released =
          jdbc.sql(
                  "update srv_event_reaction set claimed_until = null, claimed_by = null"
                      + " where left(claimed_by, :length) = :node and claimed_by <> :me")
              .param("length", node.length() + 1)
              .param("node", node + "/")
              .param("me", claimer)
              .update();
      if (released > 0) {
        LOG.info("taking up {} event reaction(s) this node's last process had claimed", released);
      }
      runDue();
    } catch (RuntimeException e) {
      LOG.warn("the event reactions left by the last run could not be taken up yet", e);
      wakeAt(clock.now().plus(lease));
    }
  }

  /**
   * Runs reaction {@code reaction} of {@code event} once more, for a dead letter's replay → what it
   * did; throws when it fails again.
   */
  EventReactions.Outcome replay(SystemEvent event, String reaction) {
    EventReactions.Tally tally = new EventReactions.Tally();
    reactions.run(reaction, event, tally);
    return tally.outcome();
  }

  /** The namespace's pending reactions, soonest due first, at most {@code limit}. */
  public List<PendingReaction> pending(String namespace, int limit) {
    return jdbc.sql(
            "select * from srv_event_reaction where namespace = :ns order by due_at, id"
                + " fetch first "
                + limit
                + " rows only")
        .param("ns", namespace)
        .query(EventOutbox::read)
        .list();
  }

  private void run(PendingReaction pending, SystemEvent event, EventReactions.Tally tally) {
    try {
      reactions.run(pending.reaction(), event, tally);
      delete(jdbc, pending);
    } catch (RuntimeException e) {
      failed(pending, event, e);
    }
  }

  private boolean claim(PendingReaction pending) {
    Instant now = clock.now();
    return jdbc.sql(
                "update srv_event_reaction set claimed_until = :until, claimed_by = :by"
                    + " where id = :id and (claimed_until is null or claimed_until <= :now)")
            .param("until", Timestamp.from(now.plus(lease)))
            .param("by", claimer)
            .param("id", pending.id())
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  private void failed(PendingReaction pending, SystemEvent event, RuntimeException e) {
    int attempts = pending.attempts() + 1;
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int allowed = reactions.attemptsAllowed(pending.reaction(), event);
    if (!retryable(e) || attempts >= allowed) {
      LOG.warn(
          "{} of event {} failed ({} attempt(s)); it goes to the dead letters: {}",
          pending.reaction(),
          event.id(),
          attempts,
          error);
      reactions.gaveUp(pending.reaction(), event, error);
      writes.write(
          tx -> {
            deadLetters.add(event, pending.reaction(), error, attempts);
            return delete(tx, pending);
          });
      return;
    }
    Instant due = clock.now().plus(backoff.delay(attempts));
    jdbc.sql(
            "update srv_event_reaction set attempts = :attempts, due_at = :due,"
                + " claimed_until = null, claimed_by = null, last_error = :error where id = :id")
        .param("attempts", attempts)
        .param("due", Timestamp.from(due))
        .param("error", DeadLetters.clip(error))
        .param("id", pending.id())
        .update();
    wakeAt(due);
  }

  /**
   * Whether trying again may help: not when the request the reaction makes is at fault (the
   * workflow refuses the inputs, a filter or template fails, a route's receiver refuses the event),
   * which stays so until someone changes it — then the dead letter's replay is the way.
   */
  static boolean retryable(RuntimeException e) {
    if (e instanceof ApiError api) {
      return api.status().value() != 400 && api.status().value() != 422;
    }
    return !(e instanceof IllegalArgumentException
        || e instanceof ExpressionException
        || e instanceof WebhookPost.Refused);
  }

  private static int delete(JdbcClient tx, PendingReaction pending) {
    return tx.sql("delete from srv_event_reaction where id = :id")
        .param("id", pending.id())
        .update();
  }

  /** Wakes when the soonest reaction is due (or the soonest lease of another node ends). */
  private void wakeForNext() {
    jdbc.sql(
            "select min(case when claimed_until is not null and claimed_until > due_at"
                + " then claimed_until else due_at end) from srv_event_reaction")
        .query(Timestamp.class)
        .optional()
        .ifPresent(next -> wakeAt(next.toInstant()));
  }

  /** Runs {@link #runDue} at {@code at}; never on this thread, even when {@code at} has passed. */
  private void wakeAt(Instant due) {
    Instant soonest = clock.now().plusMillis(1);
    Instant at = due.isBefore(soonest) ? soonest : due;
    TimeSource.Cancellable replaced;
    synchronized (this) {
      if (stopped || (wakeAt != null && !at.isBefore(wakeAt))) {
        return;
      }
      replaced = wake;
      wakeAt = at;
    }
    if (replaced != null) {
      replaced.cancel();
    }
    TimeSource.Cancellable scheduled = clock.schedule(at, () -> woken(at));
    synchronized (this) {
      if (at.equals(wakeAt)) {
        wake = scheduled;
      }
    }
  }

  private void woken(Instant at) {
    synchronized (this) {
      if (at.equals(wakeAt)) {
        wakeAt = null;
        wake = null;
      }
    }
    try {
      runDue();
    } catch (RuntimeException e) {
      LOG.warn("event reactions could not run; tried again in {}", lease, e);
      wakeAt(clock.now().plus(lease));
    }
  }

  private static PendingReaction read(ResultSet rs, int row) throws SQLException {
    return new PendingReaction(
        rs.getLong("id"),
        rs.getString("namespace"),
        rs.getLong("event_seq"),
        rs.getString("event_id"),
        rs.getString("reaction"),
        rs.getInt("attempts"),
        rs.getTimestamp("due_at").toInstant(),
        rs.getString("last_error"));
  }

  @Override
  public void destroy() {
    TimeSource.Cancellable pending;
    synchronized (this) {
      stopped = true;
      pending = wake;
    }
    if (pending != null) {
      pending.cancel();
    }
  }
}

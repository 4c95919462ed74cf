package io.baton.engine.runtime;

import io.baton.api.definition.EventStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunEvent.StepCancelled;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepScheduled;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.api.run.RunEvent.StepStarted;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.store.RunRecord;
import io.baton.engine.planner.RunState;
import io.baton.engine.planner.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decider of one run: an actor with a mailbox. Messages are handled one at a time on whichever
 * virtual thread drains the mailbox, so the run's state needs no lock. Each drain turns messages
 * and plans into events, applies them, makes them durable in one journal append, and only then acts
 * on them (write-ahead).
 */
final class RunActor {
  private static final Logger LOG = LoggerFactory.getLogger(RunActor.class);
  private static final java.time.Duration FIRST_STALL = java.time.Duration.ofMillis(100);
  private static final java.time.Duration MAX_STALL = java.time.Duration.ofSeconds(30);
  private final RuntimeServices rt;
  private final RunHost host;
  private final RunState state;
  private final Queue<Message> mailbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final RunOutbox outbox;
  private final Effects fx;
  private final AttemptMessages answers;
  private volatile boolean evicted;

  /** How many times in a row the store refused this run's writes. */
  private int stalls;

  RunActor(RuntimeServices rt, RunHost host, RunState state, RunRecord record) {
    this.rt = rt;
    this.host = host;
    this.state = state;
    this.outbox = new RunOutbox(rt, state.runId(), record, state.applied());
    this.fx = new Effects(rt, host, this, state, outbox.effects, outbox.index);
    this.answers = new AttemptMessages(rt, this, state, fx, outbox);
  }

  String runId() {
    return state.runId();
  }

  /** Delivers a message; the mailbox is drained on a virtual thread unless a drain is under way. */
  void post(Message message) {
    mailbox.add(message);
    if (scheduled.compareAndSet(false, true)) {
      try {
        rt.deciders().execute(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // The engine was closed (a handler or timer ended after it): the message is dropped. What
        // was durable is in the journal, and an engine started on the same stores recovers the run.
        scheduled.set(false);
        LOG.debug("run {}: engine closed, dropped {}", runId(), message.getClass().getSimpleName());
        mailbox.forEach(AttemptMessages::dropped);
      }
    }
  }

  /**
   * Delivers a message from a thread that has nothing left to do — a handler's, as it ends: unless
   * a drain is under way, that thread drains the mailbox itself, which saves starting a decider
   * thread for every step.
   */
  void postFromEndingThread(Message message) {
    mailbox.add(message);
    if (scheduled.compareAndSet(false, true)) {
      // a cancelled handler's interrupt must not leak into the decider's work
      Thread.interrupted();
      drain();
    }
  }

  private boolean engineClosed() {
    return rt.deciders().isShutdown();
  }

  /**
   * Queues a message without draining: a freshly loaded actor gets its {@link Message.Recover} this
   * way, so that it is handled in one drain with the message that caused the load (otherwise the
   * actor, idle after recovering, could evict itself before that message arrives, and each message
   * would load the run again).
   */
  void enqueue(Message message) {
    mailbox.add(message);
  }

  boolean isEvicted() {
    return evicted;
  }

  void markEvicted() {
    evicted = true;
  }

  private void drain() {
    do {
      if (engineClosed()) {
        // Whatever arrives after close is dropped: what was durable is in the journal, and an
        // engine started
        // on the same stores recovers the run from there.
        mailbox.forEach(AttemptMessages::dropped);
        mailbox.clear();
        scheduled.set(false);
        return;
      }
      try {
        process();
      } catch (RuntimeException | Error e) {
        crash(e);
      }
      scheduled.set(false);
    } while (!mailbox.isEmpty() && scheduled.compareAndSet(false, true));
  }

  private void process() {
    Message m;
    if (evicted) {
      while ((m = mailbox.poll()) != null) {
        host.redeliver(runId(), m);
      }
      return;
    }
    while ((m = mailbox.poll()) != null) {
      handle(m);
    }
    decide();
    flush();
  }

  private void handle(Message message) {
    Instant now = rt.clock().now();
    switch (message) {
      case Message.Start s -> recordAll(s.events());
      case Message.Recover r -> RunRecovery.reestablish(rt, state, fx, r.reindex(), this::start);
      case Message.Wake w -> {
        if (w.path() != null) {
          state.touch(w.path());
        }
      }
      case Message.TaskEnded e -> answers.taskEnded(e, now);
      case Message.TaskDispatched d -> fx.dispatched(d);
      case Message.Progress p -> answers.progress(p, now);
      case Message.AttemptTimeout t -> {
        recordAll(rt.planner().controls().attemptTimedOut(state, t.path(), t.attempt(), now));
        fx.cancelTask(t.path());
      }
      case Message.RunTimeout t -> recordAll(rt.planner().controls().timeOut(state, now));
      case Message.Control c -> control(c, now);
      case Message.Resolve r -> answers.resolve(r, now);
      case Message.ChildFailed f ->
          recordAll(
              rt.planner().controls().childFailed(state, f.path(), f.waitId(), f.failure(), now));
      case Message.Query q -> outbox.reply(() -> q.view().complete(RunViews.of(state)));
    }
  }

  private void control(Message.Control c, Instant now) {
    var controls = rt.planner().controls();
    List<RunEvent> events =
        switch (c.op()) {
          case PAUSE -> controls.pause(state, c.by(), now);
          case RESUME -> controls.resume(state, c.by(), now);
          case CANCEL -> controls.cancel(state, "cancelled by " + c.by(), c.by(), now);
          case RETRY -> controls.retry(state, c.by(), now);
        };
    recordAll(events);
    outbox.reply(() -> c.done().complete(!events.isEmpty()));
  }

  private void decide() {
    for (int round = 0; ; round++) {
      List<RunEvent> events = rt.planner().plan(state, rt.clock().now());
      if (events.isEmpty()) {
        return;
      }
      recordAll(events);
      if (round > 1_000_000) {
        throw new IllegalStateException("the planner of run " + runId() + " does not settle");
      }
    }
  }

  /** Applies and journals events, then starts the steps they scheduled. */
  void recordAll(List<RunEvent> events) {
    List<StepScheduled> scheduledSteps = null;
    for (RunEvent e : events) {
      record(e);
      if (e instanceof StepScheduled s) {
        if (scheduledSteps == null) {
          scheduledSteps = new ArrayList<>(2);
        }
        scheduledSteps.add(s);
      }
    }
    if (scheduledSteps != null) {
      for (StepScheduled s : scheduledSteps) {
        StepState st = state.step(s.path());
        if (st.status() == StepStatus.READY && st.attempt() == s.attempt()) {
          start(st);
        }
      }
    }
  }

  void record(RunEvent event) {
    state.apply(event);
    outbox.event(event);
    switch (event) {
      case StepCompleted c -> {
        fx.clearWait(c.path());
        StepState s = state.step(c.path());
        if (s.step().definition() instanceof EventStep) {
          fx.publish(c, s.output());
        }
      }
      case StepFailed f -> fx.failed(f);
      case StepCancelled c -> {
        fx.cancelTask(c.path());
        fx.clearWait(c.path());
      }
      case StepSkipped s -> fx.clearWait(s.path());
      case StepWaiting w -> fx.registerWait(w);
      // A step scheduled again after a person answered its handler's question: that wait is over.
      case StepScheduled sch -> fx.clearWait(sch.path());
      case RunStarted r -> fx.runStarted(r.at());
      // At once, not as an effect: the retried run may end within this very drain.
      case RunEvent.RunRetried r -> host.runReopened(runId());
      default -> {
        if (state.status().isTerminal()) {
          fx.runEnded();
        }
      }
    }
  }

  private void start(StepState s) {
    Instant now = rt.clock().now();
    switch (s.step().kind()) {
      case TASK -> fx.dispatchTask(s, now);
      case INLINE -> {
        if (s.step().executor() != null) {
          fx.runInline(s, now);
        } else {
          recordAll(rt.planner().start(state, s.path(), now));
        }
      }
      default -> {
        try {
          recordAll(rt.planner().start(state, s.path(), now));
        } catch (io.baton.api.run.StepException e) {
          recordAll(rt.planner().fail(state, s.path(), s.attempt(), e.failure(), now));
        }
      }
    }
  }

  void recordStarted(String path, int attempt) {
    record(new StepStarted(rt.clock().now(), path, attempt));
  }

  /**
   * Makes the drain durable, then acts on it (see {@link RunOutbox}). When the store cannot take it
   * (the database is down, the disk is full), everything stays in the outbox and the run stalls,
   * trying again with a growing pause until the store is back: nothing is lost and nothing is done
   * twice. When another writer got there first, the run is reloaded from the journal.
   */
  private void flush() {
    try {
      outbox.commit(state.effectiveStatus());
    } catch (io.baton.api.store.ConcurrentModificationException e) {
      outbox.discard(e);
      host.persistenceFailed(this, e);
      return;
    } catch (RuntimeException e) {
      stall(e);
      return;
    }
    stalls = 0;
    outbox.release();
    RunStatus status = state.effectiveStatus();
    if ((status == RunStatus.WAITING || status.isTerminal() || status == RunStatus.PAUSED)
        && fx.idle()) {
      host.runIdle(this);
    }
  }

  private void stall(RuntimeException cause) {
    stalls++;
    long millis =
        Math.min(MAX_STALL.toMillis(), FIRST_STALL.toMillis() << Math.min(stalls - 1, 20));
    if (stalls == 1) {
      LOG.warn(
          "run {}: the store refused its events; the run waits and tries again ({})",
          runId(),
          cause.toString());
    } else {
      LOG.debug("run {}: store still unavailable (try {}): {}", runId(), stalls, cause.toString());
    }
    rt.clock().schedule(rt.clock().now().plusMillis(millis), () -> post(new Message.Wake(null)));
  }

  /**
   * An engine bug: logged loudly, and the run fails rather than hangs. The events already applied
   * in this drain stay in the outbox, so that the journal still matches the state; the effects they
   * called for are dropped, and the planner cancels every active step (interrupting handlers and
   * returning their capacity) before the run fails.
   */
  private void crash(Throwable e) {
    LOG.error("internal error in the decider of run {}; failing the run", runId(), e);
    outbox.dropEffects();
    if (!state.status().isTerminal()) {
      try {
        StepFailure failure =
            new StepFailure(
                ErrorKind.UNKNOWN,
                "internal error in the engine: " + e + " (please report it)",
                false,
                Map.of());
        for (RunEvent event :
            rt.planner().controls().internalError(state, failure, rt.clock().now())) {
          record(event);
        }
        flush();
      } catch (RuntimeException again) {
        LOG.error("could not record the failure of run {}", runId(), again);
      }
    }
  }
}

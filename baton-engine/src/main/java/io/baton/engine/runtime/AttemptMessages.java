package io.baton.engine.runtime;

import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.StepStatus;
import io.baton.engine.planner.RunState;
import io.baton.engine.planner.StepState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run's decider hears about its steps' attempts from outside its drain: a handler's outcome,
 * a handler's record of its progress, an answer to a wait. Each may come late, twice, or for an
 * attempt the run no longer waits for; only those that match what the run waits for count.
 */
final class AttemptMessages {
  private final RuntimeServices rt;
  private final RunActor actor;
  private final RunState state;
  private final Effects fx;
  private final RunOutbox outbox;

  AttemptMessages(
      RuntimeServices rt, RunActor actor, RunState state, Effects fx, RunOutbox outbox) {
    this.rt = rt;
    this.actor = actor;
    this.state = state;
    this.fx = fx;
    this.outbox = outbox;
  }

  /** A handler ended: its output, its question (AwaitInput) or its failure is journaled. */
  void taskEnded(Message.TaskEnded e, Instant now) {
    if (!fx.taskEnded(e.path(), e.attempt(), e.answered())) {
      return;
    }
    StepState s = state.step(e.path());
    if (s == null || s.attempt() != e.attempt() || s.status() != StepStatus.RUNNING) {
      return;
    }
    if (e.failure() == null && e.output() instanceof io.baton.api.spi.AwaitInput ask) {
      actor.recordAll(rt.planner().controls().awaitInput(state, e.path(), e.attempt(), ask, now));
    } else if (e.failure() == null) {
      actor.record(new StepCompleted(now, e.path(), e.attempt(), e.output()));
    } else {
      actor.recordAll(rt.planner().fail(state, e.path(), e.attempt(), e.failure(), now));
    }
  }

  /** Journals a running attempt's progress; its handler hears once it is durable. */
  void progress(Message.Progress p, Instant now) {
    StepState s = state.step(p.path());
    if (s == null || s.attempt() != p.attempt() || s.status() != StepStatus.RUNNING) {
      p.durable().completeExceptionally(AttemptJournal.notRunning(p.path(), p.attempt()));
      return;
    }
    actor.record(new RunEvent.StepProgress(now, p.path(), p.attempt(), p.key(), p.value()));
    outbox.ackWhenDurable(p.durable());
  }

  /**
   * An answer to a wait: refused with the problems when it does not fit the step's form; the sender
   * learns whether it applied once that is durable.
   */
  void resolve(Message.Resolve unplaced, Instant now) {
    Message.Resolve r = placed(unplaced);
    if (r == null) {
      outbox.reply(() -> unplaced.done().complete(false));
      return;
    }
    List<String> problems = answerProblems(r);
    if (!problems.isEmpty()) {
      r.done()
          .completeExceptionally(
              new io.baton.engine.InvalidInputException(
                  "the answer to step '" + r.path() + "'", problems));
      return;
    }
    List<RunEvent> events =
        rt.planner().controls().resolve(state, r.path(), r.waitId(), r.value(), r.by(), now);
    actor.recordAll(events);
    outbox.reply(() -> r.done().complete(!events.isEmpty()));
  }

  /** A message that will not be handled: a handler waiting on it must not wait forever. */
  static void dropped(Message m) {
    if (m instanceof Message.Progress p) {
      p.durable().completeExceptionally(AttemptJournal.notRunning(p.path(), p.attempt()));
    }
  }

  /** The answer with the path of the step whose wait it answers; null when no step waits so. */
  private Message.Resolve placed(Message.Resolve r) {
    if (r.path() != null) {
      return r;
    }
    for (StepState s : state.steps()) {
      if (s.status() == StepStatus.WAITING && r.waitId().equals(s.waitId())) {
        return new Message.Resolve(s.path(), r.waitId(), r.value(), r.by(), r.done());
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private List<String> answerProblems(Message.Resolve r) {
    StepState s = state.step(r.path());
    if (s == null
        || s.waitKind() != io.baton.api.run.WaitKind.HUMAN
        || !r.waitId().equals(s.waitId())
        || !(s.waitDetails().get("form") instanceof Map<?, ?> form)) {
      return List.of();
    }
    return io.baton.engine.schema.JsonSchemaCheck.problems((Map<String, Object>) form, r.value());
  }
}

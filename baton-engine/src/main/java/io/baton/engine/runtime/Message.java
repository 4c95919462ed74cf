package io.baton.engine.runtime;

import io.baton.api.run.StepFailure;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** What reaches a run's decider through its mailbox. */
sealed interface Message {

  /** The first events of a new run (or of a fork): journaled as the run's first batch. */
  record Start(java.util.List<io.baton.api.run.RunEvent> events) implements Message {}

  /**
   * The decider was rebuilt from the journal: re-establish timers, waits and handlers in flight.
   */
  record Recover(boolean reindex) implements Message {}

  /** Asks for a view of the run's state. */
  record Query(CompletableFuture<io.baton.api.run.RunView> view) implements Message {}

  /** Look at the run again (after loading it, or when a timer concerning {@code path} fired). */
  record Wake(String path) implements Message {}

  /**
   * A step handler ended: with an output, or a failure. {@code answered} is the wait whose answer
   * the handler ran with, or null.
   */
  record TaskEnded(String path, int attempt, String answered, Object output, StepFailure failure)
      implements Message {}

  /**
   * A running attempt records a piece of its progress; {@code durable} completes once it is in the
   * journal, or fails when the attempt is no longer running.
   */
  record Progress(
      String path, int attempt, String key, Object value, CompletableFuture<Void> durable)
      implements Message {}

  /** A queued step was handed to an executor. */
  record TaskDispatched(String path, int attempt, Instant at) implements Message {}

  /** A running attempt passed its timeout. */
  record AttemptTimeout(String path, int attempt) implements Message {}

  /** The run passed its deadline. */
  record RunTimeout() implements Message {}

  /** A control operation; {@code done} completes with whether it applied. */
  record Control(ControlOp op, String by, CompletableFuture<Boolean> done) implements Message {}

  /**
   * An answer to a wait (a person's input, an event, a child run's outputs); {@code done} completes
   * with whether it was accepted (false when the wait had already been answered). {@code path} is
   * null when the sender knew only the wait's id: the run finds the step waiting on it.
   */
  record Resolve(
      String path, String waitId, Object value, String by, CompletableFuture<Boolean> done)
      implements Message {}

  /** A child run ended without completing. */
  record ChildFailed(String path, String waitId, StepFailure failure) implements Message {}
}

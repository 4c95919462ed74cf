package io.baton.engine.runtime;

import io.baton.api.run.StepFailure;
import java.util.concurrent.CompletableFuture;

/**
 * A message for a run in a form that can travel between nodes (as JSON): what one node tells a run
 * that another node owns, and how the result of a step run on any node reaches the run's owner.
 *
 * @param kind what it is
 * @param path the step concerned, or null
 * @param waitId the wait answered or failed ({@link Kind#RESOLVE}, {@link Kind#CHILD_FAILED}), or
 *     the wait whose answer the step ran with ({@link Kind#TASK_ENDED}, null when none)
 * @param value the answer ({@link Kind#RESOLVE}) or the step's output ({@link Kind#TASK_ENDED})
 * @param by who sent it ({@link Kind#RESOLVE}, {@link Kind#CONTROL})
 * @param op the control operation ({@link Kind#CONTROL})
 * @param attempt the attempt that ended ({@link Kind#TASK_ENDED})
 * @param failure why a step or a child run failed, or null
 * @param key the key of a recorded value ({@link Kind#PROGRESS}), whose value is {@code value}
 */
public record RunLetter(
    Kind kind,
    String path,
    String waitId,
    Object value,
    String by,
    ControlOp op,
    int attempt,
    StepFailure failure,
    String key) {

  /** The kinds of letters. */
  public enum Kind {
    /** Look at the run again (a timer fired, or the run was taken over). */
    WAKE,
    /** The run passed its deadline. */
    RUN_TIMEOUT,
    /** An answer to a wait: a person's input, an event's payload, a child run's outputs. */
    RESOLVE,
    /** Pause, resume, cancel or retry. */
    CONTROL,
    /** A child run ended without completing. */
    CHILD_FAILED,
    /** A step's handler ended (on whichever node ran it). */
    TASK_ENDED,
    /** A running step recorded a piece of its progress (on whichever node runs it). */
    PROGRESS
  }

  public RunLetter {
    if (kind == null) {
      throw new IllegalArgumentException("a run letter needs a kind");
    }
  }

  /** Wakes the run (and looks at step {@code path}, when not null). */
  public static RunLetter wake(String path) {
    return new RunLetter(Kind.WAKE, path, null, null, null, null, 0, null, null);
  }

  /**
   * The result of attempt {@code attempt} of step {@code path}, run with the answer to wait {@code
   * answered} (null when none): an output or a failure.
   */
  public static RunLetter taskEnded(
      String path, int attempt, String answered, Object output, StepFailure failure) {
    return new RunLetter(
        Kind.TASK_ENDED, path, answered, output, null, null, attempt, failure, null);
  }

  /** The letter form of a message, or null for messages that never leave their node. */
  static RunLetter of(Message message) {
    return switch (message) {
      case Message.Wake w -> wake(w.path());
      case Message.RunTimeout t ->
          new RunLetter(Kind.RUN_TIMEOUT, null, null, null, null, null, 0, null, null);
      case Message.Resolve r ->
          new RunLetter(Kind.RESOLVE, r.path(), r.waitId(), r.value(), r.by(), null, 0, null, null);
      case Message.Control c ->
          new RunLetter(Kind.CONTROL, null, null, null, c.by(), c.op(), 0, null, null);
      case Message.ChildFailed f ->
          new RunLetter(
              Kind.CHILD_FAILED, f.path(), f.waitId(), null, null, null, 0, f.failure(), null);
      case Message.TaskEnded e ->
          taskEnded(e.path(), e.attempt(), e.answered(), e.output(), e.failure());
      case Message.Progress p ->
          new RunLetter(
              Kind.PROGRESS, p.path(), null, p.value(), null, null, p.attempt(), null, p.key());
      default -> null;
    };
  }

  /**
   * The message this letter stands for; {@code done} completes with whether an answer or a control
   * operation applied (the other kinds do not complete it).
   */
  Message toMessage(CompletableFuture<Boolean> done) {
    return switch (kind) {
      case WAKE -> new Message.Wake(path);
      case RUN_TIMEOUT -> new Message.RunTimeout();
      case RESOLVE -> new Message.Resolve(path, waitId, value, by, done);
      case CONTROL -> new Message.Control(op, by, done);
      case CHILD_FAILED -> new Message.ChildFailed(path, waitId, failure);
      case TASK_ENDED -> new Message.TaskEnded(path, attempt, waitId, value, failure);
      case PROGRESS -> new Message.Progress(path, attempt, key, value, durable(done));
    };
  }

  /**
   * Whether the run itself says when it is done with this letter (answers, control operations and
   * records complete the {@code done} of {@link #toMessage}); the others are done once durable.
   */
  boolean answered() {
    return kind == Kind.RESOLVE || kind == Kind.CONTROL || kind == Kind.PROGRESS;
  }

  /** The reply future a message carries (answers, control operations, records), or null. */
  static CompletableFuture<Boolean> replyOf(Message message) {
    return switch (message) {
      case Message.Resolve r -> r.done();
      case Message.Control c -> c.done();
      case Message.Progress p -> {
        CompletableFuture<Boolean> reply = new CompletableFuture<>();
        reply.whenComplete(
            (ok, error) -> {
              if (error != null) {
                p.durable().completeExceptionally(error);
              } else if (Boolean.TRUE.equals(ok)) {
                p.durable().complete(null);
              } else {
                p.durable().completeExceptionally(AttemptJournal.notRunning(p.path(), p.attempt()));
              }
            });
        yield reply;
      }
      default -> null;
    };
  }

  /** A record's durability, reported to {@code done} as the answer to the letter. */
  private static CompletableFuture<Void> durable(CompletableFuture<Boolean> done) {
    CompletableFuture<Void> durable = new CompletableFuture<>();
    durable.whenComplete(
        (v, error) -> {
          if (error == null) {
            done.complete(true);
          } else {
            done.completeExceptionally(error);
          }
        });
    return durable;
  }
}

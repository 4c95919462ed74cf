package io.baton.cli.progress;

import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the progress display knows of one step of a run: built from the run's journal events by
 * {@link RunProgress}, read by the renderers. Mutable, and touched by the CLI's main thread only.
 */
public final class StepNode {
  private final String path;
  private final String type;
  private final List<StepNode> children = new ArrayList<>();
  StepStatus status = StepStatus.PENDING;
  int attempt;
  Instant startedAt;
  Instant endedAt;
  StepFailure failure;
  Instant retryAt;
  WaitKind waitKind;
  String note;

  StepNode(String path, String type) {
    this.path = path;
    this.type = type;
  }

  /**
   * The step's path as displayed: its run path, prefixed by the subworkflow step for steps of child
   * runs.
   */
  public String path() {
    return path;
  }

  /**
   * The step type ({@code tool}, {@code map}, …), or {@code ?} when the definition is not known.
   */
  public String type() {
    return type;
  }

  /**
   * The steps nested in it (iterations, branches, a child run's steps), in the order they appeared.
   */
  public List<StepNode> children() {
    return children;
  }

  /** Its status. */
  public StepStatus status() {
    return status;
  }

  /** The current or last attempt, from 1; 0 before the first. */
  public int attempt() {
    return attempt;
  }

  /** When a retry is due, while the step waits to be retried; otherwise null. */
  public Instant retryAt() {
    return retryAt;
  }

  /** The last failure, or null. */
  public StepFailure failure() {
    return failure;
  }

  /** What it waits for, while {@link StepStatus#WAITING}. */
  public WaitKind waitKind() {
    return waitKind;
  }

  /** A short remark: why it was skipped or cancelled, what it waits for. */
  public String note() {
    return note;
  }

  /**
   * How long its current (or last) attempt has run, up to {@code now} while it runs; null before it
   * starts.
   */
  public Duration elapsed(Instant now) {
    if (startedAt == null) {
      return null;
    }
    Instant end = endedAt != null ? endedAt : now;
    return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
  }

  /** Whether it waits to be retried after a failed attempt. */
  public boolean isRetrying() {
    return retryAt != null && !status.isTerminal();
  }
}

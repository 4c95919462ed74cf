package io.baton.engine.lifecycle;

import static io.baton.api.run.RunStatus.CANCELLED;
import static io.baton.api.run.RunStatus.COMPLETED;
import static io.baton.api.run.RunStatus.FAILED;
import static io.baton.api.run.RunStatus.PAUSED;
import static io.baton.api.run.RunStatus.PENDING;
import static io.baton.api.run.RunStatus.RUNNING;
import static io.baton.api.run.RunStatus.TIMED_OUT;
import static io.baton.api.run.RunStatus.WAITING;

import io.baton.api.run.RunStatus;
import io.baton.api.run.StepStatus;

/** The lifecycles of runs and steps. */
public final class Lifecycles {
  private Lifecycles() {}

  /** The statuses a run goes through. A failed, cancelled or timed-out run may be retried. */
  public static final Lifecycle<RunStatus> RUN =
      Lifecycle.of("run", RunStatus.class, PENDING)
          .from(PENDING, RUNNING, CANCELLED)
          .from(RUNNING, WAITING, PAUSED, COMPLETED, FAILED, CANCELLED, TIMED_OUT)
          .from(WAITING, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED, TIMED_OUT)
          .from(PAUSED, RUNNING, WAITING, CANCELLED, TIMED_OUT)
          .from(FAILED, RUNNING)
          .from(CANCELLED, RUNNING)
          .from(TIMED_OUT, RUNNING)
          .build();

  /**
   * The statuses a step goes through. READY follows a failure when a retry is due; WAITING follows
   * a final failure when a fallback escalates it to a person; PENDING follows FAILED and CANCELLED
   * when the run is retried.
   */
  public static final Lifecycle<StepStatus> STEP =
      Lifecycle.of("step", StepStatus.class, StepStatus.PENDING)
          .from(StepStatus.PENDING, StepStatus.READY, StepStatus.SKIPPED, StepStatus.CANCELLED)
          .from(
              StepStatus.READY,
              StepStatus.RUNNING,
              StepStatus.READY,
              StepStatus.FAILED,
              StepStatus.CANCELLED)
          .from(
              StepStatus.RUNNING,
              StepStatus.COMPLETED,
              StepStatus.FAILED,
              StepStatus.READY,
              StepStatus.WAITING,
              StepStatus.CANCELLED)
          .from(
              StepStatus.WAITING,
              StepStatus.COMPLETED,
              StepStatus.FAILED,
              StepStatus.READY,
              StepStatus.SKIPPED,
              StepStatus.CANCELLED)
          .from(StepStatus.FAILED, StepStatus.WAITING, StepStatus.PENDING, StepStatus.RUNNING)
          .from(StepStatus.CANCELLED, StepStatus.PENDING, StepStatus.RUNNING)
          .build();
}

package io.baton.engine.runtime;

import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.engine.graph.StepKind;
import io.baton.engine.planner.RunState;
import io.baton.engine.planner.StepState;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-establishes what a run rebuilt from its journal had in flight: handlers are started again with
 * the same attempt (and so the same idempotency key), retries and waits are registered again, child
 * runs started if they are missing, ready steps started.
 */
final class RunRecovery {
  private RunRecovery() {}

  /**
   * @param reindex whether to write the run's waits and timers to their indexes again (after a
   *     restart; not after an eviction, which happens only once they were written)
   * @param start starts a ready step, as the run's decider does
   */
  static void reestablish(
      RuntimeServices rt, RunState state, Effects fx, boolean reindex, Consumer<StepState> start) {
    fx.reindexing(reindex);
    try {
      if (!state.status().isTerminal()) {
        fx.runStarted(state.startedAt());
      }
      for (StepState s : List.copyOf(state.steps())) {
        switch (s.status()) {
          case RUNNING -> {
            if (s.step().kind() == StepKind.TASK) {
              fx.dispatchTask(s, rt.clock().now());
            } else {
              state.touch(s.path());
            }
          }
          case READY -> {
            if (s.retryAt() == null) {
              start.accept(s);
            } else {
              state.touch(s.path());
              fx.failed(
                  new StepFailed(s.retryAt(), s.path(), s.attempt(), s.failure(), s.retryAt()));
            }
          }
          case WAITING ->
              fx.registerWait(
                  new StepWaiting(
                      rt.clock().now(),
                      s.path(),
                      s.attempt(),
                      s.waitId(),
                      s.waitKind(),
                      s.deadline(),
                      s.waitDetails()));
          default -> {}
        }
      }
    } finally {
      fx.reindexing(true);
    }
  }
}

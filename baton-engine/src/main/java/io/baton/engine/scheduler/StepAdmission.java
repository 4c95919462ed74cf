package io.baton.engine.scheduler;

import io.baton.api.definition.StepDef;
import io.baton.api.spi.StepContext;
import java.util.Optional;

/**
 * Holds back ready steps of some kinds while something they need is unavailable, or answers them in
 * place of their executor — the engine's side of a server's degradation (at level 3 no model is
 * called: model steps that declare a rule-based fallback take it, the others wait).
 *
 * <p>The {@link StepScheduler} asks {@link #holds} once per step when it becomes ready, and {@link
 * #open} whenever it would grant a held step capacity: while closed, held steps stay queued (no
 * thread waits for them) and other steps pass them by. When the admission opens again it calls what
 * it was given through {@link #onOpen}, and the held steps start in their usual order.
 *
 * <pre>{@code
 * Baton.builder().admission(myAdmission).build();
 * }</pre>
 */
public interface StepAdmission {

  /** Admits every step at once and answers none: the engine's default. */
  StepAdmission ALWAYS =
      new StepAdmission() {
        @Override
        public boolean holds(StepDef step) {
          return false;
        }

        @Override
        public boolean open() {
          return true;
        }

        @Override
        public void onOpen(Runnable reopened) {}
      };

  /**
   * Whether {@code step} waits while this admission is closed. Must give the same answer for the
   * same definition every time (the scheduler gives back what a step took by the same rule).
   */
  boolean holds(StepDef step);

  /**
   * Whether held steps may start now. Called under the scheduler's lock: it must be quick and must
   * not block.
   */
  boolean open();

  /**
   * Registers what to call each time the admission opens again; the scheduler registers itself when
   * it is built, to start the steps it held.
   */
  void onOpen(Runnable reopened);

  /**
   * The output {@code step} ends with instead of running its executor now, or empty to run the
   * executor. Asked on the thread that would run the executor, right before it would.
   */
  default Optional<Object> substitute(StepDef step, StepContext context) {
    return Optional.empty();
  }
}

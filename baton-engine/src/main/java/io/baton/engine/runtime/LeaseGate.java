package io.baton.engine.runtime;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes, per run, taking a run's lease and loading it with letting the lease go as the run
 * leaves memory. Without it a run that suspends and is woken at once could be loaded again between
 * the old decider leaving the map and its lease being deleted: the new decider would then run with
 * no lease, its step outcomes would find no owner, and another node could load it too. Striped, so
 * a database round trip under one lock holds up only the few runs that share its stripe.
 */
final class LeaseGate {
  private static final int STRIPES = 64;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  LeaseGate() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Runs {@code action} holding run {@code runId}'s lock. */
  <T> T locked(String runId, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(runId.hashCode(), STRIPES)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}

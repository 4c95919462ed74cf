package io.baton.cluster;

import java.util.concurrent.Semaphore;

/** A wake-up for a worker that sleeps until there may be work: kicks between waits coalesce. */
final class Signal {
  private final Semaphore permits = new Semaphore(0);

  /** There may be work. */
  void kick() {
    if (permits.availablePermits() == 0) {
      permits.release();
    }
  }

  /** Waits for a kick; the kicks that came meanwhile count as one. */
  void await() throws InterruptedException {
    permits.acquire();
    permits.drainPermits();
  }
}

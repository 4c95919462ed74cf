package io.baton.ai.model;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits on the engine's clock (so that tests advance a fake clock instead of sleeping), and stops
 * waiting when the step is cancelled.
 */
final class Pause {
  private static final long CANCEL_POLL_MS = 50;

  private Pause() {}

  /**
   * Blocks the step's thread until {@code wait} has passed on {@code clock}.
   *
   * @throws StepException of kind CANCELLED when the attempt is cancelled meanwhile
   */
  static void of(Duration wait, TimeSource clock, StepContext context) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    TimeSource.Cancellable timer = clock.schedule(clock.now().plus(wait), done::countDown);
    try {
      // Polls only to notice a cancellation; the wake-up itself comes from the clock.
      while (!done.await(CANCEL_POLL_MS, TimeUnit.MILLISECONDS)) {
        if (context.isCancelled()) {
          throw new StepException(ErrorKind.CANCELLED, "cancelled while waiting to retry");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException(ErrorKind.CANCELLED, "interrupted while waiting to retry");
    } finally {
      timer.cancel();
    }
  }
}

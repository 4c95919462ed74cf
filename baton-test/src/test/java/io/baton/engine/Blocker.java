package io.baton.engine;

import static org.assertj.core.api.Assertions.fail;

import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tool body that blocks until the test releases it, counting how many calls are in flight, and
 * noticing interruptions: the way tests control when handlers end, without sleeping.
 */
final class Blocker implements Tool.Invoker {
  private final Semaphore started = new Semaphore(0);
  private final Semaphore permits = new Semaphore(0);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger maxActive = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private final Semaphore interruptions = new Semaphore(0);
  private final ConcurrentLinkedQueue<StepContext> contexts = new ConcurrentLinkedQueue<>();
  private final Function<Map<String, Object>, Object> result;

  /** A blocker whose calls return {@code result(args)} once released. */
  Blocker(Function<Map<String, Object>, Object> result) {
    this.result = result;
  }

  /** A blocker whose calls return their arguments. */
  Blocker() {
    this(args -> args);
  }

  @Override
  public Object invoke(Map<String, Object> args, StepContext ctx) throws Exception {
    calls.incrementAndGet();
    contexts.add(ctx);
    int now = active.incrementAndGet();
    maxActive.accumulateAndGet(now, Math::max);
    started.release();
    try {
      if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released this call");
      }
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      interruptions.release();
      throw e;
    } finally {
      active.decrementAndGet();
    }
    return result.apply(args);
  }

  /** Waits until {@code n} more calls have started. */
  void awaitStarted(int n) {
    acquire(started, n, n + " call(s) to start");
  }

  /** Waits until {@code n} calls have been interrupted. */
  void awaitInterrupted(int n) {
    acquire(interruptions, n, n + " call(s) to be interrupted");
  }

  /** Lets {@code n} blocked (or future) calls return. */
  void release(int n) {
    permits.release(n);
  }

  /** Lets every call, now and later, return at once. */
  void releaseAll() {
    permits.release(1_000_000);
  }

  int calls() {
    return calls.get();
  }

  int active() {
    return active.get();
  }

  int maxActive() {
    return maxActive.get();
  }

  int interrupted() {
    return interrupted.get();
  }

  /** The contexts of the calls, in the order they started. */
  java.util.List<StepContext> contexts() {
    return java.util.List.copyOf(contexts);
  }

  private static void acquire(Semaphore s, int n, String what) {
    try {
      if (!s.tryAcquire(n, EventLog.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("timed out waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted waiting for " + what);
    }
  }
}

package io.baton.sandbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * Watches a running script's thread: its CPU time and the bytes it allocated, measured by the JVM
 * for that thread; past a limit the script's context is cancelled. (GraalJS community has no heap
 * or CPU limits of its own: those need the isolated sandbox policy.)
 */
final class Watchdog {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Every how often the thread is looked at. */
  private static final long PERIOD_MICROS = 1_000;

  private Watchdog() {}

  /** How a script's run ended, as far as the limits go. */
  enum Verdict {
    WITHIN_LIMITS,
    CPU_TIME,
    MEMORY;

    String message(Duration cpu, long bytes) {
      return switch (this) {
        case CPU_TIME ->
            "the script was stopped: it used more than " + cpu.toMillis() + " ms of CPU time";
        case MEMORY -> "the script was stopped: it allocated more than " + (bytes >> 20) + " MiB";
        case WITHIN_LIMITS -> "";
      };
    }
  }

  /**
   * Waits for {@code result}, cancelling {@code context} when the script's thread (published in
   * {@code script} as the script starts) passes a limit.
   */
  static Verdict watch(
      Future<String> result,
      Context context,
      AtomicReference<Thread> script,
      Duration cpu,
      long maxBytes) {
    long id = -1;
    long cpuStart = 0;
    long bytesStart = 0;
    while (true) {
      if (id < 0 && script.get() != null) {
        id = script.get().threadId();
        cpuStart = THREADS.getThreadCpuTime(id);
        bytesStart = THREADS.getThreadAllocatedBytes(id);
      }
      try {
        result.get(PERIOD_MICROS, TimeUnit.MICROSECONDS);
        return Verdict.WITHIN_LIMITS;
      } catch (TimeoutException e) {
        Verdict over =
            id < 0 ? Verdict.WITHIN_LIMITS : over(id, cpuStart, bytesStart, cpu, maxBytes);
        if (over != Verdict.WITHIN_LIMITS) {
          context.close(true);
          return over;
        }
      } catch (ExecutionException e) {
        return Verdict.WITHIN_LIMITS;
      } catch (InterruptedException e) {
        context.close(true);
        Thread.currentThread().interrupt();
        return Verdict.WITHIN_LIMITS;
      } catch (java.util.concurrent.CancellationException e) {
        return Verdict.WITHIN_LIMITS;
      }
    }
  }

  private static Verdict over(
      long id, long cpuStart, long bytesStart, Duration cpu, long maxBytes) {
    long cpuUsed = THREADS.getThreadCpuTime(id) - cpuStart;
    long allocated = THREADS.getThreadAllocatedBytes(id) - bytesStart;
    if (allocated > maxBytes) {
      return Verdict.MEMORY;
    }
    return cpuUsed > cpu.toNanos() ? Verdict.CPU_TIME : Verdict.WITHIN_LIMITS;
  }
}

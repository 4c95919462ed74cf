package io.baton.bench;

import java.lang.management.ManagementFactory;

/**
 * What the process has spent so far: CPU time of all its threads (handlers, deciders, GC, JIT) and
 * bytes allocated by all its threads. Differences of two readings are what a repetition cost —
 * figures that, unlike wall time, barely move when other programs share the machine's cores.
 */
final class ProcessMeter {
  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getOperatingSystemMXBean()
              instanceof com.sun.management.OperatingSystemMXBean os
          ? os
          : null;
  private static final com.sun.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
              && t.isThreadAllocatedMemorySupported()
          ? t
          : null;

  private ProcessMeter() {}

  /** Whether this JVM reports both figures (HotSpot does). */
  static boolean supported() {
    return OS != null && OS.getProcessCpuTime() >= 0 && THREADS != null;
  }

  /** CPU time of the process in nanoseconds, or -1 when unknown. */
  static long cpuNanos() {
    return OS == null ? -1 : OS.getProcessCpuTime();
  }

  /**
   * Bytes allocated by all threads since the JVM started (virtual threads count on their carriers),
   * or -1.
   */
  static long allocatedBytes() {
    return THREADS == null ? -1 : THREADS.getTotalThreadAllocatedBytes();
  }
}

package io.baton.sandbox;

import java.time.Duration;

/**
 * What one script may use.
 *
 * @param cpuTime CPU time, when the caller gives no time limit
 * @param statements JavaScript statements executed (a tight loop is stopped by this without any
 *     clock)
 * @param allocatedBytes bytes allocated by the script's thread while it runs (a memory bomb is
 *     stopped when it passes this, long before the heap is full)
 */
public record SandboxLimits(Duration cpuTime, long statements, long allocatedBytes) {
  /** 2 s of CPU, 50 million statements, 256 MiB allocated. */
  public static final SandboxLimits DEFAULTS =
      new SandboxLimits(Duration.ofSeconds(2), 50_000_000L, 256L << 20);

  public SandboxLimits {
    if (cpuTime == null || cpuTime.isNegative() || cpuTime.isZero()) {
      throw new IllegalArgumentException("cpuTime must be positive, found " + cpuTime);
    }
    if (statements < 1 || allocatedBytes < 1) {
      throw new IllegalArgumentException(
          "statements and allocatedBytes must be positive, found "
              + statements
              + " and "
              + allocatedBytes);
    }
  }
}

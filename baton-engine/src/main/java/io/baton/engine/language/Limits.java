package io.baton.engine.language;

/**
 * Bounds on what a definition may be, so that a hostile or broken file cannot exhaust the engine.
 *
 * <pre>{@code
 * new Limits(512 * 1024, 32, 1_000) // 512 KiB, 32 levels of nesting, 1,000 steps
 * }</pre>
 *
 * @param maxFileBytes the largest file accepted, in bytes of UTF-8 ({@code file-too-large} beyond)
 * @param maxDepth the deepest nesting of objects and lists ({@code too-deep} beyond)
 * @param maxSteps the most steps, nested ones included ({@code too-many-steps} beyond)
 */
public record Limits(long maxFileBytes, int maxDepth, int maxSteps) {

  /** 2 MiB, 64 levels, 10,000 steps. */
  public static final Limits DEFAULTS = new Limits(2L * 1024 * 1024, 64, 10_000);

  public Limits {
    if (maxFileBytes <= 0 || maxDepth <= 0 || maxSteps <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive, were " + maxFileBytes + ", " + maxDepth + ", " + maxSteps);
    }
  }
}

package io.baton.engine.language.internal;

import io.baton.engine.language.Diagnostic;

/**
 * Turns findings, addressed by pointer, into diagnostics with the file, line and column of a parsed
 * source.
 */
public final class Locator {
  private final String file;
  private final SourceIndex index;

  /**
   * @param file the source's name, as printed in diagnostics
   * @param index where each pointer was written
   */
  public Locator(String file, SourceIndex index) {
    this.file = file;
    this.index = index;
  }

  /** The finding as a located diagnostic. */
  public Diagnostic locate(Finding f) {
    Position at;
    if (f.position() != null) {
      at = f.position();
    } else if (f.onKey()) {
      at = index.keyPosition(f.pointer());
    } else {
      at = index.position(f.pointer(), f.offset());
    }
    return new Diagnostic(
        f.severity(),
        f.code(),
        f.message(),
        file,
        at.line(),
        at.column(),
        f.pointer(),
        f.stepId(),
        f.hint());
  }
}

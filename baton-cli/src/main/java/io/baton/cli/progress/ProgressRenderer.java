package io.baton.cli.progress;

import io.baton.cli.Terminal;
import java.time.Clock;
import java.time.Instant;

/**
 * Shows a run's progress as its events arrive. Called on the CLI's main thread only.
 *
 * <pre>{@code
 * ProgressRenderer renderer = ProgressRenderer.forTerminal(terminal, Clock.systemUTC());
 * }</pre>
 */
public interface ProgressRenderer {

  /** The run has started. */
  void runStarted(RunProgress run);

  /** A step's state changed. */
  void stepChanged(RunProgress run, StepNode node);

  /** Time passed without events (durations of running steps grow). */
  void tick(RunProgress run, Instant now);

  /**
   * Something else is about to be written (a question): stop drawing over the lines written so far.
   */
  void suspend();

  /** The run has ended; show the final state. */
  void runEnded(RunProgress run);

  /**
   * A live, coloured tree redrawn in place on an interactive terminal; otherwise one plain line per
   * change, which reads well in CI logs. Both write to the terminal's {@code err} stream, keeping
   * {@code out} for results.
   */
  static ProgressRenderer forTerminal(Terminal terminal, Clock clock) {
    return terminal.interactive()
        ? new LiveTree(terminal.err(), new Ansi(terminal.colour()), terminal.width(), clock)
        : new PlainLines(terminal.err());
  }
}

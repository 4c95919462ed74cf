package io.baton.cli.progress;

import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Progress for logs and CI: one line per change of a step's state, never redrawn, no colour. Nested
 * steps are indented under their composite and keep their full path, so that a log can be searched
 * for it:
 *
 * <pre>
 * running   fanout (map)
 * completed   fanout[0]/work (tool · 3ms)
 * retrying    fanout[1]/work (tool · attempt 1 · retry in 1.0s · unavailable: timed out)
 * </pre>
 */
final class PlainLines implements ProgressRenderer {
  private final PrintStream out;
  private final Map<String, StatusStyle> printed = new HashMap<>();

  PlainLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public void runStarted(RunProgress run) {
    out.println(RunSummary.header(run));
  }

  @Override
  public void stepChanged(RunProgress run, StepNode node) {
    StatusStyle style = StatusStyle.of(node);
    // READY is a transient scheduler state: printing it would double the log for no information.
    if (style == StatusStyle.READY || printed.get(node.path()) == style) {
      return;
    }
    printed.put(node.path(), style);
    Instant now = run.lastEventAt();
    out.printf(
        "%-9s %s%s (%s)%n",
        style.word(),
        "  ".repeat(StepPaths.depth(node.path())),
        node.path(),
        StepDetails.of(node, now));
  }

  @Override
  public void tick(RunProgress run, Instant now) {}

  @Override
  public void suspend() {}

  @Override
  public void runEnded(RunProgress run) {
    out.println(RunSummary.footer(run));
  }
}

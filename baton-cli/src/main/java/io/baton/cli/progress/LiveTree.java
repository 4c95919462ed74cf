package io.baton.cli.progress;

import io.baton.api.run.StepStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress for a person at a terminal: the whole tree of steps, coloured, redrawn in place on every
 * change and every tick. While the run goes on, a tree taller than the screen hides its finished
 * steps (a redraw cannot move above the top of the screen); the final tree is printed whole.
 */
final class LiveTree implements ProgressRenderer {
  private static final int MAX_LIVE_ROWS = 30;

  private final PrintStream out;
  private final Ansi ansi;
  private final int width;
  private final Clock clock;
  private int drawn;

  LiveTree(PrintStream out, Ansi ansi, int width, Clock clock) {
    this.out = out;
    this.ansi = ansi;
    this.width = width;
    this.clock = clock;
  }

  @Override
  public void runStarted(RunProgress run) {
    draw(run, clock.instant(), true);
  }

  @Override
  public void stepChanged(RunProgress run, StepNode node) {
    draw(run, clock.instant(), true);
  }

  @Override
  public void tick(RunProgress run, Instant now) {
    draw(run, now, true);
  }

  @Override
  public void suspend() {
    drawn = 0; // what is on screen stays; the next draw starts below it
  }

  @Override
  public void runEnded(RunProgress run) {
    draw(run, run.endedAt() != null ? run.endedAt() : clock.instant(), false);
    drawn = 0;
  }

  private void draw(RunProgress run, Instant now, boolean live) {
    List<String> lines = new ArrayList<>();
    lines.add(ansi.paint(RunSummary.header(run), Ansi.BOLD));
    List<TreeLayout.Row> rows = TreeLayout.rows(run);
    int hidden = live ? hideFinished(rows) : 0;
    for (TreeLayout.Row row : rows) {
      lines.add(line(row, now));
    }
    if (hidden > 0) {
      lines.add(ansi.paint("  … " + hidden + " finished steps not shown", Ansi.DIM));
    }
    if (!live) {
      lines.add(ansi.paint(RunSummary.footer(run), Ansi.BOLD));
    }
    StringBuilder frame = new StringBuilder(ansi.rewind(drawn));
    lines.forEach(l -> frame.append(l).append('\n'));
    out.print(frame);
    out.flush();
    drawn = lines.size();
  }

  private String line(TreeLayout.Row row, Instant now) {
    StatusStyle style = StatusStyle.of(row.node());
    String indent = "  ".repeat(row.depth());
    String text = row.label() + "  " + StepDetails.of(row.node(), now);
    int room = Math.max(10, width - 1 - indent.length() - 2);
    if (text.length() > room) {
      text = text.substring(0, room - 1) + "…";
    }
    return indent + ansi.paint(style.symbol(), style.colour()) + " " + text;
  }

  /** Removes the earliest finished rows until the tree fits; returns how many were removed. */
  private static int hideFinished(List<TreeLayout.Row> rows) {
    int hidden = 0;
    for (int i = 0; i < rows.size() && rows.size() > MAX_LIVE_ROWS; ) {
      StepStatus status = rows.get(i).node().status();
      boolean finished =
          (status == StepStatus.COMPLETED || status == StepStatus.SKIPPED)
              && rows.get(i).node().children().isEmpty();
      if (finished) {
        rows.remove(i);
        hidden++;
      } else {
        i++;
      }
    }
    return hidden;
  }
}

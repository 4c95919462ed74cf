package io.baton.cli;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import io.baton.cli.run.JsonText;
import io.baton.cli.run.RunOutcome;
import java.util.Locale;

/**
 * Prints how a run ended: its outputs (or, with {@code --output json}, its whole final state) on
 * the output stream; why it failed on the error stream. Returns the exit code.
 */
final class OutcomeReport {
  private final Terminal terminal;
  private final OutputFormat format;

  OutcomeReport(Terminal terminal, OutputFormat format) {
    this.terminal = terminal;
    this.format = format;
  }

  int print(RunOutcome outcome) {
    RunView view = outcome.view();
    if (format == OutputFormat.JSON) {
      terminal.out().println(JsonText.pretty(view));
    } else if (view.status() == RunStatus.COMPLETED) {
      terminal.out().println(JsonText.pretty(view.outputs()));
    }
    if (outcome.problem() != null) {
      terminal.err().println("baton: " + outcome.problem());
    } else if (view.status() != RunStatus.COMPLETED) {
      terminal.err().println("baton: " + failure(view));
    }
    return outcome.exitCode();
  }

  private static String failure(RunView view) {
    String status = view.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    StepFailure f = view.failure();
    StringBuilder out = new StringBuilder("run ").append(view.runId()).append(' ').append(status);
    if (view.failedStep() != null) {
      out.append(": step '").append(view.failedStep()).append("' failed");
    }
    if (f != null) {
      out.append(" (").append(f.kind().wireName()).append("): ").append(f.message());
    }
    return out.toString();
  }
}

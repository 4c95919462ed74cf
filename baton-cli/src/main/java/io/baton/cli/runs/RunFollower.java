package io.baton.cli.runs;

import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import io.baton.engine.Baton;
import io.baton.engine.RunTimeoutException;
import java.time.Duration;
import java.util.List;

/** Follows a run the {@code runs} commands set going, until it ends or waits for a person. */
final class RunFollower {
  private RunFollower() {}

  /**
   * Waits for run {@code id} to end or to wait for a person (a paused run is resumed first); prints
   * how it stands.
   *
   * @return the exit code: OK unless the run ended otherwise than completed
   */
  static int follow(Terminal terminal, Baton baton, String id, Duration timeout) {
    RunView view = baton.status(id);
    if (view.status() == RunStatus.PAUSED) {
      baton.resume(id, "baton runs");
    }
    if (!view.status().isTerminal() && view.pendingInputs().isEmpty()) {
      try {
        view = baton.await(id, timeout);
      } catch (RunTimeoutException e) {
        terminal
            .out()
            .println(id + "  still running after " + timeout + "; it goes on when resumed");
        return ExitCodes.OK;
      }
    }
    if (!view.pendingInputs().isEmpty()) {
      List<String> waits = view.pendingInputs().stream().map(PendingInput::waitId).toList();
      terminal.out().println(id + "  " + view.status() + ", waiting for a person: " + waits);
      return ExitCodes.OK;
    }
    terminal.out().println(id + "  " + view.status());
    return view.status() == RunStatus.COMPLETED || !view.status().isTerminal()
        ? ExitCodes.OK
        : ExitCodes.RUN_FAILED;
  }
}

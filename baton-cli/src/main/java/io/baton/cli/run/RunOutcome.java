package io.baton.cli.run;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.cli.ExitCodes;

/**
 * How a run driven by the CLI ended.
 *
 * @param view the run's final state
 * @param problem why the CLI stopped the run (a question nobody could answer, the time limit), or
 *     null
 * @param exitCode the exit code it calls for
 */
public record RunOutcome(RunView view, String problem, int exitCode) {

  /** The outcome of a run that ended by itself. */
  public static RunOutcome of(RunView view) {
    return new RunOutcome(
        view, null, view.status() == RunStatus.COMPLETED ? ExitCodes.OK : ExitCodes.RUN_FAILED);
  }
}

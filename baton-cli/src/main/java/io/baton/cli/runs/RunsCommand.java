package io.baton.cli.runs;

import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code baton runs}: the runs kept in a store — list, show, resume. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Lists, shows and resumes the runs kept in a store.",
    subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsResumeCommand.class},
    footer = {
      "",
      "Examples:",
      "  baton runs list --status running --status waiting",
      "  baton runs show 0b5e…  --store jdbc:postgresql://db:5432/baton",
      "  baton runs resume      (every run that had not ended)",
      "",
      "Exit codes: 0 done, 1 a resumed run failed, 2 invalid option or unknown run,"
          + " 3 the store cannot be opened."
    })
public final class RunsCommand implements Callable<Integer> {
  private final Terminal terminal;

  public RunsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    terminal.err().println("baton runs: a command is needed: list, show RUN_ID or resume [RUN_ID]");
    return ExitCodes.INVALID;
  }
}

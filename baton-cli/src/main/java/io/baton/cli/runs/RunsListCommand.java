package io.baton.cli.runs;

import io.baton.api.run.RunStatus;
import io.baton.api.store.RunQuery;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baton runs list}: the newest runs of a store, optionally by status and workflow. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists runs, newest first: id, workflow and version, status, created, updated.")
public final class RunsListCommand extends StoreCommand {
  @Mixin private StoreOption store = new StoreOption();

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only runs in this status (repeatable): ${COMPLETION-CANDIDATES}.")
  private Set<RunStatus> statuses = Set.of();

  @Option(names = "--workflow", paramLabel = "ID", description = "Only runs of this workflow.")
  private String workflow;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N runs (default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      defaultValue = "0",
      description = "Skip the N newest matching runs (the next page).")
  private int offset;

  public RunsListCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  StoreOption store() {
    return store;
  }

  @Override
  int work(StoreBackend backend) {
    if (limit <= 0 || offset < 0) {
      terminal.err().println("baton: --limit must be above 0 and --offset not below 0");
      return ExitCodes.INVALID;
    }
    List<RunRecord> runs = backend.runs().list(new RunQuery(workflow, statuses, offset, limit));
    PrintStream out = terminal.out();
    String row = "%-36s  %-28s  %-9s  %-24s  %s%n";
    out.printf(row, "RUN", "WORKFLOW", "STATUS", "CREATED", "UPDATED");
    for (RunRecord r : runs) {
      out.printf(
          row,
          r.runId(),
          r.workflowId() + "@" + r.workflowVersion(),
          r.status(),
          r.createdAt(),
          r.updatedAt());
    }
    terminal.err().println(runs.size() + " run(s) in " + backend.describe());
    return ExitCodes.OK;
  }
}

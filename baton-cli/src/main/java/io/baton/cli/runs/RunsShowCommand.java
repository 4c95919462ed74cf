package io.baton.cli.runs;

import io.baton.api.run.JournalEntry;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import io.baton.engine.runtime.HistoryJournal;
import io.baton.engine.store.RunEventCodec;
import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code baton runs show RUN_ID}: a run's summary and its journal, one event a line. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows a run's summary and its journal (one event per line, as JSON).")
public final class RunsShowCommand extends StoreCommand {
  @Mixin private StoreOption store = new StoreOption();

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
  private String runId;

  public RunsShowCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  StoreOption store() {
    return store;
  }

  @Override
  int work(StoreBackend backend) {
    Optional<RunRecord> found = backend.runs().find(runId);
    if (found.isEmpty()) {
      terminal.err().println("baton: no run " + runId + " in " + backend.describe());
      return ExitCodes.INVALID;
    }
    RunRecord r = found.get();
    PrintStream out = terminal.out();
    out.println("run       " + r.runId());
    out.println("workflow  " + r.workflowId() + " version " + r.workflowVersion());
    out.println("status    " + r.status());
    out.println("priority  " + r.priority());
    if (r.parentRunId() != null) {
      out.println("parent    " + r.parentRunId());
    }
    out.println("created   " + r.createdAt());
    out.println("updated   " + r.updatedAt() + " (version " + r.version() + ")");
    out.println("journal");
    RunEventCodec codec = new RunEventCodec();
    for (JournalEntry e : HistoryJournal.of(backend).read(runId, 0)) {
      out.printf("  %4d  %s%n", e.seq(), codec.encode(e.event()));
    }
    return ExitCodes.OK;
  }
}

package io.baton.cli.runs;

import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.cli.DurationConverter;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import io.baton.cli.offline.OfflineStandIns;
import io.baton.engine.Baton;
import io.baton.engine.RunTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton runs resume [RUN_ID]}: recovers runs that had not ended (after a crash or a stop)
 * through the engine — their journals are replayed and the steps that had started but not ended run
 * again — and waits for them to end, or to wait for a person.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Recovers the runs that had not ended (or only RUN_ID) with the offline stand-ins, and waits",
      "until each ends or waits for a person."
    })
public final class RunsResumeCommand extends StoreCommand {
  @Mixin private StoreOption store = new StoreOption();

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "Only this run.")
  private String runId;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long to wait for each run (default ${DEFAULT-VALUE}); it goes on after.")
  private Duration timeout;

  public RunsResumeCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  StoreOption store() {
    return store;
  }

  @Override
  int work(StoreBackend backend) {
    List<String> targets;
    if (runId != null) {
      Optional<RunRecord> record = backend.runs().find(runId);
      if (record.isEmpty()) {
        terminal.err().println("baton: no run " + runId + " in " + backend.describe());
        return ExitCodes.INVALID;
      }
      if (record.get().status().isTerminal()) {
        terminal
            .err()
            .println("baton: run " + runId + " has ended (" + record.get().status() + ")");
        return ExitCodes.OK;
      }
      targets = List.of(runId);
    } else {
      targets = backend.runs().unfinished();
    }
    terminal.err().println("resuming " + targets.size() + " run(s) from " + backend.describe());
    int exit = ExitCodes.OK;
    try (Baton baton = OfflineStandIns.register(Baton.builder()).stores(backend).build()) {
      if (runId == null) {
        baton.recover();
      }
      for (String id : targets) {
        exit = Math.max(exit, follow(baton, id));
      }
    }
    return exit;
  }

  /** Waits for run {@code id} to end or to wait for a person; prints how it stands. */
  private int follow(Baton baton, String id) {
    RunView view = baton.status(id); // loads the run if it is not in memory: that recovers it
    if (view.status() == RunStatus.PAUSED) {
      baton.resume(id, "baton runs resume");
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

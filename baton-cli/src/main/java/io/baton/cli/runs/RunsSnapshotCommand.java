package io.baton.cli.runs;

import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.StoreBackend;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import io.baton.cli.run.LocalEngine;
import io.baton.engine.RunNotFoundException;
import io.baton.engine.config.EngineConfig;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton runs snapshot RUN_ID}: takes a checksummed snapshot of what a run has made durable;
 * with {@code --list}, lists the run's snapshots instead.
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Takes a snapshot of a run (a checkpoint with a SHA-256 checksum), or lists its snapshots",
      "with --list. Restore one with: baton runs restore SNAPSHOT_ID"
    })
public final class RunsSnapshotCommand extends StoreCommand {
  @Mixin private StoreOption store = new StoreOption();

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
  private String runId;

  @Option(names = "--label", description = "Why it is taken (default: manual).")
  private String label;

  @Option(names = "--list", description = "List the run's snapshots instead of taking one.")
  private boolean list;

  @Option(
      names = "--compact",
      description =
          "Also compact the run's journal: the events the snapshot holds leave the journal"
              + " (its history still reads whole, from the snapshot).")
  private boolean compact;

  public RunsSnapshotCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  StoreOption store() {
    return store;
  }

  @Override
  int work(StoreBackend backend) {
    if (backend.runs().find(runId).isEmpty()) {
      terminal.err().println("baton: no run " + runId + " in " + backend.describe());
      return ExitCodes.INVALID;
    }
    try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, List.of(), backend)) {
      if (list) {
        List<SnapshotRecord> snapshots = engine.baton().snapshots(runId);
        if (snapshots.isEmpty()) {
          terminal.err().println("run " + runId + " has no snapshots");
        }
        snapshots.forEach(s -> terminal.out().println(line(s)));
      } else {
        terminal
            .out()
            .println(
                line(
                    compact
                        ? engine.baton().compact(runId, label)
                        : engine.baton().snapshot(runId, label)));
      }
      return ExitCodes.OK;
    } catch (RunNotFoundException e) {
      terminal.err().println("baton: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  private static String line(SnapshotRecord s) {
    return String.join(
        "  ",
        s.snapshotId(),
        "run " + s.runId(),
        "events " + s.seq(),
        s.label(),
        String.valueOf(s.createdAt()),
        "sha256 " + s.checksum());
  }
}

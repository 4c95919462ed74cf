package io.baton.cli.runs;

import io.baton.api.store.StoreBackend;
import io.baton.cli.DurationConverter;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import io.baton.cli.run.LocalEngine;
import io.baton.engine.RunHandle;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.runtime.SnapshotCorruptedException;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton runs restore SNAPSHOT_ID}: verifies a snapshot's checksum and starts a new run that
 * continues from it; then follows that run like {@code runs resume}.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies a snapshot and starts a new run that continues from it (steps that had ended well",
      "keep their results; the others run again). The source run is left as it was."
    })
public final class RunsRestoreCommand extends StoreCommand {
  @Mixin private StoreOption store = new StoreOption();

  @Parameters(index = "0", paramLabel = "SNAPSHOT_ID", description = "The snapshot.")
  private String snapshotId;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description =
          "How long to wait for the new run (default ${DEFAULT-VALUE}); it goes on after.")
  private Duration timeout;

  public RunsRestoreCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  StoreOption store() {
    return store;
  }

  @Override
  int work(StoreBackend backend) {
    try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, List.of(), backend)) {
      RunHandle run = engine.baton().restore(snapshotId, null);
      terminal.err().println("restored snapshot " + snapshotId + " into run " + run.id());
      return RunFollower.follow(terminal, engine.baton(), run.id(), timeout);
    } catch (SnapshotCorruptedException e) {
      terminal.err().println("baton: " + e.getMessage());
      return ExitCodes.RUN_FAILED;
    } catch (IllegalArgumentException e) {
      terminal.err().println("baton: " + e.getMessage() + " in " + backend.describe());
      return ExitCodes.INVALID;
    }
  }
}

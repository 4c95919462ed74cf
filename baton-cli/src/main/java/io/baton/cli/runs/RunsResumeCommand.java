package io.baton.cli.runs;

import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.cli.DurationConverter;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import io.baton.cli.run.LocalEngine;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
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
    try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, List.of(), backend)) {
      Baton baton = engine.baton();
      if (runId == null) {
        baton.recover();
      } else {
        baton.recover(runId);
      }
      for (String id : targets) {
        exit = Math.max(exit, RunFollower.follow(terminal, baton, id, timeout));
      }
    }
    return exit;
  }
}

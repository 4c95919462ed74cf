package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.RunFailed;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An error escaping into a run's decider (an engine bug, or an inline executor throwing an {@link
 * Error}) fails the run, durably, and never hangs it.
 */
class EngineCrashTest extends EngineTest {
  private final InMemoryJournal journal = new InMemoryJournal();
  private Blocker hang;

  /** An inline step type whose executor throws an Error, which escapes into the decider. */
  private static final class Exploding implements StepExecutor<CustomStep> {
    @Override
    public String type() {
      return "explode";
    }

    @Override
    public Class<CustomStep> definitionType() {
      return CustomStep.class;
    }

    @Override
    public Object execute(CustomStep step, StepContext context) {
      throw new AssertionError("kaboom");
    }

    @Override
    public ExecutionMode mode() {
      return ExecutionMode.INLINE;
    }
  }

  @BeforeEach
  void setUp() {
    expectEngineCrash = true;
    hang = blocker();
    engine(
        b ->
            b.stores(
                    journal,
                    new InMemoryRunStore(),
                    new InMemoryTimerStore(),
                    new InMemoryWaitStore(),
                    new InMemoryDefinitionStore())
                .step(new Exploding())
                .tool("hang", "blocks", hang)
                .tool("echo", "echo", (args, ctx) -> args));
  }

  @Test
  void aCrashInTheFirstDrainOfARunFailsItInsteadOfLosingIt() {
    RunView done =
        run(flow("crash-first", new CustomStep(step("x").build(), "explode", Map.of())), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.UNKNOWN);
    assertThat(done.failure().message()).contains("internal error").contains("kaboom");
    assertThat(journal.read(done.runId(), 0))
        .first()
        .extracting(e -> e.event().getClass().getSimpleName())
        .isEqualTo("RunStarted");
    assertThat(journal.read(done.runId(), 0))
        .last()
        .extracting(e -> e.event())
        .isInstanceOf(RunFailed.class);
    assertThat(baton.status(done.runId()).status())
        .as("as reloaded from the journal")
        .isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aCrashInALaterDrainCancelsWhatRunsAndFailsTheRun() {
    var wf =
        flow(
            "crash-later",
            step("h").tool("hang"),
            tool("a", "echo", map()),
            new CustomStep(step("x").after("a").build(), "explode", Map.of()));
    var run = baton.start(wf, Map.of());
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().message()).contains("kaboom");
    assertThat(stepIn(done, "a").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(stepIn(done, "h").status()).isEqualTo(StepStatus.CANCELLED);

    RunView reloaded = baton.status(run.id());
    assertThat(reloaded.status()).isEqualTo(RunStatus.FAILED);
    assertThat(statuses(reloaded)).isEqualTo(statuses(done));
  }
}

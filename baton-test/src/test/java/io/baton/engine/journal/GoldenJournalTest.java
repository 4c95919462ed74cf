package io.baton.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import io.baton.engine.executor.Registry;
import io.baton.engine.executor.ToolStepExecutor;
import io.baton.engine.expression.Expressions;
import io.baton.engine.graph.WorkflowCompiler;
import io.baton.engine.planner.RunState;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import io.baton.engine.store.RunEventCodec;
import io.baton.test.FakeClock;
import io.baton.test.SequentialIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Recorded journals, replayed on every build: if a change to the events or to {@link
 * RunState#apply} breaks the replay of journals written before it, this fails. {@code basic-v1} was
 * written before {@code StepProgress} existed and is never rewritten; {@code basic-v2} is today's
 * (the same run, whose tool journals its progress). Re-record v2 (only for a deliberate, compatible
 * change) with {@code -Dbaton.writeGolden=true}.
 */
class GoldenJournalTest {
  private static final Path GOLDEN_V1 = Path.of("src/test/resources/journals/basic-v1.jsonl");
  private static final Path GOLDEN = Path.of("src/test/resources/journals/basic-v2.jsonl");
  private static final Map<String, Object> USAGE = Map.of("calls", 1L, "cost", 0.25);
  private final RunEventCodec codec = new RunEventCodec();

  static WorkflowDefinition workflow() {
    return Workflow.define("golden")
        .step(Steps.value("a", Map.of("n", "${inputs.n}")))
        .step(
            Steps.tool("flaky", "flaky")
                .dependsOn("a")
                .retry(new RetryPolicy(2, Backoff.FIXED, Duration.ofSeconds(1), null, 0, Set.of())))
        .step(Steps.map("each", "${inputs.items}", 0, Steps.value("twice", "${item}")))
        .step(Steps.human("ask", "Ship it?").dependsOn("flaky", "each"))
        .step(
            Steps.end(
                    "done",
                    Map.of("answer", "${steps.ask.output}", "items", "${steps.each.output}"))
                .dependsOn("ask"))
        .build();
  }

  @Test
  void theRecordedJournalStillReplaysToTheSameEnd() throws IOException {
    if (Boolean.getBoolean("baton.writeGolden")) {
      Files.write(GOLDEN, record().stream().map(codec::encode).toList());
    }
    RunState state = replay(GOLDEN);
    assertThat(state.step("flaky").progress()).isEqualTo(Map.of("tried", Map.of("usage", USAGE)));
    assertThat(state.step("flaky").usage()).isEqualTo(Map.of("calls", 2L, "cost", 0.5));
  }

  @Test
  void theJournalWrittenBeforeStepProgressStillReplays() throws IOException {
    RunState state = replay(GOLDEN_V1);
    assertThat(state.step("flaky").progress()).isEmpty();
    assertThat(state.step("flaky").usage()).isEmpty();
  }

  private RunState replay(Path golden) throws IOException {
    RunState state = replay(Files.readAllLines(golden).stream().map(codec::decode).toList());
    assertThat(state.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(state.outputs()).isEqualTo(Map.of("answer", "yes", "items", List.of("x", "y")));
    assertThat(state.step("flaky").attempt()).isEqualTo(2);
    assertThat(state.step("each[1]/twice").status()).isEqualTo(StepStatus.COMPLETED);
    return state;
  }

  @Test
  void todaysEngineWritesTheSameJournal() {
    List<String> today = record().stream().map(codec::encode).toList();
    List<RunEvent> decoded = today.stream().map(codec::decode).toList();
    assertThat(decoded.stream().map(codec::encode).toList()).isEqualTo(today);
    assertThat(replay(decoded).status()).isEqualTo(RunStatus.COMPLETED);
  }

  private static RunState replay(List<RunEvent> events) {
    var compiler =
        new WorkflowCompiler(
            Expressions.defaults(),
            type -> new ToolStepExecutor(Registry.exact("tool")),
            EngineConfig.DEFAULTS);
    RunState state = new RunState("run-1", compiler.compile(workflow()));
    events.forEach(state::apply);
    return state;
  }

  private static List<RunEvent> record() {
    InMemoryJournal journal = new InMemoryJournal();
    FakeClock clock = new FakeClock();
    AtomicInteger calls = new AtomicInteger();
    try (Baton baton =
        Baton.builder()
            .clock(clock)
            .ids(new SequentialIds())
            .stores(
                journal,
                new InMemoryRunStore(),
                new InMemoryTimerStore(),
                new InMemoryWaitStore(),
                new InMemoryDefinitionStore())
            .tool(
                "flaky",
                "fails once",
                (args, ctx) -> {
                  ctx.record("tried", Map.of("usage", USAGE));
                  if (calls.incrementAndGet() == 1) {
                    throw new StepException(ErrorKind.UNAVAILABLE, "not yet");
                  }
                  return "ok";
                })
            .build()) {
      var run = baton.start(workflow(), Map.of("n", 1L, "items", List.of("x", "y")));
      awaitStatus(baton, run.id(), () -> !clock.pendingTimers().isEmpty());
      clock.advance(Duration.ofSeconds(1));
      String waitId = awaitWait(baton, run.id());
      baton.submitInput(waitId, "yes", "tester");
      try {
        assertThat(run.await(Duration.ofSeconds(10)).status()).isEqualTo(RunStatus.COMPLETED);
      } catch (io.baton.engine.RunTimeoutException e) {
        throw new AssertionError("run did not end: " + baton.status(run.id()), e);
      }
    }
    return journal.read("run-1", 0).stream().map(JournalEntry::event).toList();
  }

  private static void awaitStatus(
      Baton baton, String runId, java.util.function.BooleanSupplier ready) {
    for (int i = 0; i < 100_000 && !ready.getAsBoolean(); i++) {
      baton.status(runId);
    }
    assertThat(ready.getAsBoolean()).as("condition reached").isTrue();
  }

  private static String awaitWait(Baton baton, String runId) {
    for (int i = 0; i < 100_000; i++) {
      var pending = baton.status(runId).pendingInputs();
      if (!pending.isEmpty()) {
        return pending.getFirst().waitId();
      }
    }
    throw new AssertionError("no pending input: " + baton.status(runId));
  }
}

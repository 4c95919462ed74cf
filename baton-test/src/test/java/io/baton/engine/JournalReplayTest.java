package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.retry;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent.RunCompleted;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepView;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.executor.Registry;
import io.baton.engine.executor.ToolStepExecutor;
import io.baton.engine.expression.Expressions;
import io.baton.engine.graph.WorkflowCompiler;
import io.baton.engine.planner.RunState;
import io.baton.engine.planner.StepState;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's journal, replayed into a fresh {@link RunState}, yields the state the run had: replay =
 * state.
 */
class JournalReplayTest extends EngineTest {
  private final InMemoryJournal journal = new InMemoryJournal();
  private final AtomicInteger flaky = new AtomicInteger();
  private final WorkflowCompiler compiler =
      new WorkflowCompiler(
          Expressions.defaults(),
          type -> "tool".equals(type) ? new ToolStepExecutor(Registry.exact("tool")) : null,
          EngineConfig.DEFAULTS);

  @BeforeEach
  void setUp() {
    engine(
        b ->
            b.stores(
                    journal,
                    new InMemoryRunStore(),
                    new InMemoryTimerStore(),
                    new InMemoryWaitStore(),
                    new InMemoryDefinitionStore())
                .tool("echo", "echo", (args, ctx) -> args)
                .tool(
                    "flaky",
                    "fails its first call",
                    (args, ctx) -> {
                      if (flaky.incrementAndGet() == 1) {
                        throw new StepException(ErrorKind.UNAVAILABLE, "first call fails");
                      }
                      return "second call";
                    })
                .tool(
                    "refuse",
                    "always fails",
                    (args, ctx) -> {
                      throw new StepException(ErrorKind.PERMISSION_DENIED, "no");
                    }));
  }

  /**
   * A workflow that touches every kind of event: branches, scopes, retries, failures, waits and
   * answers.
   */
  private static WorkflowDefinition everything() {
    var check =
        new ConditionStep(
            step("check").build(), "inputs.go == \"yes\"", List.of("yes"), List.of("no"));
    var par =
        new ParallelStep(
            step("par").after("yes", "no").build(),
            List.of(
                new Branch("ok", List.of(tool("p1", "echo", map("b", "${inputs.go}")))),
                new Branch("bad", List.of(tool("p2", "refuse", map())))),
            null);
    var m =
        new MapStep(
            step("m").after("par").build(),
            "${inputs.items}",
            null,
            2,
            List.of(tool("w", "echo", map("x", "${item}"))),
            "${steps.w.output.x}");
    var loop =
        new LoopStep(
            step("loop").after("m").build(),
            null,
            null,
            2,
            List.of(tool("l", "echo", map("i", "${iteration}"))),
            null);
    var retried =
        step("retried")
            .after("loop")
            .retry(retry(1, Backoff.FIXED, Duration.ofSeconds(5)))
            .tool("flaky");
    var tolerated = step("tolerated").after("retried").onError(ErrorPolicy.CONTINUE).tool("refuse");
    var nap =
        new WaitStep(step("nap").after("tolerated").build(), Duration.ofMinutes(1), null, null);
    var ask =
        new HumanStep(step("ask").after("nap").build(), "ok?", Map.of(), List.of(), null, null);
    return flow(
        "everything",
        check,
        tool("yes", "echo", map("took", "yes")),
        tool("no", "echo", map("took", "no")),
        par,
        m,
        loop,
        retried,
        tolerated,
        nap,
        ask,
        tool("last", "echo", map("answer", "${steps.ask.output}"), "ask"));
  }

  private RunState replay(WorkflowDefinition wf, String runId) {
    RunState state = new RunState(runId, compiler.compile(wf));
    for (JournalEntry e : journal.read(runId, 0)) {
      state.apply(e.event());
    }
    return state;
  }

  private static void assertSameState(RunState replayed, RunView view) {
    assertThat(replayed.effectiveStatus()).isEqualTo(view.status());
    assertThat(replayed.outputs()).isEqualTo(view.outputs());
    assertThat(replayed.failure()).isEqualTo(view.failure());
    assertThat(replayed.steps())
        .extracting(StepState::path)
        .containsExactlyElementsOf(view.steps().keySet());
    for (StepView expected : view.steps().values()) {
      StepState s = replayed.step(expected.path());
      assertThat(s.status()).as(expected.path()).isEqualTo(expected.status());
      assertThat(s.attempt()).as(expected.path()).isEqualTo(expected.attempt());
      assertThat(s.input()).as(expected.path()).isEqualTo(expected.input());
      assertThat(s.output()).as(expected.path()).isEqualTo(expected.output());
      assertThat(s.failure()).as(expected.path()).isEqualTo(expected.failure());
      assertThat(s.startedAt()).as(expected.path()).isEqualTo(expected.startedAt());
      assertThat(s.endedAt()).as(expected.path()).isEqualTo(expected.endedAt());
      assertThat(s.waitId()).as(expected.path()).isEqualTo(expected.waitId());
    }
  }

  @Test
  void replayingTheJournalOfACompletedRunYieldsItsFinalState() {
    WorkflowDefinition wf = everything();
    var run = baton.start(wf, Map.of("go", "yes", "items", List.of("a", "b", "c")));
    waitFor(
        run.id(),
        "the retry is pending",
        v ->
            v.step("retried") != null
                && v.step("retried").attempt() == 1
                && v.step("retried").failure() != null);
    clock.advance(Duration.ofSeconds(5));
    waitForStatus(run.id(), RunStatus.WAITING);
    waitFor(run.id(), "the nap", v -> v.step("nap") != null);

    RunView midway = baton.status(run.id());
    assertSameState(replay(wf, run.id()), midway);

    clock.advance(Duration.ofMinutes(1));
    RunView asking = waitFor(run.id(), "the question", v -> !v.pendingInputs().isEmpty());
    assertSameState(replay(wf, run.id()), asking);
    baton.submitInput(asking.pendingInputs().getFirst().waitId(), "fine", "me");
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("answer", "fine"));
    assertThat(stepIn(done, "m").output()).isEqualTo(List.of("a", "b", "c"));
    assertThat(stepIn(done, "retried").attempt()).isEqualTo(2);
    assertSameState(replay(wf, run.id()), done);

    List<JournalEntry> entries = journal.read(run.id(), 0);
    assertThat(entries)
        .extracting(JournalEntry::seq)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.range(0, entries.size()).boxed().toList());
    assertThat(entries.getFirst().event()).isInstanceOf(RunStarted.class);
    assertThat(entries.getLast().event()).isInstanceOf(RunCompleted.class);
    assertThat(log.events(run.id()))
        .containsExactlyElementsOf(entries.stream().map(JournalEntry::event).toList());
  }

  @Test
  void replayingTheJournalOfAFailedRunYieldsItsFailure() {
    WorkflowDefinition wf =
        flow(
            "fails",
            tool("a", "echo", map()),
            tool("b", "refuse", map(), "a"),
            tool("c", "echo", map(), "b"));
    RunView done = run(wf, Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    RunState replayed = replay(wf, done.runId());
    assertSameState(replayed, done);
    assertThat(replayed.failedPath()).isEqualTo("b");
  }

  @Test
  void replayingTheJournalOfACancelledRunYieldsItsCancellation() {
    Blocker hang = blocker();
    engine(
        b ->
            b.stores(
                    journal,
                    new InMemoryRunStore(),
                    new InMemoryTimerStore(),
                    new InMemoryWaitStore(),
                    new InMemoryDefinitionStore())
                .tool("hang", "blocks", hang));
    WorkflowDefinition wf = flow("cancelled", step("h").tool("hang"));
    var run = baton.start(wf, Map.of());
    hang.awaitStarted(1);
    baton.cancel(run.id(), "ops");
    RunView done = run.await(EventLog.TIMEOUT);
    assertSameState(replay(wf, run.id()), done);
    assertThat(replay(wf, run.id()).status()).isEqualTo(RunStatus.CANCELLED);
  }
}

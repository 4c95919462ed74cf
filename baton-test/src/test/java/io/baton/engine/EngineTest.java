package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StepView;
import io.baton.test.FakeClock;
import io.baton.test.TestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * What the runtime tests share: an engine on a fake clock whose events are recorded, blockers
 * released at the end, and a check that no run failed because of an engine bug.
 */
abstract class EngineTest {
  protected final EventLog log = new EventLog();
  private final List<Blocker> blockers = new ArrayList<>();
  private TestEngine engine;

  /** Set by the tests that provoke a crash of a decider on purpose. */
  protected boolean expectEngineCrash;

  protected Baton baton;
  protected FakeClock clock;

  /** Builds the engine under test. */
  protected void engine(UnaryOperator<BatonBuilder> configure) {
    if (engine != null) {
      engine.close();
    }
    engine = TestEngine.create(b -> configure.apply(b.listener(log)));
    baton = engine.baton();
    clock = engine.clock();
  }

  /** A blocker released when the test ends. */
  protected Blocker blocker() {
    return blocker(args -> args);
  }

  /** A blocker returning {@code result(args)}, released when the test ends. */
  protected Blocker blocker(Function<Map<String, Object>, Object> result) {
    Blocker b = new Blocker(result);
    blockers.add(b);
    return b;
  }

  @AfterEach
  void closeEngine() {
    blockers.forEach(Blocker::releaseAll);
    if (engine != null) {
      engine.close();
    }
    if (!expectEngineCrash) {
      assertThat(log.engineCrashes()).as("runs failed by an engine bug").isEmpty();
    }
  }

  /** Starts a run and waits for its end. */
  protected RunView run(WorkflowDefinition flow, Map<String, Object> inputs) {
    return baton.start(flow, inputs).await(EventLog.TIMEOUT);
  }

  /** Waits for the end of run {@code runId}. */
  protected RunView awaitEnd(String runId) {
    return baton.await(runId, EventLog.TIMEOUT);
  }

  /**
   * Waits until the run's view satisfies {@code test}: the view is taken again after each new
   * journaled event. A view taken through the run's decider also means the side effects of what it
   * shows have been carried out.
   */
  protected RunView waitFor(String runId, String what, Predicate<RunView> test) {
    long deadline = System.nanoTime() + EventLog.TIMEOUT.toNanos();
    RunView view = null;
    while (true) {
      int seen = log.size();
      view = baton.status(runId);
      if (test.test(view)) {
        return view;
      }
      if (!log.awaitMore(seen, deadline)) {
        fail("timed out waiting until " + what + "; last view: " + view);
      }
    }
  }

  /** Waits until the run asks a question; returns the wait id of its first one. */
  protected String firstWaitId(String runId) {
    return waitFor(runId, "a question", v -> !v.pendingInputs().isEmpty())
        .pendingInputs()
        .getFirst()
        .waitId();
  }

  /** Waits until the run is in {@code status}. */
  protected RunView waitForStatus(String runId, RunStatus status) {
    return waitFor(runId, "the run is " + status, v -> v.status() == status);
  }

  /** Waits until the step at {@code path} is in {@code status}. */
  protected RunView waitForStep(String runId, String path, StepStatus status) {
    return waitFor(
        runId,
        path + " is " + status,
        v -> v.step(path) != null && v.step(path).status() == status);
  }

  /** The status of each step of a view, by path. */
  protected static Map<String, StepStatus> statuses(RunView view) {
    Map<String, StepStatus> out = new java.util.LinkedHashMap<>();
    view.steps().forEach((path, s) -> out.put(path, s.status()));
    return out;
  }

  /** The step at {@code path}, which must exist. */
  protected static StepView stepIn(RunView view, String path) {
    StepView s = view.step(path);
    assertThat(s).as("step " + path + " in " + view.steps().keySet()).isNotNull();
    return s;
  }
}

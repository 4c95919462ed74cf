package io.baton.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Priority;
import io.baton.api.time.TimeSource;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.config.SchedulingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler on its own: order of grants, aging, limits, round robin and withdrawal. */
class StepSchedulerTest {
  private static final Duration AGING = Duration.ofSeconds(10);
  private final SettableClock clock = new SettableClock();
  private final List<String> dispatched = new ArrayList<>();
  private final Map<String, TaskKey> keys = new HashMap<>();
  private StepScheduler scheduler;

  /** A clock the test sets; the scheduler only reads it. */
  private static final class SettableClock implements TimeSource {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public Cancellable schedule(Instant at, Runnable task) {
      throw new UnsupportedOperationException("the scheduler sets no timers");
    }
  }

  private static EngineConfig config(
      int max,
      SchedulingStrategy strategy,
      int perWorkflow,
      int perRun,
      Map<String, Integer> perType) {
    return new EngineConfig(
        max, null, 0, strategy, AGING, perWorkflow, perRun, perType, null, null, null);
  }

  private void scheduler(EngineConfig config) {
    scheduler = new StepScheduler(config, clock);
  }

  private TaskKey key(String path, String run, Priority priority) {
    return key(path, run, "wf", "tool", priority, 0);
  }

  private TaskKey key(
      String path, String run, String workflow, String type, Priority priority, int runLimit) {
    TaskKey k = new TaskKey(run, path, workflow, type, priority, runLimit, clock.now, List.of());
    keys.put(path, k);
    return k;
  }

  private QueuedTask enqueue(TaskKey key) {
    QueuedTask t = new QueuedTask(key, k -> dispatched.add(k.path()));
    scheduler.enqueue(t);
    return t;
  }

  /** Occupies one slot, as a step that is running. */
  private void hold(String path, String run) {
    assertThat(scheduler.tryAcquire(key(path, run, Priority.MEDIUM))).isTrue();
  }

  /** Ends the step at {@code path}, giving its capacity back. */
  private void finish(String path) {
    scheduler.release(keys.get(path));
  }

  /** Ends the last dispatched step, {@code n} times, returning what was dispatched meanwhile. */
  private List<String> drain(String first, int n) {
    int from = dispatched.size();
    finish(first);
    for (int i = 1; i < n; i++) {
      finish(dispatched.getLast());
    }
    return List.copyOf(dispatched.subList(from, dispatched.size()));
  }

  @Test
  void higherPrioritiesGoFirstAndEqualPrioritiesInArrivalOrder() {
    scheduler(config(1, null, 0, 0, null));
    hold("holder", "h");
    enqueue(key("low", "r", Priority.LOW));
    enqueue(key("background", "r", Priority.BACKGROUND));
    enqueue(key("critical", "r", Priority.CRITICAL));
    enqueue(key("medium-1", "r", Priority.MEDIUM));
    enqueue(key("high", "r", Priority.HIGH));
    enqueue(key("medium-2", "r", Priority.MEDIUM));
    assertThat(dispatched).isEmpty();
    assertThat(scheduler.queued()).isEqualTo(6);

    assertThat(drain("holder", 6))
        .containsExactly("critical", "high", "medium-1", "medium-2", "low", "background");
    assertThat(scheduler.queued()).isZero();
  }

  @Test
  void loadBalancedOrdersLikePriorityBasedOnOneNode() {
    scheduler(config(1, SchedulingStrategy.LOAD_BALANCED, 0, 0, null));
    hold("holder", "h");
    enqueue(key("low", "r", Priority.LOW));
    enqueue(key("high", "r", Priority.HIGH));
    assertThat(drain("holder", 2)).containsExactly("high", "low");
  }

  @Test
  void agingRaisesAWaitingStepOneLevelPerInterval() {
    scheduler(config(1, null, 0, 0, null));
    hold("holder", "h");
    enqueue(key("old-background", "r", Priority.BACKGROUND));
    clock.now = clock.now.plus(AGING.multipliedBy(3));
    enqueue(key("new-critical", "r", Priority.CRITICAL));
    enqueue(key("new-medium", "r", Priority.MEDIUM));
    // three intervals: background (4) competes as high (1); critical still wins, medium does not
    assertThat(drain("holder", 3)).containsExactly("new-critical", "old-background", "new-medium");
  }

  @Test
  void afterEnoughIntervalsAnOldStepBeatsEvenANewCriticalOne() {
    scheduler(config(1, null, 0, 0, null));
    hold("holder", "h");
    enqueue(key("old-background", "r", Priority.BACKGROUND));
    clock.now = clock.now.plus(AGING.multipliedBy(4));
    enqueue(key("new-critical", "r", Priority.CRITICAL));
    assertThat(drain("holder", 2)).containsExactly("old-background", "new-critical");
  }

  @Test
  void aStreamOfHighPriorityStepsDoesNotStarveALowOne() {
    scheduler(config(1, null, 0, 0, null));
    hold("holder", "h");
    enqueue(key("low", "r", Priority.LOW));
    String running = "holder";
    for (int i = 0; i < 5 && !dispatched.contains("low"); i++) {
      enqueue(key("high-" + i, "r", Priority.HIGH));
      clock.now = clock.now.plus(AGING);
      finish(running);
      running = dispatched.getLast();
    }
    assertThat(dispatched).contains("low");
    assertThat(dispatched.indexOf("low")).isLessThanOrEqualTo(2);
  }

  @Test
  void theGlobalLimitBoundsRunningSteps() {
    scheduler(config(2, null, 0, 0, null));
    assertThat(scheduler.tryAcquire(key("a", "r1", Priority.MEDIUM))).isTrue();
    assertThat(scheduler.tryAcquire(key("b", "r2", Priority.MEDIUM))).isTrue();
    assertThat(scheduler.tryAcquire(key("c", "r3", Priority.MEDIUM))).isFalse();
    enqueue(key("c", "r3", Priority.MEDIUM));
    assertThat(dispatched).isEmpty();
    assertThat(scheduler.running()).isEqualTo(2);
    assertThat(scheduler.queued()).isEqualTo(1);

    finish("a");
    assertThat(dispatched).containsExactly("c");
    assertThat(scheduler.running()).isEqualTo(2);
    finish("b");
    finish("c");
    assertThat(scheduler.running()).isZero();
  }

  @Test
  void aFreeSlotIsNotTakenAheadOfStepsAlreadyWaiting() {
    scheduler(config(2, null, 0, 1, null));
    hold("a1", "A");
    enqueue(key("a2", "A", Priority.MEDIUM));
    assertThat(dispatched).as("a2 waits for run A's limit").isEmpty();
    assertThat(scheduler.tryAcquire(key("b1", "B", Priority.MEDIUM)))
        .as("steps that are waiting go first")
        .isFalse();
    enqueue(key("b1", "B", Priority.MEDIUM));
    assertThat(dispatched).containsExactly("b1");
  }

  @Test
  void thePerRunLimitHoldsARunBackWithoutBlockingOthers() {
    scheduler(config(10, null, 0, 1, null));
    hold("a1", "A");
    enqueue(key("a2", "A", Priority.CRITICAL));
    enqueue(key("b1", "B", Priority.LOW));
    assertThat(dispatched).containsExactly("b1");
    finish("a1");
    assertThat(dispatched).containsExactly("b1", "a2");
  }

  @Test
  void aRunsOwnLimitOverridesTheEngineDefault() {
    scheduler(config(10, null, 0, 1, null));
    assertThat(scheduler.tryAcquire(key("a1", "A", "wf", "tool", Priority.MEDIUM, 2))).isTrue();
    assertThat(scheduler.tryAcquire(key("a2", "A", "wf", "tool", Priority.MEDIUM, 2))).isTrue();
    assertThat(scheduler.tryAcquire(key("a3", "A", "wf", "tool", Priority.MEDIUM, 2))).isFalse();
  }

  @Test
  void thePerWorkflowLimitSpansItsRuns() {
    scheduler(config(10, null, 1, 0, null));
    assertThat(scheduler.tryAcquire(key("x1", "r1", "wf-x", "tool", Priority.MEDIUM, 0))).isTrue();
    enqueue(key("x2", "r2", "wf-x", "tool", Priority.MEDIUM, 0));
    enqueue(key("y1", "r3", "wf-y", "tool", Priority.MEDIUM, 0));
    assertThat(dispatched).containsExactly("y1");
    finish("x1");
    assertThat(dispatched).containsExactly("y1", "x2");
  }

  @Test
  void thePerTypeLimitAppliesOnlyToItsType() {
    scheduler(config(10, null, 0, 0, Map.of("agent", 1)));
    assertThat(scheduler.tryAcquire(key("ag1", "r1", "wf", "agent", Priority.MEDIUM, 0))).isTrue();
    enqueue(key("ag2", "r2", "wf", "agent", Priority.MEDIUM, 0));
    enqueue(key("t1", "r3", "wf", "tool", Priority.MEDIUM, 0));
    enqueue(key("t2", "r4", "wf", "tool", Priority.MEDIUM, 0));
    assertThat(dispatched).containsExactly("t1", "t2");
    finish("ag1");
    assertThat(dispatched).containsExactly("t1", "t2", "ag2");
  }

  @Test
  void aRunThatHitsItsLimitDoesNotHideOtherRunsQueuedBehindItsManySteps() {
    scheduler(config(10, null, 0, 1, null));
    hold("a0", "A");
    for (int i = 1; i <= 100; i++) {
      enqueue(key("a" + i, "A", Priority.MEDIUM));
    }
    enqueue(key("b1", "B", Priority.MEDIUM));
    assertThat(dispatched)
        .as("B has capacity, and only A's own limit holds A back")
        .containsExactly("b1");
  }

  @Test
  void roundRobinAlternatesRunsWhateverTheirPriorities() {
    scheduler(config(1, SchedulingStrategy.ROUND_ROBIN, 0, 0, null));
    hold("holder", "H");
    enqueue(key("a1", "A", Priority.BACKGROUND));
    enqueue(key("a2", "A", Priority.BACKGROUND));
    enqueue(key("a3", "A", Priority.BACKGROUND));
    enqueue(key("b1", "B", Priority.CRITICAL));
    enqueue(key("b2", "B", Priority.CRITICAL));
    enqueue(key("c1", "C", Priority.MEDIUM));
    assertThat(drain("holder", 6)).containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
  }

  @Test
  void roundRobinSkipsARunHeldBackByItsLimit() {
    scheduler(config(2, SchedulingStrategy.ROUND_ROBIN, 0, 1, null));
    hold("a0", "A");
    enqueue(key("a1", "A", Priority.MEDIUM));
    enqueue(key("b1", "B", Priority.MEDIUM));
    assertThat(dispatched).containsExactly("b1");
    finish("a0");
    assertThat(dispatched).containsExactly("b1", "a1");
  }

  @Test
  void aWithdrawnStepIsNeverDispatched() {
    scheduler(config(1, null, 0, 0, null));
    hold("holder", "h");
    QueuedTask gone = enqueue(key("gone", "r", Priority.CRITICAL));
    enqueue(key("kept", "r", Priority.LOW));
    assertThat(scheduler.withdraw(gone)).isTrue();
    assertThat(scheduler.withdraw(gone)).as("already withdrawn").isFalse();
    assertThat(scheduler.queued()).isEqualTo(1);
    finish("holder");
    assertThat(dispatched).containsExactly("kept");
  }

  @Test
  void withdrawingADispatchedStepIsRefused() {
    scheduler(config(1, SchedulingStrategy.ROUND_ROBIN, 0, 0, null));
    QueuedTask t = enqueue(key("t", "r", Priority.MEDIUM));
    assertThat(dispatched).containsExactly("t");
    assertThat(scheduler.withdraw(t)).isFalse();
    assertThat(scheduler.running()).isEqualTo(1);
  }
}

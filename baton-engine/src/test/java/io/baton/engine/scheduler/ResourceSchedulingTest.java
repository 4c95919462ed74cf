package io.baton.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Priority;
import io.baton.api.definition.ResourceRequest;
import io.baton.api.time.TimeSource;
import io.baton.engine.config.ConflictResolution;
import io.baton.engine.config.EngineConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource pools and locks in the scheduler: capacity, exclusivity, all-or-nothing, conflicts. */
class ResourceSchedulingTest {
  private final List<String> dispatched = new ArrayList<>();
  private final Map<String, TaskKey> keys = new HashMap<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private StepScheduler scheduler;

  private final TimeSource clock =
      new TimeSource() {
        @Override
        public Instant now() {
          return now;
        }

        @Override
        public Cancellable schedule(Instant at, Runnable task) {
          throw new UnsupportedOperationException("the scheduler sets no timers");
        }
      };

  private void scheduler(Map<String, Integer> pools, ConflictResolution rule) {
    scheduler =
        new StepScheduler(
            EngineConfig.DEFAULTS.withMaxConcurrentTasks(10).withResources(pools, rule), clock);
  }

  private static ResourceRequest pool(String name, int amount) {
    return new ResourceRequest(name, amount, null);
  }

  private static ResourceRequest lock(String name) {
    return new ResourceRequest(null, 0, name);
  }

  private QueuedTask submit(String path, Priority priority, ResourceRequest... resources) {
    TaskKey key =
        new TaskKey("r-" + path, path, "wf", "tool", priority, 0, now, List.of(resources));
    keys.put(path, key);
    QueuedTask task = new QueuedTask(key, k -> dispatched.add(k.path()));
    if (scheduler.tryAcquire(key)) {
      dispatched.add(path);
    } else {
      scheduler.enqueue(task);
    }
    now = now.plusMillis(1);
    return task;
  }

  private void finish(String path) {
    scheduler.release(keys.get(path));
  }

  @Test
  void aPoolLetsAsManyStepsRunAsItHasSlots() {
    scheduler(Map.of("gpu", 2), ConflictResolution.PRIORITY);
    submit("a", Priority.MEDIUM, pool("gpu", 1));
    submit("b", Priority.MEDIUM, pool("gpu", 1));
    submit("c", Priority.MEDIUM, pool("gpu", 1));
    assertThat(dispatched).containsExactly("a", "b");
    assertThat(scheduler.queued()).isEqualTo(1);

    finish("a");
    assertThat(dispatched).containsExactly("a", "b", "c");
  }

  @Test
  void aStepTakingTwoSlotsWaitsUntilBothAreFree() {
    scheduler(Map.of("gpu", 2), ConflictResolution.PRIORITY);
    submit("small", Priority.MEDIUM, pool("gpu", 1));
    submit("big", Priority.MEDIUM, pool("gpu", 2));
    assertThat(dispatched).containsExactly("small");
    finish("small");
    assertThat(dispatched).containsExactly("small", "big");
  }

  @Test
  void aLockIsHeldByOneStepAtATimeAndOtherStepsAreNotHeldBack() {
    scheduler(Map.of(), ConflictResolution.PRIORITY);
    submit("first", Priority.MEDIUM, lock("repo-A"));
    submit("second", Priority.MEDIUM, lock("repo-A"));
    submit("other-repo", Priority.MEDIUM, lock("repo-B"));
    submit("no-resources", Priority.MEDIUM);
    assertThat(dispatched).containsExactly("first", "other-repo", "no-resources");
    finish("first");
    assertThat(dispatched).last().isEqualTo("second");
  }

  @Test
  void aStepTakesAllItAsksForOrNothing() {
    scheduler(Map.of("gpu", 1), ConflictResolution.PRIORITY);
    submit("holds-lock", Priority.MEDIUM, lock("repo-A"));
    submit("needs-both", Priority.MEDIUM, pool("gpu", 1), lock("repo-A"));
    submit("needs-gpu", Priority.MEDIUM, pool("gpu", 1));
    // needs-both did not take the gpu while waiting for the lock, so needs-gpu could run
    assertThat(dispatched).containsExactly("holds-lock", "needs-gpu");
    finish("holds-lock");
    assertThat(dispatched).containsExactly("holds-lock", "needs-gpu");
    finish("needs-gpu");
    assertThat(dispatched).containsExactly("holds-lock", "needs-gpu", "needs-both");
  }

  @Test
  void byPriorityTheMoreUrgentContenderGetsTheLock() {
    scheduler(Map.of(), ConflictResolution.PRIORITY);
    submit("holder", Priority.MEDIUM, lock("db"));
    submit("early-low", Priority.LOW, lock("db"));
    submit("late-critical", Priority.CRITICAL, lock("db"));
    finish("holder");
    assertThat(dispatched).containsExactly("holder", "late-critical");
  }

  @Test
  void byTimestampTheEarliestContenderGetsTheLockWhateverItsPriority() {
    scheduler(Map.of(), ConflictResolution.TIMESTAMP);
    submit("holder", Priority.MEDIUM, lock("db"));
    submit("early-low", Priority.LOW, lock("db"));
    submit("late-critical", Priority.CRITICAL, lock("db"));
    finish("holder");
    assertThat(dispatched).containsExactly("holder", "early-low");
    finish("early-low");
    assertThat(dispatched).containsExactly("holder", "early-low", "late-critical");
  }

  @Test
  void byTimestampStepsWithoutResourcesStillGoByPriority() {
    scheduler(Map.of("gpu", 1), ConflictResolution.TIMESTAMP);
    submit("holder", Priority.MEDIUM, pool("gpu", 1));
    submit("waits-for-gpu", Priority.LOW, pool("gpu", 1));
    submit("free", Priority.HIGH);
    assertThat(dispatched).containsExactly("holder", "free");
  }

  @Test
  void randomDrawsAreSpreadAndReproducible() {
    List<String> first = drawOrder();
    List<String> again = drawOrder();
    assertThat(again).isEqualTo(first);
    // not simply arrival order nor priority order over 12 contenders
    assertThat(first).isNotEqualTo(arrival()).isNotEqualTo(byPriority());
  }

  private List<String> drawOrder() {
    dispatched.clear();
    now = Instant.parse("2026-01-01T00:00:00Z");
    scheduler(Map.of(), ConflictResolution.RANDOM);
    submit("holder", Priority.MEDIUM, lock("db"));
    for (String path : arrival()) {
      submit(path, path.startsWith("hi") ? Priority.HIGH : Priority.LOW, lock("db"));
    }
    String last = "holder";
    for (int i = 0; i < arrival().size(); i++) {
      finish(last);
      last = dispatched.getLast();
    }
    return List.copyOf(dispatched.subList(1, dispatched.size()));
  }

  private static List<String> arrival() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      paths.add("lo-" + i);
      paths.add("hi-" + i);
    }
    return paths;
  }

  private static List<String> byPriority() {
    List<String> order =
        new ArrayList<>(arrival().stream().filter(p -> p.startsWith("hi")).toList());
    order.addAll(arrival().stream().filter(p -> p.startsWith("lo")).toList());
    return order;
  }

  @Test
  void aWithdrawnContenderNeverTakesTheLock() {
    scheduler(Map.of(), ConflictResolution.TIMESTAMP);
    submit("holder", Priority.MEDIUM, lock("db"));
    QueuedTask early = submit("early", Priority.MEDIUM, lock("db"));
    submit("late", Priority.MEDIUM, lock("db"));
    assertThat(scheduler.withdraw(early)).isTrue();
    finish("holder");
    assertThat(dispatched).containsExactly("holder", "late");
  }
}

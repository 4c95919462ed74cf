package io.baton.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.Priority;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.api.time.TimeSource;
import io.baton.engine.config.EngineConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler with an admission that holds back the steps of type {@code model}. */
class StepAdmissionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final Gate gate = new Gate();
  private final List<String> dispatched = new ArrayList<>();

  /** Holds {@code model} steps while closed; answers them with {@code answer} when set. */
  private static final class Gate implements StepAdmission {
    boolean open;
    Object answer;
    final List<Runnable> reopened = new ArrayList<>();

    @Override
    public boolean holds(StepDef step) {
      return step instanceof CustomStep c && c.type().equals("model");
    }

    @Override
    public boolean open() {
      return open;
    }

    @Override
    public void onOpen(Runnable listener) {
      reopened.add(listener);
    }

    @Override
    public Optional<Object> substitute(StepDef step, StepContext context) {
      return Optional.ofNullable(answer);
    }

    void openNow() {
      open = true;
      reopened.forEach(Runnable::run);
    }
  }

  private static final TimeSource CLOCK =
      new TimeSource() {
        @Override
        public Instant now() {
          return NOW;
        }

        @Override
        public Cancellable schedule(Instant at, Runnable task) {
          throw new UnsupportedOperationException("the scheduler sets no timers");
        }
      };

  private StepScheduler scheduler(int max) {
    return new StepScheduler(
        new EngineConfig(
            max, null, 0, null, java.time.Duration.ofSeconds(10), 0, 0, null, null, null, null),
        CLOCK,
        gate);
  }

  private TaskKey key(StepScheduler scheduler, String path, String type) {
    boolean held = scheduler.holds(new CustomStep(StepCommon.of(path), type, Map.of()));
    return new TaskKey("run", path, "wf", type, Priority.MEDIUM, 0, NOW, List.of(), held);
  }

  private void enqueue(StepScheduler scheduler, TaskKey key) {
    scheduler.enqueue(new QueuedTask(key, k -> dispatched.add(k.path())));
  }

  @Test
  void aHeldStepWaitsQueuedWhileClosedAndStartsWhenTheAdmissionOpens() {
    StepScheduler scheduler = scheduler(4);
    TaskKey model = key(scheduler, "summary", "model");
    assertThat(model.held()).isTrue();

    assertThat(scheduler.tryAcquire(model)).isFalse();
    enqueue(scheduler, model);
    assertThat(dispatched).isEmpty();
    assertThat(scheduler.queued()).isEqualTo(1);
    assertThat(scheduler.running()).isZero();

    gate.openNow();
    assertThat(dispatched).containsExactly("summary");
    assertThat(scheduler.queued()).isZero();
    assertThat(scheduler.running()).isEqualTo(1);
  }

  @Test
  void otherStepsPassTheHeldOnesAndTakeNoCapacityFromThem() {
    StepScheduler scheduler = scheduler(1);
    enqueue(scheduler, key(scheduler, "summary", "model"));
    enqueue(scheduler, key(scheduler, "fetch", "http"));
    assertThat(dispatched).containsExactly("fetch");

    scheduler.release(key(scheduler, "fetch", "http"));
    gate.openNow();
    assertThat(dispatched).containsExactly("fetch", "summary");
  }

  @Test
  void anOpenAdmissionLetsHeldStepsStartAtOnce() {
    gate.open = true;
    StepScheduler scheduler = scheduler(2);
    assertThat(scheduler.tryAcquire(key(scheduler, "summary", "model"))).isTrue();
  }

  @Test
  void theSubstituteIsTheOutputAndTheExecutorDoesNotRun() throws Exception {
    List<String> ran = new ArrayList<>();
    StepExecutor<CustomStep> model =
        StepExecutor.of(
            "model",
            ExecutionMode.VIRTUAL_THREAD,
            (step, ctx) -> {
              ran.add(step.id());
              return "from the model";
            });
    StepExecutor<CustomStep> admitted = AdmittedStep.of(model, gate);
    CustomStep step = new CustomStep(StepCommon.of("summary"), "model", Map.of());

    assertThat(admitted.execute(step, null)).isEqualTo("from the model");
    gate.answer = Map.of("summary", "rule-based");
    assertThat(admitted.execute(step, null)).isEqualTo(Map.of("summary", "rule-based"));
    assertThat(ran).containsExactly("summary");
    assertThat(admitted.type()).isEqualTo("model");
    assertThat(admitted.mode()).isEqualTo(ExecutionMode.VIRTUAL_THREAD);
    assertThat(AdmittedStep.of(model, StepAdmission.ALWAYS)).isSameAs(model);
  }
}

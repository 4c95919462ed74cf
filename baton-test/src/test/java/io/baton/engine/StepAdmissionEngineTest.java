package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepDef;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import io.baton.engine.scheduler.StepAdmission;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An engine built with a {@link StepAdmission} that holds back {@code model} steps while closed and
 * answers those that declare a {@code fallback} from it.
 */
class StepAdmissionEngineTest {
  private final List<String> modelCalls = new CopyOnWriteArrayList<>();
  private final Gate gate = new Gate();

  private final class Gate implements StepAdmission {
    volatile boolean open;
    final CountDownLatch heldAsked = new CountDownLatch(1);
    final List<Runnable> reopened = new CopyOnWriteArrayList<>();

    @Override
    public boolean holds(StepDef step) {
      boolean held =
          step instanceof CustomStep c
              && c.type().equals("model")
              && !c.config().containsKey("fallback");
      if (held) {
        heldAsked.countDown();
      }
      return held;
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
      return !open && step instanceof CustomStep c && c.config().containsKey("fallback")
          ? Optional.of(c.config().get("fallback"))
          : Optional.empty();
    }

    void openNow() {
      open = true;
      reopened.forEach(Runnable::run);
    }
  }

  private TestEngine engine() {
    return TestEngine.create(
        b ->
            b.admission(gate)
                .step(
                    StepExecutor.of(
                        "model",
                        ExecutionMode.VIRTUAL_THREAD,
                        (step, ctx) -> {
                          modelCalls.add(step.id());
                          return "model says " + ctx.inputMap().get("text");
                        })));
  }

  @Test
  void aHeldStepRunsOnlyOnceTheAdmissionOpens() throws Exception {
    try (TestEngine t = engine()) {
      var flow =
          Workflow.define("held")
              .step(Steps.custom("summary", "model", Map.of()).input("text", "${inputs.text}"))
              .build();
      RunHandle run = t.baton().start(flow, Map.of("text", "hi"));
      assertThat(gate.heldAsked.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(modelCalls).isEmpty();
      assertThat(run.status().status()).isEqualTo(RunStatus.RUNNING);

      gate.openNow();
      RunView done = run.await(Duration.ofSeconds(5));
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.outputs()).isEqualTo("model says hi");
      assertThat(modelCalls).containsExactly("summary");
    }
  }

  @Test
  void aStepTheAdmissionAnswersEndsWithTheSubstituteWithoutItsExecutor() {
    try (TestEngine t = engine()) {
      var flow =
          Workflow.define("answered")
              .step(
                  Steps.custom("summary", "model", Map.of("fallback", Map.of("summary", "n/a")))
                      .input("text", "hi"))
              .build();
      RunView done = t.baton().start(flow, Map.of()).await(Duration.ofSeconds(5));
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.outputs()).isEqualTo(Map.of("summary", "n/a"));
      assertThat(modelCalls).isEmpty();
    }
  }
}

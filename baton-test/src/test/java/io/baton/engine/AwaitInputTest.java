package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.CoordinationModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handler that returns {@link AwaitInput} suspends its step on a person's answer, and is called
 * again, in the same attempt, with the answer — as many rounds as it asks.
 */
class AwaitInputTest extends EngineTest {
  private static final Map<String, Object> FORM =
      Map.of(
          "type",
          "object",
          "required",
          List.of("decision"),
          "properties",
          Map.of("decision", Map.of("type", "string")));
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    engine(
        b ->
            b.module(
                CoordinationModule.of(
                    "confirm",
                    Map.of(
                        "ask",
                        (p, ctx) -> {
                          calls.add(
                              ctx.attempt()
                                  + ":"
                                  + (ctx.answer() == null ? "-" : ctx.answer().waitId()));
                          if (ctx.answer() == null) {
                            return new AwaitInput(
                                "round-1", "Approve " + p.get("what") + "?", FORM, List.of("dba"));
                          }
                          Object decision = ((Map<?, ?>) ctx.answer().value()).get("decision");
                          if ("delegate".equals(decision)) {
                            return new AwaitInput(
                                "round-2", "Approve (delegated)?", FORM, List.of("lead"));
                          }
                          return map("decision", decision, "by", ctx.answer().by());
                        }))));
  }

  private static WorkflowDefinition approval() {
    return flow(
        "approval",
        new ModuleStep(step("ask").input("what", "the plan").build(), "confirm", "ask"));
  }

  @Test
  void theStepWaitsOnAPersonThenItsHandlerFinishesWithTheAnswer() {
    String runId = baton.start(approval(), Map.of()).id();
    PendingInput question =
        waitFor(runId, "a question", v -> !v.pendingInputs().isEmpty()).pendingInputs().getFirst();
    assertThat(question.waitId()).isEqualTo(runId + ":ask:1:round-1");
    assertThat(question.prompt()).isEqualTo("Approve the plan?");
    assertThat(question.assignees()).containsExactly("dba");
    assertThat(baton.status(runId).step("ask").status()).isEqualTo(StepStatus.WAITING);

    assertThat(baton.submitInput(question.waitId(), Map.of("decision", "approve"), "alice"))
        .isTrue();
    RunView done = awaitEnd(runId);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.step("ask").output()).isEqualTo(Map.of("decision", "approve", "by", "alice"));
    assertThat(calls).containsExactly("1:-", "1:" + runId + ":ask:1:round-1");
    assertThat(done.pendingInputs()).isEmpty();
    assertThat(baton.submitInput(question.waitId(), Map.of("decision", "reject"), "bob")).isFalse();
  }

  @Test
  void aHandlerMayAskAgainWithAnotherKey() {
    String runId = baton.start(approval(), Map.of()).id();
    PendingInput first =
        waitFor(runId, "a question", v -> !v.pendingInputs().isEmpty()).pendingInputs().getFirst();
    baton.submitInput(first.waitId(), Map.of("decision", "delegate"), "dba");
    PendingInput second =
        waitFor(
                runId,
                "a second question",
                v ->
                    !v.pendingInputs().isEmpty()
                        && v.pendingInputs().getFirst().waitId().endsWith("round-2"))
            .pendingInputs()
            .getFirst();
    assertThat(second.assignees()).containsExactly("lead");
    assertThat(baton.pendingInputs(10))
        .extracting(PendingInput::waitId)
        .containsExactly(second.waitId());

    baton.submitInput(second.waitId(), Map.of("decision", "approve"), "lead");

    assertThat(awaitEnd(runId).step("ask").output())
        .isEqualTo(Map.of("decision", "approve", "by", "lead"));
  }

  @Test
  void anAnswerOutsideTheFormIsRefused() {
    String runId = baton.start(approval(), Map.of()).id();
    PendingInput question =
        waitFor(runId, "a question", v -> !v.pendingInputs().isEmpty()).pendingInputs().getFirst();
    assertThatThrownBy(() -> baton.submitInput(question.waitId(), Map.of("other", 1), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("decision");
    assertThat(baton.status(runId).step("ask").status()).isEqualTo(StepStatus.WAITING);
  }
}

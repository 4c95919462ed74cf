package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunEvent.WaitResolved;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** human steps: pending inputs, answers, idempotent submits and timeouts. */
class HumanStepTest extends EngineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<String, Object> FORM =
      Map.of("type", "object", "properties", Map.of("approved", Map.of("type", "boolean")));

  /** The inputs the approval workflow reads: its question and the document under review. */
  private static final Map<String, Object> QUESTION = Map.of("question", "q", "doc", "d-1");

  @BeforeEach
  void setUp() {
    engine(b -> b.tool("echo", "echo", (args, ctx) -> args));
  }

  private static HumanStep ask(Duration timeout, TimeoutAction onTimeout, Object defaultValue) {
    return new HumanStep(
        step("ask").input("doc", "${inputs.doc}").timeout(timeout).build(),
        "${inputs.question}",
        FORM,
        List.of("alice", "role:reviewers"),
        onTimeout,
        defaultValue);
  }

  private static WorkflowDefinition approval(HumanStep ask) {
    return flow(
        "approval",
        ask,
        tool("after", "echo", map("approved", "${steps.ask.output.approved}"), "ask"));
  }

  private PendingInput pending(String runId) {
    RunView v = waitFor(runId, "a question is pending", view -> !view.pendingInputs().isEmpty());
    return v.pendingInputs().getFirst();
  }

  @Test
  void aHumanStepWaitsWithAPendingInputAndTheAnswerBecomesItsOutput() {
    var run =
        baton.start(approval(ask(null, null, null)), Map.of("question", "Ship it?", "doc", "d-1"));

    PendingInput p = pending(run.id());
    RunView waiting = baton.status(run.id());
    assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
    assertThat(p.waitId()).isEqualTo(run.id() + ":ask:1");
    assertThat(p.runId()).isEqualTo(run.id());
    assertThat(p.path()).isEqualTo("ask");
    assertThat(p.prompt()).isEqualTo("Ship it?");
    assertThat(p.form()).isEqualTo(FORM);
    assertThat(p.assignees()).containsExactly("alice", "role:reviewers");
    assertThat(p.deadline()).isNull();
    assertThat(stepIn(waiting, "ask").waitId()).isEqualTo(p.waitId());
    assertThat(stepIn(waiting, "ask").input())
        .isEqualTo(
            Map.of(
                "prompt",
                "Ship it?",
                "form",
                FORM,
                "assignees",
                List.of("alice", "role:reviewers"),
                "input",
                Map.of("doc", "d-1")));
    assertThat(baton.pendingInputs(10)).containsExactly(p);

    assertThat(baton.submitInput(p.waitId(), Map.of("approved", true), "alice")).isTrue();
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "ask").output()).isEqualTo(Map.of("approved", true));
    assertThat(done.outputs()).isEqualTo(Map.of("approved", true));
    assertThat(log.events(run.id(), WaitResolved.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.by()).isEqualTo("alice");
              assertThat(r.value()).isEqualTo(Map.of("approved", true));
            });
    assertThat(baton.pendingInputs(10)).isEmpty();
  }

  @Test
  void aViewNamesTheJournalPositionOfTheLastEventItIncludes() {
    var run = baton.start(approval(ask(null, null, null)), QUESTION);
    PendingInput p = pending(run.id());
    // the run waits, so its view includes every event journaled so far: a client showing it
    // follows the events after that position and misses none
    assertThat(baton.status(run.id()).lastSeq()).isEqualTo(log.events(run.id()).size() - 1L);
    assertThat(baton.submitInput(p.waitId(), Map.of("approved", true), "alice")).isTrue();
    RunView done = awaitEnd(run.id());
    assertThat(done.lastSeq()).isEqualTo(log.events(run.id()).size() - 1L);
    assertThat(baton.status(run.id()).lastSeq()).isEqualTo(done.lastSeq());
  }

  @Test
  void submittingTwiceIsHarmlessAndTheFirstAnswerWins() {
    var run = baton.start(approval(ask(null, null, null)), QUESTION);
    String waitId = pending(run.id()).waitId();
    assertThat(baton.submitInput(waitId, Map.of("approved", true), "alice")).isTrue();
    assertThat(baton.submitInput(waitId, Map.of("approved", false), "bob")).isFalse();
    RunView done = awaitEnd(run.id());
    assertThat(stepIn(done, "ask").output()).isEqualTo(Map.of("approved", true));
    assertThat(baton.submitInput(waitId, Map.of("approved", false), "carol")).isFalse();
    assertThat(log.events(run.id(), WaitResolved.class)).hasSize(1);
  }

  /**
   * A race: the view of a status query used to be taken after the wait's registration was queued.
   */
  @RepeatedTest(200)
  void aPendingInputSeenInTheStatusCanBeAnsweredAtOnce() {
    var run = baton.start(flow("quick", ask(null, null, null)), QUESTION);
    RunView v = run.status();
    for (int i = 0; i < 10_000 && v.pendingInputs().isEmpty(); i++) {
      v = run.status();
    }
    assertThat(v.pendingInputs()).isNotEmpty();
    assertThat(
            baton.submitInput(
                v.pendingInputs().getFirst().waitId(), Map.of("approved", true), "me"))
        .as("the answer to a question the status showed")
        .isTrue();
    assertThat(awaitEnd(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void anInputTheTemplateReadsButTheRunLacksFailsTheStepBeforeAnyQuestionIsAsked() {
    RunView done = run(approval(ask(null, null, null)), Map.of("question", "q"));

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("ask");
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.EXPRESSION);
    assertThat(done.failure().message()).contains("inputs has no field 'doc'");
    assertThat(done.pendingInputs()).isEmpty();
    assertThat(baton.pendingInputs(10)).isEmpty();
    assertThat(done.step("after")).isNull();
  }

  @Test
  void anUnknownWaitIdIsRefused() {
    assertThat(baton.submitInput("no-such-wait", "x", "me")).isFalse();
  }

  @Test
  void onTimeoutFailFailsTheStepWithATimeout() {
    var run = baton.start(approval(ask(Duration.ofHours(1), TimeoutAction.FAIL, null)), QUESTION);
    PendingInput p = pending(run.id());
    assertThat(p.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));

    clock.advance(Duration.ofMinutes(59));
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.WAITING);
    clock.advance(Duration.ofMinutes(1));
    RunView done = awaitEnd(run.id());

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("ask");
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(done.failure().message()).isEqualTo("nobody answered step 'ask' in time");
    assertThat(done.step("after")).isNull();
    assertThat(baton.submitInput(p.waitId(), Map.of("approved", true), "alice")).isFalse();
  }

  @Test
  void onTimeoutUseDefaultCompletesTheStepWithTheDefault() {
    var run =
        baton.start(
            approval(
                ask(Duration.ofHours(1), TimeoutAction.USE_DEFAULT, Map.of("approved", false))),
            QUESTION);
    pending(run.id());
    clock.advance(Duration.ofHours(1));
    RunView done = awaitEnd(run.id());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "ask").output()).isEqualTo(Map.of("approved", false));
    assertThat(done.outputs()).isEqualTo(Map.of("approved", false));
    assertThat(log.events(run.id(), WaitResolved.class).getFirst().by()).isEqualTo("timeout");
  }

  @Test
  void onTimeoutSkipSkipsTheStepAndItsDependents() {
    var run = baton.start(approval(ask(Duration.ofHours(1), TimeoutAction.SKIP, null)), QUESTION);
    pending(run.id());
    clock.advance(Duration.ofHours(1));
    RunView done = awaitEnd(run.id());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(done))
        .containsEntry("ask", StepStatus.SKIPPED)
        .containsEntry("after", StepStatus.SKIPPED);
    assertThat(done.pendingInputs()).isEmpty();
  }

  @Test
  void anAnswerBeforeTheDeadlineIsNotUndoneByTheTimeout() {
    var run = baton.start(approval(ask(Duration.ofHours(1), TimeoutAction.FAIL, null)), QUESTION);
    String waitId = pending(run.id()).waitId();
    clock.advance(Duration.ofMinutes(30));
    assertThat(baton.submitInput(waitId, Map.of("approved", true), "alice")).isTrue();
    RunView done = awaitEnd(run.id());
    clock.advance(Duration.ofHours(2));

    RunView later = baton.status(run.id());
    assertThat(later.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(later.failure()).isNull();
    assertThat(stepIn(later, "ask").endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(statuses(later)).isEqualTo(statuses(done));
  }

  @Test
  void severalQuestionsCanBePendingAtOnce() {
    var wf =
        flow(
            "two",
            new HumanStep(step("first").build(), "first?", Map.of(), List.of(), null, null),
            new HumanStep(step("second").build(), "second?", Map.of(), List.of(), null, null));
    var run = baton.start(wf, Map.of());
    RunView v =
        waitFor(run.id(), "both questions are pending", view -> view.pendingInputs().size() == 2);
    assertThat(v.pendingInputs())
        .extracting(PendingInput::prompt)
        .containsExactlyInAnyOrder("first?", "second?");

    baton.submitInput(run.id() + ":first:1", 1, "me");
    RunView one =
        waitFor(run.id(), "one question is left", view -> view.pendingInputs().size() == 1);
    assertThat(one.status()).isEqualTo(RunStatus.WAITING);
    baton.submitInput(run.id() + ":second:1", 2, "me");
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "first").output()).isEqualTo(1L);
    assertThat(stepIn(done, "second").output()).isEqualTo(2L);
  }

  record Approval(boolean approved, String note) {}

  @Test
  void anAnswerGivenAsARecordIsStoredAsJsonLikeAHandlersOutput() {
    var run = baton.start(approval(ask(null, null, null)), QUESTION);
    String waitId = pending(run.id()).waitId();
    assertThat(baton.submitInput(waitId, new Approval(true, "lgtm"), "alice")).isTrue();
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "ask").output()).isEqualTo(Map.of("approved", true, "note", "lgtm"));
    assertThat(done.outputs()).isEqualTo(Map.of("approved", true));
  }

  @Test
  void anAnswerThatIsNotJsonIsRefusedAndTheQuestionStaysOpen() {
    var run = baton.start(approval(ask(null, null, null)), QUESTION);
    String waitId = pending(run.id()).waitId();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> baton.submitInput(waitId, new Thread(() -> {}), "alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(waitId)
        .hasMessageContaining("java.lang.Thread");
    assertThat(baton.status(run.id()).pendingInputs()).hasSize(1);
    assertThat(baton.submitInput(waitId, Map.of("approved", true), "alice")).isTrue();
    assertThat(awaitEnd(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
  }
}

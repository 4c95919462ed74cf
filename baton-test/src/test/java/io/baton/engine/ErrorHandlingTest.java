package io.baton.engine;

import static io.baton.engine.Flows.fallbacks;
import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.FallbackAction;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * onError continue / goto, escalation to a person, and how handler exceptions and outputs are
 * classified.
 */
class ErrorHandlingTest extends EngineTest {
  private Throwable toThrow;
  private Object toReturn;
  private Blocker hang;

  record Point(int x, String label) {}

  record Shape(String name, List<Point> points) {}

  @BeforeEach
  void setUp() {
    hang = blocker();
    engine(
        b ->
            b.tool("echo", "echo", (args, ctx) -> args)
                .tool("hang", "blocks", hang)
                .tool(
                    "fail",
                    "throws what the test says",
                    (args, ctx) -> {
                      if (toThrow instanceof Exception e) {
                        throw e;
                      }
                      throw (Error) toThrow;
                    })
                .tool("give", "returns what the test says", (args, ctx) -> toReturn));
  }

  @Test
  void onErrorContinueRecordsTheFailureAndDependentsRun() {
    toThrow = new StepException(ErrorKind.BAD_INPUT, "no such customer");
    var a = step("a").onError(ErrorPolicy.CONTINUE).tool("fail");
    var b =
        tool("b", "echo", map("status", "${steps.a.status}", "kind", "${steps.a.error.kind}"), "a");
    RunView done = run(flow("continue", a, b), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "a").status()).isEqualTo(StepStatus.FAILED);
    assertThat(stepIn(done, "a").failure().message()).isEqualTo("no such customer");
    assertThat(stepIn(done, "b").output())
        .isEqualTo(Map.of("status", "failed", "kind", "bad_input"));
    assertThat(done.failure()).isNull();
  }

  @Test
  void onErrorGotoRunsTheFallbackAndSkipsTheNormalDependents() {
    toThrow = new StepException(ErrorKind.UNAVAILABLE, "primary down");
    var a = step("a").onError(ErrorPolicy.goTo("fallback")).tool("fail");
    var next = tool("next", "echo", map(), "a");
    var fallback = tool("fallback", "echo", map("because", "${steps.a.error.message}"));
    var afterFallback = tool("afterFallback", "echo", map("ok", true), "fallback");
    RunView done = run(flow("goto", a, next, fallback, afterFallback), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(done))
        .containsEntry("a", StepStatus.FAILED)
        .containsEntry("next", StepStatus.SKIPPED)
        .containsEntry("fallback", StepStatus.COMPLETED)
        .containsEntry("afterFallback", StepStatus.COMPLETED);
    assertThat(stepIn(done, "fallback").output()).isEqualTo(Map.of("because", "primary down"));
  }

  @Test
  void theFallbackOfAStepThatSucceedsIsSkipped() {
    var a = step("a").onError(ErrorPolicy.goTo("fallback")).input(map("v", 1)).tool("echo");
    var next = tool("next", "echo", map("v", "${steps.a.output.v}"), "a");
    var fallback = tool("fallback", "echo", map());
    RunView done = run(flow("no-goto", a, next, fallback), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(done))
        .containsEntry("next", StepStatus.COMPLETED)
        .containsEntry("fallback", StepStatus.SKIPPED);
    assertThat(log.events(done.runId(), StepSkipped.class))
        .extracting(StepSkipped::reason)
        .containsExactly("it is the fallback of 'a', which did not fail");
  }

  @Test
  void aTimeoutEscalatedToAPersonBecomesAHumanWaitAndTheAnswerCompletesTheStep() {
    var wf =
        flow(
            "escalate",
            fallbacks(new FallbackAction("timeout", FallbackAction.ESCALATE_TO_HUMAN)),
            null,
            step("slow").timeout(Duration.ofSeconds(10)).tool("hang"),
            tool("after", "echo", map("got", "${steps.slow.output.answer}"), "slow"));
    var run = baton.start(wf, Map.of());
    hang.awaitStarted(1);
    clock.advance(Duration.ofSeconds(10));
    hang.awaitInterrupted(1);

    RunView waiting =
        waitFor(run.id(), "the escalation is pending", v -> !v.pendingInputs().isEmpty());
    assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
    assertThat(stepIn(waiting, "slow").status()).isEqualTo(StepStatus.WAITING);
    assertThat(stepIn(waiting, "slow").failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
    PendingInput p = waiting.pendingInputs().getFirst();
    assertThat(p.path()).isEqualTo("slow");
    assertThat(p.waitId()).isEqualTo(run.id() + ":slow:1:escalation");
    assertThat(p.prompt())
        .startsWith("Step 'slow' failed (timeout: ")
        .endsWith("Provide its output to let the run go on.");

    assertThat(baton.submitInput(p.waitId(), Map.of("answer", 42), "oncall")).isTrue();
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "slow").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(stepIn(done, "slow").output()).isEqualTo(Map.of("answer", 42L));
    assertThat(done.outputs()).isEqualTo(Map.of("got", 42L));
  }

  @Test
  void aFailureOfAnotherKindIsNotEscalated() {
    toThrow = new IllegalArgumentException("bad");
    var wf =
        flow(
            "no-escalation",
            fallbacks(new FallbackAction("timeout", FallbackAction.ESCALATE_TO_HUMAN)),
            null,
            step("a").tool("fail"));
    RunView done = run(wf, Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(done.pendingInputs()).isEmpty();
  }

  static Stream<Arguments> exceptions() {
    return Stream.of(
        Arguments.of(new RuntimeException("boom"), ErrorKind.UNKNOWN, true),
        Arguments.of(new IllegalStateException("odd"), ErrorKind.UNKNOWN, true),
        Arguments.of(new IllegalArgumentException("bad arg"), ErrorKind.BAD_INPUT, false),
        Arguments.of(new ClassCastException("not a number"), ErrorKind.BAD_INPUT, false),
        Arguments.of(new SecurityException("denied"), ErrorKind.PERMISSION_DENIED, false),
        Arguments.of(new NoSuchElementException("gone"), ErrorKind.NOT_FOUND, false),
        Arguments.of(new FileNotFoundException("x.txt"), ErrorKind.NOT_FOUND, false),
        Arguments.of(new NoSuchFileException("y.txt"), ErrorKind.NOT_FOUND, false),
        Arguments.of(new TimeoutException("slow"), ErrorKind.TIMEOUT, true),
        Arguments.of(new ConnectException("refused"), ErrorKind.UNAVAILABLE, true),
        Arguments.of(new IOException("broken pipe"), ErrorKind.UNAVAILABLE, true),
        Arguments.of(new IOException("No space left on device"), ErrorKind.DISK_FULL, false),
        Arguments.of(new CancellationException("stop"), ErrorKind.CANCELLED, false),
        Arguments.of(new OutOfMemoryError("heap"), ErrorKind.OUT_OF_MEMORY, false),
        Arguments.of(
            new StepException(ErrorKind.RATE_LIMITED, "slow down"), ErrorKind.RATE_LIMITED, true),
        Arguments.of(
            new StepException(ErrorKind.DEPENDENCY_DOWN, "db"), ErrorKind.DEPENDENCY_DOWN, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("exceptions")
  void handlerExceptionsAreClassified(Throwable thrown, ErrorKind kind, boolean retryable) {
    toThrow = thrown;
    RunView done = run(flow("classify", step("a").tool("fail")), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(kind);
    assertThat(done.failure().retryable()).isEqualTo(retryable);
    assertThat(done.failure().message()).isEqualTo(thrown.getMessage());
    if (!(thrown instanceof StepException)) {
      assertThat(done.failure().details()).containsEntry("exception", thrown.getClass().getName());
    }
  }

  @Test
  void aHandlerReturningAThreadFailsWithBadOutput() {
    toReturn = new Thread(() -> {});
    RunView done = run(flow("thread", step("a").tool("give")), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_OUTPUT);
    assertThat(done.failure().message()).contains("java.lang.Thread").contains("at $");
  }

  @Test
  void aNonJsonValueDeepInsideTheOutputIsReportedWithItsPath() {
    toReturn = Map.of("items", List.of(1, Double.NaN));
    RunView done = run(flow("nan", step("a").tool("give")), Map.of());
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_OUTPUT);
    assertThat(done.failure().message()).contains("NaN").contains("$.items[1]");

    toReturn = Map.of(1, "non-string key");
    RunView done2 = run(flow("key", step("a").tool("give")), Map.of());
    assertThat(done2.failure().kind()).isEqualTo(ErrorKind.BAD_OUTPUT);
    assertThat(done2.failure().message()).contains("map key");
  }

  @Test
  void aHandlerReturningARecordGetsItConvertedToAMap() {
    toReturn = new Shape("tri", List.of(new Point(1, "a"), new Point(2, "b")));
    RunView done =
        run(
            flow(
                "record",
                step("a").tool("give"),
                tool("b", "echo", map("name", "${steps.a.output.name}"), "a")),
            Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "a").output())
        .isEqualTo(
            Map.of(
                "name",
                "tri",
                "points",
                List.of(Map.of("x", 1L, "label", "a"), Map.of("x", 2L, "label", "b"))));
    assertThat(done.outputs()).isEqualTo(Map.of("name", "tri"));
  }
}

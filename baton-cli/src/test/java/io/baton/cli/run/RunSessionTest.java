package io.baton.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.EventWait;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.cli.CapturedTerminal;
import io.baton.cli.ExitCodes;
import io.baton.cli.progress.ProgressRenderer;
import io.baton.cli.progress.RunProgress;
import io.baton.engine.config.EngineConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSessionTest {
  private static final RunSession.Limits LIMITS =
      new RunSession.Limits(
          Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5), Clock.systemUTC());

  static StepCommon step(String id, String... deps) {
    return StepCommon.of(id).withDependsOn(List.of(deps));
  }

  static WorkflowDefinition flow(String id, StepDef... steps) {
    return new WorkflowDefinition(
        id, "1", null, null, null, null, List.of(steps), null, null, null);
  }

  private static RunOutcome run(
      CapturedTerminal t,
      WorkflowDefinition flow,
      Map<String, Object> inputs,
      Answers answers,
      RunSession.Limits limits,
      WorkflowDefinition... children)
      throws InterruptedException {
    try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, List.of(children))) {
      RunSession session =
          new RunSession(
              engine,
              ProgressRenderer.forTerminal(t.terminal(), Clock.systemUTC()),
              new RunProgress((w, s) -> "tool"),
              answers,
              limits);
      return session.run(flow, inputs);
    }
  }

  private static Answers book(Map<String, String> answers) {
    return new Answers(new AnswerBook(answers), Optional.empty());
  }

  @Test
  void runsAChainOfOfflineToolsAndPrintsOneLinePerChange() throws Exception {
    var t = CapturedTerminal.plain();
    var flow =
        flow(
            "chain",
            new ToolStep(step("shout").withInput(Map.of("text", "${inputs.text}")), "uppercase"),
            new ToolStep(
                step("count", "shout").withInput(Map.of("text", "${steps.shout.output.text}")),
                "word-count"));

    RunOutcome outcome = run(t, flow, Map.of("text", "hello big world"), book(Map.of()), LIMITS);

    assertThat(outcome.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(outcome.view().outputs()).isEqualTo(Map.of("words", 3L, "characters", 15L));
    assertThat(t.err())
        .contains("run ")
        .contains("running   shout (tool)")
        .containsPattern("completed count \\(tool · \\d+ms\\)")
        .contains("run completed");
  }

  @Test
  void indentsTheStepsOfAMapUnderIt() throws Exception {
    var t = CapturedTerminal.plain();
    var body = new ToolStep(step("shout").withInput(Map.of("text", "${item}")), "uppercase");
    var flow =
        flow("fan", new MapStep(step("fanout"), "${inputs.words}", null, 2, List.of(body), null));

    RunOutcome outcome = run(t, flow, Map.of("words", List.of("a", "b")), book(Map.of()), LIMITS);

    assertThat(outcome.view().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.view().outputs())
        .isEqualTo(List.of(Map.of("text", "A"), Map.of("text", "B")));
    assertThat(t.err())
        .contains("completed   fanout[0]/shout")
        .contains("completed   fanout[1]/shout");
  }

  @Test
  void answersAHumanStepFromTheAnswerBook() throws Exception {
    var t = CapturedTerminal.plain();
    var flow =
        flow("ask", new HumanStep(step("approve"), "Ship it?", Map.of(), List.of(), null, null));

    RunOutcome outcome = run(t, flow, Map.of(), book(Map.of("approve", "{\"ok\": true}")), LIMITS);

    assertThat(outcome.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(outcome.view().outputs()).isEqualTo(Map.of("ok", true));
    assertThat(t.err()).contains("waiting   approve (tool · input: Ship it?)");
  }

  @Test
  void asksAHumanStepOnTheTerminalFieldByField() throws Exception {
    var t = CapturedTerminal.interactive("maybe\ny\n\n");
    Map<String, Object> form =
        Map.of(
            "type",
            "object",
            "required",
            List.of("approved"),
            "properties",
            new java.util.LinkedHashMap<>(Map.of("approved", Map.of("type", "boolean"))));
    ((Map<String, Object>) form.get("properties"))
        .put("reviewer", Map.of("type", "string", "default", "ada"));
    var flow = flow("ask", new HumanStep(step("approve"), "Ship it?", form, List.of(), null, null));
    var answers =
        new Answers(
            new AnswerBook(Map.of()),
            Optional.of(new TerminalQuestions(t.terminal().in(), t.terminal().err())));

    RunOutcome outcome = run(t, flow, Map.of(), answers, LIMITS);

    assertThat(outcome.view().outputs()).isEqualTo(Map.of("approved", true, "reviewer", "ada"));
    assertThat(t.err())
        .contains("? approve: Ship it?")
        .contains("approved (y/n, required): ")
        .contains("expected y or n; try again")
        .contains("reviewer (string, default ada): ");
  }

  @Test
  void stopsWithAClearMessageWhenNobodyCanAnswer() throws Exception {
    var t = CapturedTerminal.plain();
    var flow =
        flow(
            "ask",
            new HumanStep(
                step("approve"),
                "Ship it?",
                Map.of(
                    "type", "object", "properties", Map.of("approved", Map.of("type", "boolean"))),
                List.of(),
                null,
                null));

    RunOutcome outcome = run(t, flow, Map.of(), book(Map.of()), LIMITS);

    assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(outcome.view().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(outcome.problem())
        .contains("step 'approve' asks \"Ship it?\" but there is no terminal to ask on")
        .contains("pass --answer approve=<value> (a JSON object, e.g. '{\"approved\": true}')");
  }

  @Test
  void cancelsARunThatOutlivesItsTimeout() throws Exception {
    var t = CapturedTerminal.plain();
    var flow =
        flow("stuck", new WaitStep(step("forever"), null, null, new EventWait("never", null)));
    var limits =
        new RunSession.Limits(
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Clock.systemUTC());

    RunOutcome outcome = run(t, flow, Map.of(), book(Map.of()), limits);

    assertThat(outcome.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(outcome.view().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(outcome.problem()).contains("did not end within 300ms; pass --timeout");
  }

  @Test
  void showsTheStepsOfAChildRunUnderItsSubworkflowStep() throws Exception {
    var t = CapturedTerminal.plain();
    var child =
        flow(
            "child",
            new ToolStep(step("shout").withInput(Map.of("text", "${inputs.text}")), "uppercase"));
    var parent =
        flow(
            "parent",
            new SubworkflowStep(step("review").withInput(Map.of("text", "hi")), "child", null));

    RunOutcome outcome = run(t, parent, Map.of(), book(Map.of()), LIMITS, child);

    assertThat(outcome.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(t.err()).contains("completed   review/shout");
  }
}

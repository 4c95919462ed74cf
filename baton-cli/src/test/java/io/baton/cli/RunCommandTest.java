package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.run.JsonText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code baton run}: exit codes and what it says when something is wrong. */
class RunCommandTest {
  private static final String FLOWS = "src/test/resources/flows/";

  @Test
  void aFailedRunExitsOneAndNamesTheFailingStep() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "failing.yaml")).isEqualTo(ExitCodes.RUN_FAILED);

    assertThat(t.out()).isEmpty();
    assertThat(t.err())
        .contains("failed    breaks (tool")
        .containsPattern(
            "baton: run \\S+ failed: step 'breaks' failed \\(unavailable\\): flaky: attempt 1");
  }

  @Test
  void anInvalidWorkflowExitsTwoWithEveryLocatedError() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "broken.yaml")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err())
        .containsPattern("broken\\.yaml:10:\\d+ .*frist")
        .containsPattern("broken\\.yaml:12:\\d+ .*teleport")
        .contains("is invalid (2 errors); fix the lines above and run again");
  }

  @Test
  void missingInputsExitTwoAndSayHowToGiveThem() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "ask.yaml")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err())
        .contains("topic")
        .contains("give the inputs with --input NAME=VALUE or --input-file FILE");
  }

  @Test
  void aHumanStepWithoutAnswerOrTerminalExitsTwoAndSaysWhatToPass() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "ask.yaml", "--input", "topic=news"))
        .isEqualTo(ExitCodes.INVALID);

    assertThat(t.err())
        .contains("step 'approve' asks \"Publish news?\" but there is no terminal to ask on")
        .contains("pass --answer approve=<value> (a JSON object, e.g. '{\"approved\": true}')");
  }

  @Test
  void answersComeFromTheCommandLineOrTheTerminal() {
    var t = CapturedTerminal.plain();
    assertThat(
            t.run(
                "run",
                FLOWS + "ask.yaml",
                "-i",
                "topic=news",
                "--answer",
                "approve={\"approved\": true}"))
        .isZero();
    assertThat(JsonText.value(t.out())).isEqualTo(Map.of("approved", true));

    var person = CapturedTerminal.interactive("n\n");
    assertThat(person.run("run", FLOWS + "ask.yaml", "-i", "topic=news")).isZero();
    assertThat(person.err()).contains("? approve: Publish news?");
    assertThat(JsonText.value(person.out())).isEqualTo(Map.of("approved", false));
  }

  @Test
  void anAnswerThatDoesNotFitTheFormExitsTwo() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "ask.yaml", "-i", "topic=news", "--answer", "approve=yes"))
        .isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("--answer approve does not fit the step's form");
  }

  @Test
  void anAnswerForAStepThatDoesNotExistExitsTwo() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "ask.yaml", "-i", "topic=x", "--answer", "aprove=true"))
        .isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("--answer aprove: the workflow has no step 'aprove'");
  }

  @Test
  void jsonOutputIsTheWholeRunView() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "failing.yaml", "--output", "json"))
        .isEqualTo(ExitCodes.RUN_FAILED);

    @SuppressWarnings("unchecked")
    Map<String, Object> view = (Map<String, Object>) JsonText.value(t.out());
    assertThat(view).containsEntry("status", "FAILED").containsEntry("failedStep", "breaks");
    @SuppressWarnings("unchecked")
    Map<String, Object> steps = (Map<String, Object>) view.get("steps");
    assertThat(steps).containsKeys("ok", "breaks");
  }

  @Test
  void inputsComeFromAFileAndTheCommandLine() throws Exception {
    var file = java.nio.file.Files.createTempFile("inputs", ".json");
    java.nio.file.Files.writeString(file, "{\"topic\": \"from file\"}");
    var t = CapturedTerminal.plain();

    assertThat(
            t.run(
                "run",
                FLOWS + "ask.yaml",
                "--input-file",
                file.toString(),
                "--answer",
                "approve={\"approved\":true}"))
        .isZero();
    assertThat(t.err()).contains("Publish from file?");
  }

  @Test
  void aMissingFileExitsTwo() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", FLOWS + "nothing-here.yaml")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("nothing-here.yaml").contains("no such file");
  }
}

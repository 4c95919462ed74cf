package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code baton validate} and {@code baton graph} on files. */
class ValidateAndGraphTest {
  private static final String FLOWS = "src/test/resources/flows/";

  @Test
  void validateListsEveryErrorWithItsLocationAndExitsTwo() {
    var t = CapturedTerminal.plain();

    int exit = t.run("validate", FLOWS + "broken.yaml", FLOWS + "failing.yaml");

    assertThat(exit).isEqualTo(ExitCodes.INVALID);
    assertThat(t.out())
        .containsPattern("broken\\.yaml:10:\\d+ .*error.*frist")
        .containsPattern("broken\\.yaml:12:\\d+ .*error.*teleport")
        .contains("invalid " + FLOWS + "broken.yaml (2 errors)")
        .contains("ok " + FLOWS + "failing.yaml (failing 1.0.0, 2 steps)");
    assertThat(t.err()).contains("1 file of 2 invalid");
  }

  @Test
  void validatePrintsWarningsButPasses() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("validate", FLOWS + "warned.yaml")).isZero();

    assertThat(t.out())
        .containsPattern("warned\\.yaml:11:\\d+ .*warning not-upstream.*first")
        .contains("1 warning");
  }

  @Test
  void graphDrawsAMermaidFlowchart() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("graph", "../examples/order-routing.yaml")).isZero();

    assertThat(t.out())
        .startsWith("flowchart TD\n")
        .contains("s_check_amount -->|\"then\"| s_manual_review")
        .contains("s_check_amount -->|\"else\"| s_auto_approve")
        .contains("s_shipping -->|\"= platinum\"| s_express")
        .contains("s_shipping -->|\"default\"| s_standard");
  }

  @Test
  void graphNestsCompositeSteps() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("graph", "../examples/research-team.yaml")).isZero();

    assertThat(t.out())
        .contains("subgraph s_research[\"research · map over ${inputs.topics}, 2 at a time\"]")
        .contains("subgraph s_reviews_content[\"branch content\"]")
        .contains("s_plan --> s_research");
  }

  @Test
  void graphOfAnInvalidFileExitsTwo() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("graph", FLOWS + "broken.yaml")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("baton validate");
  }
}

package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.run.JsonText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed documents' own workflows ({@code src/test/resources/conformance/}, copied verbatim from
 * {@code shared/conformance/}) run unchanged through {@code baton run}, on the CLI's offline
 * stand-ins for tasks and the real coordination modules.
 */
class ConformanceTest {
  private static final String DIR = "src/test/resources/conformance/";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "mplp-multi-agent-collaboration.json",
        "mplp-sequential.json",
        "mplp-parallel.json",
        "mplp-conditional.json",
        "iflow-full-stack-development.json"
      })
  void runsUnchanged(String file) {
    var t = CapturedTerminal.plain();

    int exit = t.run("run", DIR + file, "--output", "json");

    assertThat(exit).as("stderr:%n%s", t.err()).isZero();
    // Modules are the real ones; only the iflow tasks use the offline stand-ins.
    assertThat(t.err().contains("offline stand-ins")).isEqualTo(file.startsWith("iflow"));
    @SuppressWarnings("unchecked")
    Map<String, Object> view = (Map<String, Object>) JsonText.value(t.out());
    assertThat(view).containsEntry("status", "COMPLETED");
  }

  @Test
  void theConditionalSeedTakesPathA() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", DIR + "mplp-conditional.json", "--output", "json")).isZero();

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> steps =
        (Map<String, Map<String, Object>>)
            ((Map<String, Object>) JsonText.value(t.out())).get("steps");
    assertThat(steps.get("path-a")).containsEntry("status", "COMPLETED");
    assertThat(steps.get("path-b")).containsEntry("status", "SKIPPED");
    assertThat(steps.get("finalization")).containsEntry("status", "COMPLETED");
  }

  @Test
  void theIflowConfigurationConfiguresTheEngine() {
    var t = CapturedTerminal.plain();

    int exit =
        t.run(
            "run",
            DIR + "iflow-full-stack-development.json",
            "--config",
            DIR + "iflow-orchestration-config.yaml");

    assertThat(exit).as(t.err()).isZero();
    assertThat(t.err()).contains("completed test_system");
    assertThat(JsonText.value(t.out())).isNotNull();
  }

  @Test
  void theMultiAgentSeedPassesIdsFromStepToStep() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("run", DIR + "mplp-multi-agent-collaboration.json", "--output", "json"))
        .isZero();

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> steps =
        (Map<String, Map<String, Object>>)
            ((Map<String, Object>) JsonText.value(t.out())).get("steps");
    @SuppressWarnings("unchecked")
    Map<String, Object> context = (Map<String, Object>) steps.get("context-setup").get("output");
    @SuppressWarnings("unchecked")
    Map<String, Object> plan = (Map<String, Object>) steps.get("plan-creation").get("output");
    assertThat(plan.get("contextId")).isEqualTo(context.get("contextId"));
    assertThat((List<?>) plan.get("tasks")).hasSize(3);
    // MPLP ids (UUID v4) from the real context module, its MPLP document beside the result.
    assertThat((String) context.get("contextId"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(context).doesNotContainKey("offline");
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) context.get("context");
    assertThat(document).containsEntry("context_id", context.get("contextId"));
    @SuppressWarnings("unchecked")
    Map<String, Object> roles = (Map<String, Object>) steps.get("role-assignment").get("output");
    assertThat((List<?>) roles.get("assignments")).hasSize(3);
  }
}

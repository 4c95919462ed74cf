package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.CustomStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step types registered through the context, and the schemas of their fields. */
class CustomStepTest {
  private static final Map<String, Object> AGENT_SCHEMA =
      Map.of(
          "type", "object",
          "required", List.of("agent"),
          "properties",
              Map.of("agent", Map.of("type", "string"), "maxTurns", Map.of("type", "integer")));

  private final WorkflowLoader loader =
      new WorkflowLoader(
          LanguageContext.of(new FakeExpressions()).withStepType("agent", AGENT_SCHEMA));

  @Test
  void aRegisteredTypeBindsToACustomStepWithItsOtherFieldsAsConfig() {
    LoadResult r =
        loader.parse(
            "id: w\nsteps:\n  - {id: a, type: agent, agent: writer, maxTurns: 3, timeout: 1m, when: \"true\"}\n",
            "f.yaml");
    assertThat(r.diagnostics()).isEmpty();
    CustomStep a = (CustomStep) r.definition().steps().getFirst();
    assertThat(a.type()).isEqualTo("agent");
    assertThat(a.config()).isEqualTo(Map.of("agent", "writer", "maxTurns", 3));
    assertThat(a.common().timeout()).hasMinutes(1);
  }

  @Test
  void fieldsThatBreakTheRegisteredSchemaAreInvalidConfig() {
    LoadResult r =
        loader.parse("id: w\nsteps:\n  - id: a\n    type: agent\n    maxTurns: many\n", "f.yaml");
    List<Diagnostic> invalid = Loading.all(r.diagnostics(), "invalid-config");
    assertThat(invalid).hasSize(2);
    assertThat(invalid)
        .extracting(Diagnostic::pointer)
        .containsExactlyInAnyOrder("/steps/0", "/steps/0/maxTurns");
    Diagnostic wrong =
        invalid.stream().filter(d -> d.pointer().endsWith("maxTurns")).findFirst().orElseThrow();
    assertThat(wrong.line()).isEqualTo(5);
    assertThat(wrong.column()).isEqualTo(15);
    assertThat(wrong.stepId()).isEqualTo("a");
    assertThat(wrong.message())
        .startsWith("the fields of this agent step break its schema: ")
        .contains("integer");
  }

  @Test
  void aConfigFieldThatLooksLikeAMisspeltCommonFieldIsAWarning() {
    LoadResult r =
        loader.parse("id: w\nsteps:\n  - {id: a, type: agent, agent: x, timout: 5s}\n", "f.yaml");
    Diagnostic d = Loading.only(r, "unknown-field");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message())
        .isEqualTo("\"timout\" is not a common field; it is passed to the step as configuration");
    assertThat(d.hint()).isEqualTo("did you mean \"timeout\"?");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(36);
    assertThat(((CustomStep) r.definition().steps().getFirst()).config())
        .containsEntry("timout", "5s");
  }

  @Test
  void theIflowTaskTypeIsAlwaysKnownAndNeedsACapability() {
    LoadResult r =
        Loading.yaml(
            "id: w\nsteps:\n  - {id: a, type: task, capability: design}\n  - {id: b, type: task}\n");
    Diagnostic d = Loading.only(r, "invalid-config");
    assertThat(d.pointer()).isEqualTo("/steps/1");
    assertThat(d.message()).contains("capability");
  }

  @Test
  void aContextRejectsBadTypeNamesAndInvalidSchemas() {
    LanguageContext context = LanguageContext.of(new FakeExpressions());
    assertThatThrownBy(() -> context.withStepType("tool", Map.of()))
        .hasMessage("'tool' is a built-in step type");
    assertThatThrownBy(() -> context.withStepType("my type", Map.of()))
        .hasMessage("invalid step type name 'my type'");
    assertThatThrownBy(() -> new WorkflowLoader(context.withStepType("x", Map.of("type", 12))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the config schema of step type 'x' is invalid");
    assertThat(context.knownTypes()).endsWith("task").contains("tool", "start");
  }
}

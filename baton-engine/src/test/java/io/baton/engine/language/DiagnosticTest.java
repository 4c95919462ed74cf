package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  private static Diagnostic error(String file, int line, int column, String stepId, String hint) {
    return new Diagnostic(
        Severity.ERROR,
        "unknown-step-reference",
        "\"dependsOn\" names step \"aa\", which does not exist",
        file,
        line,
        column,
        "/steps/3/dependsOn/0",
        stepId,
        hint);
  }

  @Test
  void printsFileLineColumnPointerStepSeverityCodeMessageAndHint() {
    assertThat(error("flow.yaml", 12, 5, "b", "did you mean \"a\"?"))
        .hasToString(
            "flow.yaml:12:5 /steps/3/dependsOn/0 [step \"b\"] error unknown-step-reference: "
                + "\"dependsOn\" names step \"aa\", which does not exist (did you mean \"a\"?)");
  }

  @Test
  void leavesOutWhatIsUnknown() {
    assertThat(error(null, 0, 0, null, null))
        .hasToString(
            "/steps/3/dependsOn/0 error unknown-step-reference: \"dependsOn\" names step \"aa\", which does"
                + " not exist");
    assertThat(error("flow.yaml", 0, 0, null, null).location()).isEqualTo("flow.yaml");
    Diagnostic whole =
        new Diagnostic(Severity.WARNING, "syntax", "empty", "f.yaml", 1, 1, null, null, null);
    assertThat(whole).hasToString("f.yaml:1:1 warning syntax: empty");
    assertThat(whole.pointer()).isEmpty();
  }

  @Test
  void theExceptionListsEveryDiagnosticAndCountsThem() {
    Diagnostic warning =
        new Diagnostic(
            Severity.WARNING, "not-upstream", "reads x", "f.yaml", 3, 1, "/steps/1", "b", null);
    DefinitionInvalidException e =
        new DefinitionInvalidException(List.of(error("f.yaml", 2, 1, "a", null), warning));
    assertThat(e.getMessage())
        .startsWith("workflow definition is invalid (1 error, 1 warning):\n  f.yaml:2:1 ")
        .endsWith("\n  f.yaml:3:1 /steps/1 [step \"b\"] warning not-upstream: reads x");
    assertThat(e.errors()).hasSize(1);
    assertThat(e.diagnostics()).hasSize(2);
  }

  @Test
  void aLoadResultWithErrorsThrowsAndOneWithWarningsDoesNot() {
    LoadResult broken = new LoadResult(null, List.of(error("f", 1, 1, null, null)), "baton");
    assertThat(broken.hasErrors()).isTrue();
    assertThatThrownBy(broken::orThrow)
        .isInstanceOf(DefinitionInvalidException.class)
        .hasMessageContaining("(1 error)");
    LoadResult fine = Loading.yaml("id: w\nsteps: [{id: a, type: tool, tool: t}]");
    assertThat(fine.orThrow().id()).isEqualTo("w");
    assertThat(fine.sourceFormat()).isEqualTo("baton");
  }

  @Test
  void codesAreStableAndListed() {
    assertThat(DiagnosticCodes.ALL)
        .doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[a-z]+(-[a-z]+)*"));
    assertThat(DiagnosticCodes.ALL).hasSize(23);
  }
}

package io.baton.engine.language.imports;

import static io.baton.engine.language.Conformance.only;
import static io.baton.engine.language.Conformance.parse;
import static io.baton.engine.language.Conformance.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.JoinMode;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.Conformance;
import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.LoadResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's MPLP {@code WorkflowDefinition}: {@code workflowId}, {@code steps}, {@code
 * dependencies}.
 */
class MplpDefinitionImportTest {

  @Test
  void theSequentialWorkflowChainsItsDependencies() {
    LoadResult r = Conformance.load("mplp-sequential.json");
    WorkflowDefinition d = r.definition();
    assertThat(r.sourceFormat()).isEqualTo("mplp-definition");
    assertThat(d.metadata()).isEqualTo(Map.of("sourceFormat", "mplp-definition"));
    assertThat(d.id()).isEqualTo("seq-001");
    assertThat(d.name()).isEqualTo("顺序任务执行");
    assertThat(d.steps())
        .extracting(StepDef::id)
        .containsExactly("context-setup", "plan-creation", "role-assignment", "execution");
    assertThat(d.steps()).allSatisfy(s -> assertThat(s).isInstanceOf(ModuleStep.class));
    assertThat(step(d, "context-setup").common().dependsOn()).isEmpty();
    assertThat(step(d, "plan-creation").common().dependsOn()).containsExactly("context-setup");
    assertThat(step(d, "role-assignment").common().dependsOn()).containsExactly("plan-creation");
    assertThat(step(d, "execution").common().dependsOn()).containsExactly("role-assignment");
    ModuleStep first = (ModuleStep) d.steps().getFirst();
    assertThat(first.module()).isEqualTo("context");
    assertThat(first.operation()).isEqualTo("createContext");
    assertThat(d.expressionLanguage()).as("no conditions").isEqualTo("cel");
  }

  @Test
  void theParallelWorkflowFansOutAndMerges() {
    WorkflowDefinition d = Conformance.load("mplp-parallel.json").definition();
    assertThat(step(d, "plan-a").common().dependsOn()).containsExactly("context-setup");
    assertThat(step(d, "plan-b").common().dependsOn()).containsExactly("context-setup");
    assertThat(step(d, "merge-results").common().dependsOn()).containsExactly("plan-a", "plan-b");
    assertThat(((ModuleStep) step(d, "merge-results")).operation()).isEqualTo("mergeResults");
  }

  @Test
  void theConditionalWorkflowRunsInArrayOrderWithJavaScriptConditionsAndAlwaysJoins() {
    WorkflowDefinition d = Conformance.load("mplp-conditional.json").definition();
    assertThat(d.expressionLanguage()).isEqualTo("javascript");
    assertThat(d.steps())
        .extracting(StepDef::id)
        .containsExactly("evaluation", "path-a", "path-b", "finalization");
    assertThat(step(d, "path-a").common().dependsOn()).containsExactly("evaluation");
    assertThat(step(d, "path-b").common().dependsOn()).containsExactly("path-a");
    assertThat(step(d, "finalization").common().dependsOn()).containsExactly("path-b");
    assertThat(step(d, "evaluation").common().when()).isNull();
    assertThat(step(d, "path-a").common().when()).isEqualTo("result === \"A\"");
    assertThat(step(d, "path-b").common().when()).isEqualTo("result === \"B\"");
    assertThat(d.steps()).allSatisfy(s -> assertThat(s.common().join()).isEqualTo(JoinMode.ALWAYS));
  }

  @Test
  void aDependencyOnAnUnknownStepPointsAtItsFromOrTo() {
    LoadResult r =
        parse(
            """
            {"workflowId": "w", "steps": [
              {"stepId": "a", "module": "core", "action": "x"},
              {"stepId": "b", "module": "core", "action": "y"}
            ], "dependencies": [
              {"from": "aa", "to": "b"},
              {"from": "a", "to": "bb"}
            ]}
            """,
            "def.json");
    assertThat(Loading.all(r, "unknown-step-reference"))
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::hint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/dependencies/0/from", 5, "did you mean \"a\"?"),
            org.assertj.core.groups.Tuple.tuple("/dependencies/1/to", 6, "did you mean \"b\"?"));
  }

  @Test
  void stepProblemsPointIntoTheMplpSteps() {
    LoadResult r =
        parse(
            """
            {"workflowId": "w", "steps": [
              {"stepId": "a", "module": "core", "action": "x", "condition": "result @@ 1"},
              {"module": "core", "action": "y"},
              {"stepId": "a", "module": "core", "actoin": "z"}
            ]}
            """,
            "def.json");
    Diagnostic invalid = only(r, "invalid-expression");
    assertThat(invalid.pointer()).isEqualTo("/steps/0/condition");
    assertThat(invalid.column()).as("at @@").isEqualTo(73);
    assertThat(Loading.all(r, "missing-field"))
        .extracting(Diagnostic::pointer)
        .containsExactly("/steps/1", "/steps/2/action");
    assertThat(only(r, "duplicate-id").pointer()).isEqualTo("/steps/2/stepId");
    assertThat(only(r, "unknown-field").hint()).isEqualTo("did you mean \"action\"?");
  }

  /** Diagnostic lookups by code. */
  private static final class Loading {
    static java.util.List<Diagnostic> all(LoadResult r, String code) {
      return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }
  }
}

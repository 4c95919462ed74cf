package io.baton.engine.language;

import static io.baton.engine.language.Loading.LOADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Definitions built in Java get the same checks, with pointers into the native layout and no lines.
 */
class ValidateDefinitionTest {
  private static WorkflowDefinition workflow(StepDef... steps) {
    return new WorkflowDefinition(
        "w", null, null, null, null, null, List.of(steps), null, null, null);
  }

  private static StepCommon common(String id, String... deps) {
    return StepCommon.of(id).withDependsOn(List.of(deps));
  }

  @Test
  void aSoundDefinitionHasNoDiagnostics() {
    assertThat(
            LOADER.validate(
                workflow(new ToolStep(common("a"), "t"), new ToolStep(common("b", "a"), "t"))))
        .isEmpty();
  }

  @Test
  void problemsHaveCanonicalPointersButNoFileOrLine() {
    WorkflowDefinition d =
        workflow(
            new ToolStep(common("a", "b"), "t"),
            new ToolStep(common("b", "a"), null),
            new ParallelStep(
                common("p"),
                List.of(new Branch("x", List.of(new ToolStep(common("a2", "zz"), "t")))),
                null));
    List<Diagnostic> found = LOADER.validate(d);
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::pointer, Diagnostic::stepId)
        .containsExactlyInAnyOrder(
            tuple("missing-field", "/steps/1/tool", "b"),
            tuple("unknown-step-reference", "/steps/2/branches/0/steps/0/dependsOn/0", "a2"),
            tuple("cycle", "/steps/0/dependsOn/0", "a"));
    assertThat(found)
        .allSatisfy(
            x -> {
              assertThat(x.file()).isNull();
              assertThat(x.line()).isZero();
              assertThat(x.column()).isZero();
            });
    assertThat(found.get(0).toString()).doesNotContain("null");
  }

  @Test
  void everyShapeRuleAppliesToJavaDefinitions() {
    WorkflowDefinition d =
        workflow(
            new WaitStep(common("w1"), null, null, null),
            new MapStep(common("m"), null, "1x", 0, List.of(), null),
            new ConditionStep(common("c"), null, List.of(), List.of()),
            new CustomStep(common("x"), "nope", Map.of()),
            new ToolStep(
                new StepCommon(
                    "bad id",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ErrorPolicy.goTo("gone"),
                    null,
                    null,
                    null),
                "t"));
    assertThat(LOADER.validate(d))
        .extracting(Diagnostic::code, Diagnostic::pointer)
        .containsExactly(
            tuple("invalid-id", "/steps/4/id"),
            tuple("unknown-step-type", "/steps/3/type"),
            tuple("missing-field", "/steps/0"),
            tuple("missing-field", "/steps/1/items"),
            tuple("missing-field", "/steps/1/steps"),
            tuple("invalid-value", "/steps/1/as"),
            tuple("missing-field", "/steps/2/condition"),
            tuple("unknown-step-reference", "/steps/4/onError/goto"));
  }

  @Test
  void aCustomStepCannotTakeABuiltInTypeName() {
    List<Diagnostic> found =
        LOADER.validate(workflow(new CustomStep(common("a"), "tool", Map.of("tool", "t"))));
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("invalid-value");
              assertThat(d.pointer()).isEqualTo("/steps/0/type");
              assertThat(d.message())
                  .isEqualTo("\"tool\" is a built-in step type, but this step is a CustomStep");
            });
  }

  @Test
  void anEmptyWorkflowIdAndNoStepsAreMissing() {
    WorkflowDefinition d =
        new WorkflowDefinition("", null, null, null, null, null, List.of(), null, null, null);
    assertThat(LOADER.validate(d))
        .extracting(Diagnostic::code, Diagnostic::pointer)
        .containsExactly(tuple("missing-field", "/id"), tuple("missing-field", "/steps"));
  }
}

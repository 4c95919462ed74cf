package io.baton.engine.language;

import static io.baton.engine.language.Loading.LOADER;
import static io.baton.engine.language.Loading.all;
import static io.baton.engine.language.Loading.clean;
import static io.baton.engine.language.Loading.json;
import static io.baton.engine.language.Loading.only;
import static io.baton.engine.language.Loading.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.baton.api.definition.EndStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expressions and templates: syntax, the steps they read, and whether those have run. */
class ExpressionDiagnosticsTest {

  @Test
  void anInvalidExpressionIsLocatedInsideAPlainScalar() {
    LoadResult r =
        yaml("id: w\nsteps:\n  - id: a\n    type: tool\n    tool: t\n    when: inputs.x @@ 1\n");
    Diagnostic d = only(r, "invalid-expression");
    assertThat(d.message()).isEqualTo("invalid expression in \"when\": unexpected '@@'");
    assertThat(d.pointer()).isEqualTo("/steps/0/when");
    assertThat(d.stepId()).isEqualTo("a");
    assertThat(d.line()).isEqualTo(6);
    assertThat(d.column()).isEqualTo(11 + "inputs.x ".length());
  }

  @Test
  void anInvalidExpressionIsLocatedInsideAQuotedScalar() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: c, type: condition, condition: "(inputs.x > 1", then: [d]}
              - {id: d, type: tool, tool: t}
            """);
    Diagnostic d = only(r, "invalid-expression");
    assertThat(d.message()).isEqualTo("invalid expression in \"condition\": missing ')'");
    assertThat(d.pointer()).isEqualTo("/steps/0/condition");
    assertThat(d.column()).as("after the quote at 41").isEqualTo(41 + 1 + "(inputs.x > 1".length());
  }

  @Test
  void anInvalidExpressionInABlockScalarIsLocatedAtItsStart() {
    LoadResult r =
        yaml(
            "id: w\nsteps:\n  - id: s\n    type: switch\n    value: |\n      a @@ b\n    cases: [{equals: 1}]\n");
    Diagnostic d = only(r, "invalid-expression");
    assertThat(d.line()).isEqualTo(5);
    assertThat(d.column()).isEqualTo(12);
  }

  @Test
  void anInvalidExpressionIsLocatedInJsonToo() {
    LoadResult r =
        json(
            """
            {"id": "w", "steps": [
              {"id": "a", "type": "tool", "tool": "t", "when": "x @@ y"}
            ]}
            """);
    Diagnostic d = only(r, "invalid-expression");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(52 + 1 + 2);
    assertThat(d.file()).isEqualTo("flow.json");
  }

  @Test
  void everyExpressionFieldIsChecked() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: s, type: switch, value: "@@", cases: [{when: "@@", next: [l]}]}
              - {id: l, type: loop, while: "@@", until: "@@", steps: [{id: b, type: tool, tool: t}]}
              - {id: m, type: map, items: "@@", steps: [{id: c, type: tool, tool: t}]}
              - {id: t, type: transform, expression: "@@"}
            """);
    assertThat(all(r.diagnostics(), "invalid-expression"))
        .extracting(Diagnostic::pointer)
        .containsExactly(
            "/steps/0/value",
            "/steps/0/cases/0/when",
            "/steps/1/while",
            "/steps/1/until",
            "/steps/2/items",
            "/steps/3/expression");
  }

  @Test
  void aMalformedTemplateIsAnInvalidTemplate() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: a
                type: tool
                tool: t
                input:
                  list: [ok, "id ${inputs.id"]
            """);
    Diagnostic d = only(r, "invalid-template");
    assertThat(d.message()).isEqualTo("invalid template in \"input\": unclosed placeholder");
    assertThat(d.pointer()).isEqualTo("/steps/0/input/list/1");
    assertThat(d.line()).isEqualTo(7);
    assertThat(d.column()).isEqualTo(18 + 1 + 3);
    assertThat(d.stepId()).isEqualTo("a");
  }

  @Test
  void aTemplateReadingAStepThatDoesNotExistIsAnError() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: fetch, type: tool, tool: t}
              - id: use
                type: tool
                tool: t
                dependsOn: [fetch]
                input: {x: "${steps.fecth.output}"}
            """);
    Diagnostic d = only(r, "unknown-step-reference");
    assertThat(d.message()).isEqualTo("\"input\" reads step \"fecth\", which does not exist");
    assertThat(d.hint()).isEqualTo("did you mean \"fetch\"?");
    assertThat(d.pointer()).isEqualTo("/steps/1/input/x");
    assertThat(d.line()).isEqualTo(8);
    assertThat(d.column()).as("at \"steps\"").isEqualTo(19);
    assertThat(d.stepId()).isEqualTo("use");
  }

  @Test
  void anExpressionReadingAStepOfAnotherBranchIsAnError() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: p
                type: parallel
                branches:
                  - {id: x, steps: [{id: a, type: tool, tool: t}]}
                  - {id: y, steps: [{id: b, type: tool, tool: t, when: steps.a.output.ok}]}
            """);
    Diagnostic d = only(r, "unknown-step-reference");
    assertThat(d.message()).isEqualTo("\"when\" reads step \"a\", which is not visible from here");
    assertThat(d.hint()).startsWith("\"a\" is inside \"p\"");
    assertThat(d.pointer()).isEqualTo("/steps/0/branches/1/steps/0/when");
    assertThat(d.stepId()).isEqualTo("b");
  }

  @Test
  void readingAStepThatIsNotUpstreamIsAWarning() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: a, type: tool, tool: t}
              - {id: b, type: tool, tool: t, input: {x: "${steps.a.output}"}}
            """);
    Diagnostic d = only(r, "not-upstream");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message())
        .isEqualTo(
            "\"input\" reads step \"a\", which is not upstream of \"b\" and may not have run yet");
    assertThat(d.hint()).isEqualTo("add \"a\" (or a step after it) to the dependsOn of \"b\"");
    assertThat(d.pointer()).isEqualTo("/steps/1/input/x");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.column()).as("at \"steps\"").isEqualTo(48);
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void upstreamFollowsDependenciesTransitivelyBranchTargetsAndContainers() {
    clean(
        yaml(
            """
            id: w
            steps:
              - {id: a, type: tool, tool: t}
              - {id: b, type: tool, tool: t, dependsOn: [a]}
              - {id: c, type: condition, dependsOn: [b], condition: steps.a.output.ok, then: [d]}
              - {id: d, type: tool, tool: t, input: {x: "${steps.a.output}"}}
              - id: each
                type: map
                dependsOn: [d]
                items: steps.a.output.list
                steps:
                  - {id: inner, type: tool, tool: t, input: {x: "${steps.b.output}"}}
                result: ${steps.inner.output}
              - id: again
                type: loop
                dependsOn: [each]
                until: steps.probe.output.done
                steps:
                  - {id: probe, type: tool, tool: t}
            outputs: {last: "${steps.again.output}"}
            """));
  }

  @Test
  void aLoopConditionReadingAStepMissingFromItsBodyIsAnError() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: again
                type: loop
                until: steps.prbe.output.done
                steps: [{id: probe, type: tool, tool: t}]
            """);
    Diagnostic d = only(r, "unknown-step-reference");
    assertThat(d.hint()).isEqualTo("did you mean \"probe\"?");
    assertThat(d.column()).isEqualTo(12);
  }

  @Test
  void theWorkflowOutputsMayReadOnlyTopLevelSteps() {
    LoadResult r =
        yaml(
            """
            id: w
            outputs: {a: "${steps.nope.output}", b: "${steps.inner.output}"}
            steps:
              - {id: m, type: map, items: inputs.list, steps: [{id: inner, type: tool, tool: t}]}
            """);
    assertThat(all(r.diagnostics(), "unknown-step-reference"))
        .extracting(Diagnostic::pointer, Diagnostic::stepId)
        .containsExactly(tuple("/outputs/a", null), tuple("/outputs/b", null));
    assertThat(r.diagnostics()).noneMatch(d -> d.code().equals("not-upstream"));
  }

  @Test
  void aMapsItemsAreATemplateWhenTheyHoldAPlaceholder() {
    LoadResult r =
        yaml(
            "id: w\nsteps:\n  - {id: m, type: map, items: \"${steps.zz.output}\", steps: [{id: b, type: tool, tool: t}]}\n");
    assertThat(only(r, "unknown-step-reference").message())
        .startsWith("\"items\" reads step \"zz\"");
  }

  @Test
  void anUnknownExpressionLanguageIsReportedOnceWhenExpressionsAreUsed() {
    LoadResult r =
        yaml(
            """
            id: w
            expressionLanguage: cell
            steps:
              - {id: a, type: tool, tool: t, when: "x"}
              - {id: b, type: tool, tool: t, when: "@@"}
            """);
    Diagnostic d = only(r, "unknown-expression-language");
    assertThat(d.message())
        .isEqualTo("the expression language \"cell\" is not available; available: cel, javascript");
    assertThat(d.hint()).isEqualTo("did you mean \"cel\"?");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(21);
    assertThat(r.diagnostics()).noneMatch(x -> x.code().equals("invalid-expression"));
    clean(yaml("id: w\nexpressionLanguage: cell\nsteps: [{id: a, type: tool, tool: t}]\n"));
  }

  @Test
  void aNullInsideATemplateIsAPlainValueAndTheRestIsStillChecked() {
    clean(
        yaml(
            """
            id: w
            steps:
              - {id: a, type: tool, tool: t}
              - id: done
                type: end
                dependsOn: [a]
                output: {deployed: null, tags: [null, "${steps.a.output}"]}
            outputs: {missing: null}
            """));

    Map<String, Object> output = new HashMap<>();
    output.put("deployed", null);
    output.put("tags", Arrays.asList(null, "${steps.zz.output}"));
    WorkflowDefinition d =
        new WorkflowDefinition(
            "w",
            null,
            null,
            null,
            null,
            null,
            List.of(
                new ToolStep(StepCommon.of("a"), "t"),
                new EndStep(StepCommon.of("done").withDependsOn(List.of("a")), output)),
            null,
            null,
            null);
    Diagnostic unknown = only(LOADER.validate(d), "unknown-step-reference");
    assertThat(unknown.pointer()).isEqualTo("/steps/1/output/tags/1");
    assertThat(unknown.stepId()).isEqualTo("done");
  }
}

package io.baton.engine.language;

import static io.baton.engine.language.Loading.all;
import static io.baton.engine.language.Loading.only;
import static io.baton.engine.language.Loading.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** Ids, references between steps, cycles and reachability. */
class GraphDiagnosticsTest {

  @Test
  void stepIdsMayOnlyHoldLettersDigitsDashAndUnderscore() {
    Diagnostic d =
        only(yaml("id: w\nsteps:\n  - {id: my step, type: tool, tool: t}\n"), "invalid-id");
    assertThat(d.message())
        .isEqualTo("the step id \"my step\" may only hold letters, digits, \"-\" and \"_\"");
    assertThat(d.hint()).isEqualTo("write \"my-step\"");
    assertThat(d.pointer()).isEqualTo("/steps/0/id");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(10);
    assertThat(d.stepId()).isEqualTo("my step");
  }

  @Test
  void duplicateIdsAreFoundAcrossNestingLevels() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: a, type: tool, tool: t}
              - id: each
                type: map
                items: inputs.list
                steps:
                  - {id: a, type: tool, tool: t}
            """);
    Diagnostic d = only(r, "duplicate-id");
    assertThat(d.message()).isEqualTo("the step id \"a\" is used more than once in the workflow");
    assertThat(d.pointer()).isEqualTo("/steps/1/steps/0/id");
    assertThat(d.line()).isEqualTo(8);
    assertThat(d.column()).isEqualTo(14);
    assertThat(d.stepId()).isEqualTo("a");
  }

  @Test
  void branchIdsAreUniqueWithinTheirParallelStep() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: p
                type: parallel
                branches:
                  - {id: x, steps: [{id: a, type: tool, tool: t}]}
                  - {id: x, steps: [{id: b, type: tool, tool: t}]}
                  - {id: "y y", steps: [{id: c, type: tool, tool: t}]}
            """);
    Diagnostic dup = only(r, "duplicate-id");
    assertThat(dup.message())
        .isEqualTo("the branch id \"x\" is used more than once in this parallel step");
    assertThat(dup.pointer()).isEqualTo("/steps/0/branches/1/id");
    assertThat(dup.line()).isEqualTo(7);
    assertThat(dup.stepId()).isEqualTo("p");
    assertThat(only(r, "invalid-id").pointer()).isEqualTo("/steps/0/branches/2/id");
  }

  @Test
  void unknownStepTypesListTheKnownOnes() {
    Diagnostic d =
        only(yaml("id: w\nsteps:\n  - {id: a, type: tol, tool: t}\n"), "unknown-step-type");
    assertThat(d.message())
        .startsWith(
            "unknown step type \"tol\"; the known types are: start, end, condition, switch,")
        .endsWith("module, tool, task");
    assertThat(d.hint()).isEqualTo("did you mean \"tool\"?");
    assertThat(d.pointer()).isEqualTo("/steps/0/type");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(19);
    assertThat(d.stepId()).isEqualTo("a");
  }

  @Test
  void dependenciesMustNameSiblings() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: a, type: tool, tool: t}
              - id: b
                type: tool
                tool: t
                dependsOn: [aa, inner]
              - id: p
                type: parallel
                steps:
                  - {id: inner, type: tool, tool: t, dependsOn: a}
            """);
    var refs = all(r.diagnostics(), "unknown-step-reference");
    assertThat(refs)
        .extracting(Diagnostic::pointer, Diagnostic::message, Diagnostic::hint)
        .containsExactly(
            tuple(
                "/steps/1/dependsOn/0",
                "\"dependsOn\" names step \"aa\", which does not exist",
                "did you mean \"a\"?"),
            tuple(
                "/steps/1/dependsOn/1",
                "\"dependsOn\" names step \"inner\", which is not in the same list of steps as \"b\"",
                "\"inner\" is inside \"p\"; only sibling steps can be named here"),
            tuple(
                "/steps/2/steps/0/dependsOn/0",
                "\"dependsOn\" names step \"a\", which is not in the same list of steps as \"inner\"",
                "\"a\" is a top-level step; only sibling steps can be named here"));
    assertThat(refs.get(0).line()).isEqualTo(7);
    assertThat(refs.get(0).column()).isEqualTo(17);
    assertThat(refs.get(1).column()).isEqualTo(21);
    assertThat(refs.get(2).stepId()).isEqualTo("inner");
  }

  @Test
  void branchTargetsAndFallbacksMustNameSiblings() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: c, type: condition, condition: "true", then: [yes], else: [no]}
              - {id: s, type: switch, value: "1", cases: [{equals: 1, next: [one]}], default: [other]}
              - {id: f, type: tool, tool: t, onError: {goto: rescue}}
              - {id: yes, type: tool, tool: t}
            """);
    assertThat(all(r.diagnostics(), "unknown-step-reference"))
        .extracting(Diagnostic::pointer, Diagnostic::stepId)
        .containsExactly(
            tuple("/steps/0/else/0", "c"),
            tuple("/steps/1/cases/0/next/0", "s"),
            tuple("/steps/1/default/0", "s"),
            tuple("/steps/2/onError/goto", "f"));
    assertThat(all(r.diagnostics(), "unknown-step-reference").get(3).message())
        .isEqualTo("\"onError.goto\" names step \"rescue\", which does not exist");
  }

  @Test
  void aCycleIsPrintedFromItsFirstStep() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: a, type: tool, tool: t, dependsOn: [c]}
              - {id: b, type: tool, tool: t, dependsOn: [a]}
              - {id: c, type: tool, tool: t, dependsOn: [b]}
              - {id: d, type: tool, tool: t, dependsOn: [c]}
            """);
    Diagnostic d = only(r, "cycle");
    assertThat(d.message()).isEqualTo("steps wait for each other in a cycle: a -> b -> c -> a");
    assertThat(d.hint()).contains("\"x -> y\" means y waits for x");
    assertThat(d.pointer()).isEqualTo("/steps/0/dependsOn/0");
    assertThat(d.stepId()).isEqualTo("a");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(46);
  }

  @Test
  void conditionTargetsAndGotoTargetsAreEdgesOfCycles() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: check, type: condition, condition: "true", dependsOn: [work], then: [work]}
              - {id: work, type: tool, tool: t}
              - {id: prepare, type: tool, tool: t}
              - {id: job, type: tool, tool: t, dependsOn: [prepare], onError: {goto: prepare}}
              - {id: self, type: tool, tool: t, dependsOn: [self]}
            """);
    assertThat(all(r.diagnostics(), "cycle"))
        .extracting(Diagnostic::message, Diagnostic::pointer)
        .containsExactly(
            tuple(
                "steps wait for each other in a cycle: check -> work -> check",
                "/steps/0/dependsOn/0"),
            tuple(
                "steps wait for each other in a cycle: prepare -> job -> prepare",
                "/steps/3/onError/goto"),
            tuple("steps wait for each other in a cycle: self -> self", "/steps/4/dependsOn/0"));
  }

  @Test
  void aStepAfterAnEndStepCanNeverRun() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: done, type: end}
              - {id: late, type: tool, tool: t, dependsOn: [done]}
            """);
    Diagnostic d = only(r, "unreachable");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message())
        .isEqualTo(
            "step \"late\" depends on the end step \"done\" and can never run: the run ends when \"done\" runs");
    assertThat(d.pointer()).isEqualTo("/steps/1/dependsOn/0");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.column()).isEqualTo(49);
    assertThat(d.stepId()).isEqualTo("late");
  }

  @Test
  void withAStartStepTheStepsThatDoNotFollowItAreWarnedAbout() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - {id: begin, type: start}
              - {id: a, type: tool, tool: t, dependsOn: begin}
              - {id: stray, type: tool, tool: t}
              - {id: after-stray, type: tool, tool: t, dependsOn: stray}
              - {id: c, type: condition, condition: "true", dependsOn: a, then: [picked]}
              - {id: picked, type: tool, tool: t}
            """);
    Diagnostic d = only(r, "unreachable");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).startsWith("step \"stray\" does not follow the start step \"begin\"");
    assertThat(d.pointer()).isEqualTo("/steps/2");
    assertThat(d.line()).isEqualTo(5);
    assertThat(d.column()).isEqualTo(5);
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void aStartStepCannotDependOnOthers() {
    Diagnostic d =
        only(
            yaml(
                "id: w\nsteps:\n  - {id: a, type: tool, tool: t}\n  - {id: s, type: start, dependsOn: a}\n"),
            "invalid-value");
    assertThat(d.message()).isEqualTo("a start step cannot depend on other steps");
    assertThat(d.pointer()).isEqualTo("/steps/1/dependsOn");
  }
}

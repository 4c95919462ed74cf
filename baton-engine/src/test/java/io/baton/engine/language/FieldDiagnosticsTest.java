package io.baton.engine.language;

import static io.baton.engine.language.Loading.all;
import static io.baton.engine.language.Loading.only;
import static io.baton.engine.language.Loading.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Diagnostics about single fields: unknown, missing, of the wrong type, out of range. */
class FieldDiagnosticsTest {

  @Test
  void unknownFieldIsReportedAtItsKeyWithTheNearestField() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: a
                type: tool
                tool: t
                dependson: [b]
              - {id: b, type: tool, tool: t}
            """);
    Diagnostic d = only(r, "unknown-field");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.line()).isEqualTo(6);
    assertThat(d.column()).isEqualTo(5);
    assertThat(d.pointer()).isEqualTo("/steps/0/dependson");
    assertThat(d.stepId()).isEqualTo("a");
    assertThat(d.message()).isEqualTo("a tool step has no field \"dependson\"");
    assertThat(d.hint()).isEqualTo("did you mean \"dependsOn\"?");
    assertThat(d)
        .hasToString(
            "flow.yaml:6:5 /steps/0/dependson [step \"a\"] error unknown-field: a tool step has no field"
                + " \"dependson\" (did you mean \"dependsOn\"?)");
  }

  @Test
  void unknownFieldsAreFoundAtEveryLevel() {
    LoadResult r =
        yaml(
            """
            id: w
            stepz: []
            policies: {timeot: 5s}
            steps:
              - id: a
                type: tool
                tool: t
                retry: {maxRetries: 1, backof: fixed}
                resources: [{pool: p, amont: 1}]
                onError: {goto: b, else: x}
              - id: b
                type: switch
                value: "1"
                cases: [{equal: 1, next: [a]}]
            """);
    assertThat(all(r.diagnostics(), "unknown-field"))
        .extracting(Diagnostic::pointer, Diagnostic::hint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/stepz", "did you mean \"steps\"?"),
            org.assertj.core.groups.Tuple.tuple("/policies/timeot", "did you mean \"timeout\"?"),
            org.assertj.core.groups.Tuple.tuple(
                "/steps/0/retry/backof", "did you mean \"backoff\"?"),
            org.assertj.core.groups.Tuple.tuple(
                "/steps/0/resources/0/amont", "did you mean \"amount\"?"),
            org.assertj.core.groups.Tuple.tuple("/steps/0/onError/else", null),
            org.assertj.core.groups.Tuple.tuple(
                "/steps/1/cases/0/equal", "did you mean \"equals\"?"));
  }

  @Test
  void aStepWithoutIdOrTypeIsMissingThem() {
    LoadResult r = yaml("id: w\nsteps:\n  - type: tool\n    tool: t\n  - id: b\n    tool: t\n");
    var missing = all(r.diagnostics(), "missing-field");
    assertThat(missing).hasSize(2);
    assertThat(missing.get(0).message()).isEqualTo("a step needs an \"id\"");
    assertThat(missing.get(0).line()).isEqualTo(3);
    assertThat(missing.get(0).column()).isEqualTo(5);
    assertThat(missing.get(0).pointer()).isEqualTo("/steps/0");
    assertThat(missing.get(0).stepId()).isNull();
    assertThat(missing.get(1).message()).isEqualTo("a step needs a \"type\"");
    assertThat(missing.get(1).pointer()).isEqualTo("/steps/1");
    assertThat(missing.get(1).stepId()).isEqualTo("b");
  }

  @Test
  void aMissingTypeSpecificFieldPointsWhereItBelongs() {
    Diagnostic d = only(yaml("id: w\nsteps:\n  - id: a\n    type: tool\n"), "missing-field");
    assertThat(d.pointer()).isEqualTo("/steps/0/tool");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(5);
    assertThat(d.stepId()).isEqualTo("a");
    assertThat(d.message()).isEqualTo("a tool step needs \"tool\"");
  }

  @Test
  void aWorkflowWithoutIdOrStepsIsMissingThem() {
    LoadResult r = yaml("name: nothing\n");
    assertThat(all(r.diagnostics(), "missing-field"))
        .extracting(Diagnostic::pointer, Diagnostic::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/id", "a workflow needs an \"id\""),
            org.assertj.core.groups.Tuple.tuple(
                "/steps", "a workflow needs at least one step in \"steps\""));
    assertThat(r.definition()).isNotNull();
    assertThat(r.definition().steps()).isEmpty();
  }

  @Test
  void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: a
                type: tool
                tool: [t]
                input: "text"
                dependsOn: {x: 1}
                priority: 3
            """);
    var wrong = all(r.diagnostics(), "wrong-type");
    assertThat(wrong)
        .extracting(Diagnostic::message)
        .containsExactly(
            "expected a string for \"tool\", found a list",
            "expected an object for \"input\", found the string \"text\"",
            "expected a step id or a list of step ids for \"dependsOn\", found an object",
            "expected one of critical, high, medium, low, background for \"priority\", found the number 3");
    assertThat(wrong.get(0).line()).isEqualTo(5);
    assertThat(wrong.get(0).column()).isEqualTo(11);
    assertThat(wrong.get(0).pointer()).isEqualTo("/steps/0/tool");
    assertThat(wrong.get(0).stepId()).isEqualTo("a");
  }

  @Test
  void aStepThatIsNotAnObjectIsTheWrongType() {
    Diagnostic d = only(yaml("id: w\nsteps:\n  - just-a-name\n"), "wrong-type");
    assertThat(d.message())
        .isEqualTo("expected a step (an object), found the string \"just-a-name\"");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(5);
  }

  @Test
  void aDocumentThatIsNotAnObjectIsTheWrongType() {
    Diagnostic d = only(yaml("- a\n- b\n"), "wrong-type");
    assertThat(d.message()).isEqualTo("expected a workflow (an object), found a list");
    assertThat(d.pointer()).isEmpty();
  }

  @Test
  void invalidDurationsGetAHint() {
    LoadResult r =
        yaml(
            "id: w\nsteps:\n  - id: a\n    type: tool\n    tool: t\n    timeout: 30\n  - {id: b, type: wait, duration: 5 minutes}\n");
    var invalid = all(r.diagnostics(), "invalid-duration");
    assertThat(invalid).hasSize(2);
    assertThat(invalid.get(0).message())
        .isEqualTo("\"timeout\" must be a duration, found the number 30");
    assertThat(invalid.get(0).hint()).isEqualTo("write 30s, or 30ms: a duration needs a unit");
    assertThat(invalid.get(0).line()).isEqualTo(6);
    assertThat(invalid.get(0).column()).isEqualTo(14);
    assertThat(invalid.get(0).pointer()).isEqualTo("/steps/0/timeout");
    assertThat(invalid.get(1).stepId()).isEqualTo("b");
    assertThat(invalid.get(1).hint()).contains("500ms, 30s");
  }

  @Test
  void invalidEnumsListTheAllowedValuesAndTheNearest() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: a
                type: parallel
                mode: all-setled
                join: every
                steps: [{id: b, type: tool, tool: t, priority: hihg}]
            """);
    var invalid = all(r.diagnostics(), "invalid-enum");
    assertThat(invalid)
        .extracting(Diagnostic::message)
        .containsExactly(
            "\"all-setled\" is not a valid \"mode\"; expected one of: allSettled, failFast",
            "\"every\" is not a valid \"join\"; expected one of: all, any, always",
            "\"hihg\" is not a valid \"priority\"; expected one of: critical, high, medium, low, background");
    assertThat(invalid)
        .extracting(Diagnostic::hint)
        .containsExactly("did you mean \"allSettled\"?", null, "did you mean \"high\"?");
    assertThat(invalid.get(0).line()).isEqualTo(5);
    assertThat(invalid.get(0).column()).isEqualTo(11);
    assertThat(invalid.get(2).stepId()).isEqualTo("b");
    assertThat(invalid.get(2).pointer()).isEqualTo("/steps/0/steps/0/priority");
  }

  @Test
  void onErrorMustBeFailContinueOrGoto() {
    Diagnostic d =
        only(
            yaml("id: w\nsteps:\n  - {id: a, type: tool, tool: t, onError: contnue}\n"),
            "invalid-enum");
    assertThat(d.message())
        .isEqualTo(
            "onError must be fail, continue or {goto: <step id>}; found the string \"contnue\"");
    assertThat(d.hint()).isEqualTo("did you mean \"continue\"?");
    Diagnostic missing =
        only(
            yaml("id: w\nsteps:\n  - {id: a, type: tool, tool: t, onError: {}}\n"),
            "missing-field");
    assertThat(missing.message()).contains("goto");
  }

  @Test
  void numbersOutOfRangeAreInvalidValues() {
    LoadResult r =
        yaml(
            """
            id: w
            policies: {maxConcurrency: -1}
            steps:
              - id: a
                type: tool
                tool: t
                retry: {maxRetries: 2, jitter: 1.5}
                resources: [{pool: gpu, amount: 0}]
              - {id: b, type: loop, maxIterations: 0, steps: [{id: c, type: tool, tool: t}]}
            """);
    assertThat(all(r.diagnostics(), "invalid-value"))
        .extracting(Diagnostic::pointer, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/policies/maxConcurrency", "\"maxConcurrency\" must be at least 0, was -1"),
            org.assertj.core.groups.Tuple.tuple(
                "/steps/0/retry/jitter", "\"jitter\" must be between 0.0 and 1.0, was 1.5"),
            org.assertj.core.groups.Tuple.tuple(
                "/steps/0/resources/0/amount", "\"amount\" must be at least 1, was 0"),
            org.assertj.core.groups.Tuple.tuple(
                "/steps/1/maxIterations", "\"maxIterations\" must be at least 1, was 0"));
  }

  @Test
  void conflictingFieldsAreReportedAtTheSecondOne() {
    LoadResult r =
        yaml(
            """
            id: w
            steps:
              - id: a
                type: wait
                duration: 5s
                event: done
              - {id: b, type: tool, tool: t, resources: [{pool: p, lock: l}]}
              - id: c
                type: parallel
                branches: [{id: x, steps: [{id: d, type: tool, tool: t}]}]
                steps: [{id: e, type: tool, tool: t}]
            """);
    var conflicts = all(r.diagnostics(), "conflicting-fields");
    assertThat(conflicts)
        .extracting(Diagnostic::message)
        .containsExactly(
            "a wait step has exactly one of \"duration\", \"until\", \"event\", but sets \"duration\" and \"event\"",
            "a resource request names a pool or a lock, not both",
            "a parallel step has \"branches\" or \"steps\" (one branch per step), not both");
    assertThat(conflicts.get(0).pointer()).isEqualTo("/steps/0/event");
    assertThat(conflicts.get(0).line()).isEqualTo(6);
    assertThat(conflicts.get(0).column()).isEqualTo(12);
    assertThat(conflicts.get(2).line()).isEqualTo(11);
    assertThat(conflicts.get(2).column()).isEqualTo(5);
  }

  @Test
  void aBooleanLiteralIsAcceptedAsAnExpression() {
    LoadResult r = yaml("id: w\nsteps:\n  - {id: a, type: tool, tool: t, when: false}\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.definition().steps().getFirst().common().when()).isEqualTo("false");
  }
}

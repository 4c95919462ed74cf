package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One smallest file per diagnostic code, so that no code exists that nothing produces. The detailed
 * tests of each code (line, column, pointer, message) are in the *DiagnosticsTest classes.
 */
class EveryCodeTest {
  private static final String TOOL = "{id: ok, type: tool, tool: t}";

  private static final Map<String, String> SAMPLES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("syntax", "id: [w"),
              Map.entry("file-too-large", "id: w\nsteps: [" + TOOL + "]\n#" + "x".repeat(300)),
              Map.entry(
                  "too-deep",
                  "id: w\nsteps: [" + TOOL + "]\nmetadata: {a: {b: {c: {d: {e: {}}}}}}"),
              Map.entry(
                  "too-many-steps",
                  "id: w\nsteps: ["
                      + TOOL
                      + ", {id: b, type: tool, tool: t}, {id: c, type: tool, tool: t}, {id: d, type: tool, tool: t}]"),
              Map.entry("duplicate-key", "id: w\nid: v\nsteps: [" + TOOL + "]"),
              Map.entry("unknown-field", "id: w\nstep: []\nsteps: [" + TOOL + "]"),
              Map.entry("missing-field", "id: w\nsteps: [{id: a, type: tool}]"),
              Map.entry("wrong-type", "id: w\nsteps: [{id: a, type: tool, tool: [t]}]"),
              Map.entry(
                  "invalid-value", "id: w\npolicies: {maxConcurrency: -2}\nsteps: [" + TOOL + "]"),
              Map.entry(
                  "invalid-enum", "id: w\nsteps: [{id: a, type: tool, tool: t, priority: urgent}]"),
              Map.entry(
                  "invalid-duration", "id: w\nsteps: [{id: a, type: tool, tool: t, timeout: 30}]"),
              Map.entry("invalid-id", "id: w\nsteps: [{id: a.b, type: tool, tool: t}]"),
              Map.entry("duplicate-id", "id: w\nsteps: [" + TOOL + ", " + TOOL + "]"),
              Map.entry("unknown-step-type", "id: w\nsteps: [{id: a, type: tool2}]"),
              Map.entry(
                  "unknown-step-reference",
                  "id: w\nsteps: [{id: a, type: tool, tool: t, dependsOn: zz}]"),
              Map.entry("cycle", "id: w\nsteps: [{id: a, type: tool, tool: t, dependsOn: a}]"),
              Map.entry(
                  "unreachable",
                  "id: w\nsteps: [{id: e, type: end}, {id: a, type: tool, tool: t, dependsOn: e}]"),
              Map.entry(
                  "not-upstream",
                  "id: w\nsteps: ["
                      + TOOL
                      + ", {id: a, type: tool, tool: t, when: steps.ok.output}]"),
              Map.entry(
                  "invalid-expression",
                  "id: w\nsteps: [{id: a, type: tool, tool: t, when: \"(\"}]"),
              Map.entry(
                  "invalid-template",
                  "id: w\nsteps: [{id: a, type: tool, tool: t, input: {x: \"${\"}}]"),
              Map.entry(
                  "unknown-expression-language",
                  "id: w\nexpressionLanguage: python\nsteps: [{id: a, type: tool, tool: t, when: x}]"),
              Map.entry(
                  "conflicting-fields",
                  "id: w\nsteps: [{id: a, type: transform, expression: x, value: 1}]"),
              Map.entry("invalid-config", "id: w\nsteps: [{id: a, type: task}]")));

  static Stream<Arguments> samples() {
    return SAMPLES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void everyCodeHasASample() {
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(DiagnosticCodes.ALL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theSampleProducesItsCodeAtAKnownPlace(String code, String text) {
    WorkflowLoader loader =
        new WorkflowLoader(
            LanguageContext.of(new FakeExpressions()).withLimits(new Limits(200, 5, 3)));
    LoadResult r = loader.parse(text, "sample.yaml");
    assertThat(r.diagnostics())
        .as(text)
        .anySatisfy(
            d -> {
              assertThat(d.code()).isEqualTo(code);
              assertThat(d.file()).isEqualTo("sample.yaml");
              assertThat(d.line()).isPositive();
              assertThat(d.column()).isPositive();
              assertThat(d.message()).isNotBlank();
            });
  }
}

package io.baton.engine.language;

import static io.baton.engine.language.Loading.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsTest {
  private static WorkflowLoader loader(Limits limits) {
    return new WorkflowLoader(LanguageContext.of(new FakeExpressions()).withLimits(limits));
  }

  @Test
  void theDefaultsAreTwoMebibytesSixtyFourLevelsTenThousandSteps() {
    assertThat(Limits.DEFAULTS).isEqualTo(new Limits(2 * 1024 * 1024, 64, 10_000));
    assertThatThrownBy(() -> new Limits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileOverTheSizeLimitIsNotRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "id: w\nsteps: []\n" + "#".repeat(200));
    LoadResult r = loader(new Limits(100, 64, 10)).load(file);
    Diagnostic d = only(r, "file-too-large");
    assertThat(d.message()).isEqualTo("the file has 216 bytes; the limit is 100 bytes");
    assertThat(d.file()).isEqualTo(file.toString());
    assertThat(d.line()).isEqualTo(1);
    assertThat(r.definition()).isNull();
    assertThat(r.sourceFormat()).isNull();
  }

  @Test
  void textOverTheSizeLimitIsNotParsed() {
    LoadResult r = loader(new Limits(10, 64, 10)).parse("id: workflow-with-a-long-name", "f.yaml");
    assertThat(only(r, "file-too-large").hint()).contains("Limits.maxFileBytes");
  }

  @Test
  void nestingOverTheDepthLimitIsTooDeep() {
    LoadResult r =
        loader(new Limits(1024, 4, 10))
            .parse("id: w\nsteps:\n  - id: a\n    input: {x: {y: 1}}\n", "f.yaml");
    Diagnostic d = only(r, "too-deep");
    assertThat(d.pointer()).isEqualTo("/steps/0/input/x");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.column()).isEqualTo(16);
    assertThat(r.definition()).isNull();
  }

  @Test
  void stepsOverTheLimitAreReportedOnceAndLeftOut() {
    LoadResult r =
        loader(new Limits(4096, 64, 2))
            .parse(
                """
                id: w
                steps:
                  - {id: a, type: tool, tool: t}
                  - id: m
                    type: map
                    items: inputs.x
                    steps: [{id: b, type: tool, tool: t}, {id: c, type: tool, tool: t}]
                  - {id: d, type: tool, tool: t, dependsOn: m}
                """,
                "f.yaml");
    assertThat(r.diagnostics()).as("no noise about the steps left out").hasSize(1);
    Diagnostic d = only(r, "too-many-steps");
    assertThat(d.message()).isEqualTo("the workflow has more than 2 steps");
    assertThat(d.pointer()).isEqualTo("/steps/1/steps/0");
    assertThat(d.line()).isEqualTo(7);
    assertThat(r.definition().allSteps()).hasSize(2);
  }

  @Test
  void aChainAtTheDefaultStepLimitLoads() {
    StringBuilder text = new StringBuilder("id: long\nsteps:\n  - {id: s0, type: tool, tool: t}\n");
    for (int i = 1; i < Limits.DEFAULTS.maxSteps(); i++) {
      text.append("  - {id: s")
          .append(i)
          .append(", type: tool, tool: t, dependsOn: s")
          .append(i - 1)
          .append(", input: {x: \"${steps.s")
          .append(i - 1)
          .append(".output}\"}}\n");
    }
    LoadResult r = Loading.LOADER.parse(text.toString(), "long.yaml");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.definition().steps()).hasSize(Limits.DEFAULTS.maxSteps());
  }

  @Test
  void definitionsBuiltInJavaAreCheckedAgainstTheStepLimitToo() {
    List<StepDef> steps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      steps.add(new ToolStep(StepCommon.of("s" + i), "t"));
    }
    WorkflowDefinition d =
        new WorkflowDefinition("w", null, null, null, null, null, steps, null, null, null);
    List<Diagnostic> found = loader(new Limits(1024, 8, 2)).validate(d);
    assertThat(found)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("too-many-steps");
              assertThat(x.message()).isEqualTo("the workflow has 3 steps; the limit is 2");
            });
  }
}

package io.baton.cli.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidGraphTest {

  private static StepCommon step(String id, String... deps) {
    return StepCommon.of(id).withDependsOn(List.of(deps));
  }

  private static String graph(StepDef... steps) {
    return MermaidGraph.of(
        new WorkflowDefinition("g", "2", null, null, null, null, List.of(steps), null, null, null));
  }

  @Test
  void drawsStepsAndDependencies() {
    String mermaid =
        graph(
            new ToolStep(step("fetch"), "echo"), new ToolStep(step("shout", "fetch"), "uppercase"));

    assertThat(mermaid)
        .startsWith("flowchart TD\n  %% g 2\n")
        .contains("  s_fetch[\"fetch<br/>tool echo\"]")
        .contains("  s_fetch --> s_shout");
  }

  @Test
  void labelsTheBranchesOfConditionsAndSwitches() {
    String mermaid =
        graph(
            new ConditionStep(
                step("big"), "inputs.amount > 100", List.of("manual"), List.of("auto")),
            new HumanStep(step("manual"), "Approve?", null, null, null, null),
            new ToolStep(step("auto"), "echo"),
            new SwitchStep(
                step("tier"),
                "inputs.tier",
                List.of(new SwitchCase("gold", null, List.of("vip"))),
                List.of("auto2")),
            new ToolStep(step("vip", "tier"), "echo"),
            new ToolStep(step("auto2"), "echo"));

    assertThat(mermaid)
        .contains("s_big{\"big<br/>if inputs.amount #gt; 100\"}")
        .contains("s_manual[/\"manual<br/>ask: Approve?\"/]")
        .contains("s_big -->|\"then\"| s_manual")
        .contains("s_big -->|\"else\"| s_auto")
        .contains("s_tier -->|\"= gold\"| s_vip")
        .contains("s_tier -->|\"default\"| s_auto2")
        .doesNotContain("s_tier --> s_vip");
  }

  @Test
  void drawsCompositeStepsAsNestedSubgraphs() {
    var work = new ToolStep(step("work"), "echo");
    var lint = new ToolStep(step("lint"), "echo");
    var test = new ToolStep(step("test"), "echo");
    var again = new ToolStep(step("again"), "flaky");
    String mermaid =
        graph(
            new MapStep(step("fanout"), "${inputs.items}", null, 2, List.of(work), null),
            new ParallelStep(
                step("checks", "fanout"),
                List.of(new Branch("lint", List.of(lint)), new Branch("test", List.of(test))),
                null),
            new LoopStep(
                step("retry", "checks"),
                null,
                "steps.again.output.succeeded",
                3,
                List.of(again),
                null));

    assertThat(mermaid)
        .contains(
            "  subgraph s_fanout[\"fanout · map over ${inputs.items}, 2 at a time\"]\n    s_work[")
        .contains(
            "  subgraph s_checks[\"checks · parallel, all-settled\"]\n    subgraph s_checks_lint[\"branch lint\"]\n      s_lint[")
        .contains(
            "  subgraph s_retry[\"retry · loop until steps.again.output.succeeded, at most 3\"]")
        .contains("  s_fanout --> s_checks")
        .contains("  s_checks --> s_retry");
  }

  @Test
  void drawsErrorFallbacksAsDottedArrows() {
    var risky =
        new ToolStep(
            new StepCommon(
                "risky",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ErrorPolicy.goTo("rescue"),
                null,
                null,
                null),
            "flaky");
    String mermaid = graph(risky, new ToolStep(step("rescue"), "echo"));

    assertThat(mermaid).contains("s_risky -.->|\"on error\"| s_rescue");
  }
}

package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.modules.mplp.invariant.InvariantSet.Presence;
import io.baton.modules.store.EntityKey;
import io.baton.modules.store.StoredEntity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MPLP golden flows reproduced by Baton workflows: each flow's input documents are the run's
 * inputs, the documents the modules stored (exported as MPLP JSON) match the flow's {@code
 * expected/} documents, ids and timestamps aside ({@link DocumentComparison}), and satisfy its
 * {@code invariants.yaml}.
 */
class GoldenFlowsTest {
  private static final Path WORKFLOWS = Path.of("src/test/resources/golden/workflows");

  /** The workflow reproducing each flow. */
  private static final Map<String, String> WORKFLOW =
      Map.of(
          "flow-01-single-agent-plan", "golden-plan.yaml",
          "flow-02-single-agent-large-plan", "golden-plan.yaml",
          "flow-03-single-agent-with-tools", "golden-plan.yaml",
          "flow-04-single-agent-llm-enrichment", "golden-plan.yaml",
          "flow-05-single-agent-confirm-required", "golden-confirm.yaml",
          "map-flow-01-turn-taking", "golden-collab.yaml",
          "map-flow-02-broadcast-fanout", "golden-collab.yaml",
          "sa-flow-01-basic", "golden-plan.yaml",
          "sa-flow-02-step-evaluation", "golden-plan.yaml");

  /** Where a flow's fixtures disagree with each other, with the reason: not compared there. */
  private static final Map<String, Map<String, String>> FIXTURE_DISCREPANCIES =
      Map.of(
          "flow-01-single-agent-plan",
          Map.of(
              "plan.steps[*].agent_role",
              "input/plan.json gives every step agent_role \"agent\"; expected/plan.json (an older"
                  + " fixture with other ids and dates) has none"),
          "flow-05-single-agent-confirm-required",
          Map.of(
              "trace.events[2].data.reason",
              "expected/trace.json shortens the approval's reason to \"Rollback addressed\";"
                  + " expected/confirm.json records it in full"));

  /** The scopes whose ids a workflow's outputs name. */
  private static final Map<String, String> OUTPUT_OF =
      Map.of(
          "context", "contextId",
          "plan", "planId",
          "collab", "collabId",
          "confirm", "confirmId",
          "trace", "traceId");

  static List<String> flows() {
    return GoldenFlow.names();
  }

  @Test
  void everyGoldenFlowWithExpectedDocumentsHasAWorkflow() {
    assertThat(GoldenFlow.names()).containsExactlyInAnyOrderElementsOf(WORKFLOW.keySet());
  }

  @ParameterizedTest
  @MethodSource("flows")
  void theWorkflowReproducesTheFlowAndItsInvariantsHold(String name) {
    GoldenFlow flow = GoldenFlow.load(name);
    try (HubFixture f = new HubFixture()) {
      RunView done = run(f, flow);
      Map<String, Object> docs = exported(f, (Map<?, ?>) done.outputs(), flow);

      DocumentComparison comparison =
          new DocumentComparison(FIXTURE_DISCREPANCIES.getOrDefault(name, Map.of()));
      flow.expected().forEach((scope, doc) -> comparison.compare(scope, doc, docs.get(scope)));
      assertThat(comparison.differences())
          .as(name + ": stored documents against expected/")
          .isEmpty();
      assertThat(flow.invariants().check(docs, Presence.REQUIRED))
          .as(name + ": invariants.yaml")
          .isEmpty();
      assertThat(flow.invariants().invariants()).isNotEmpty();
    }
  }

  @Test
  void flow05RecordsTheRejectionThenTheApprovalAndTracesThem() {
    GoldenFlow flow = GoldenFlow.load("flow-05-single-agent-confirm-required");
    try (HubFixture f = new HubFixture()) {
      RunView done = run(f, flow);
      Map<?, ?> out = (Map<?, ?>) done.outputs();
      assertThat(out.get("firstDecision")).isEqualTo("rejected");
      Map<String, Object> docs = exported(f, out, flow);

      Map<?, ?> confirm = (Map<?, ?>) docs.get("confirm");
      assertThat(confirm.get("status")).isEqualTo("approved");
      assertThat(ConformanceTest.field(confirm.get("decisions"), "status"))
          .containsExactly("rejected", "approved");
      assertThat(ConformanceTest.field(confirm.get("decisions"), "decided_by_role"))
          .containsExactly("dba_reviewer", "dba_reviewer");
      Map<?, ?> trace = (Map<?, ?>) docs.get("trace");
      assertThat(ConformanceTest.field(trace.get("events"), "event_type"))
          .containsExactly("confirm.submitted", "decision.rejected", "decision.approved");
      assertThat(ConformanceTest.field(trace.get("events"), "trace_id"))
          .containsOnly(trace.get("trace_id"));
      assertThat(ConformanceTest.field(trace.get("segments"), "label"))
          .containsExactly("trace", "approval", "approval-again");
    }
  }

  /** Runs the flow's workflow with its input documents; a person decides flow-05's approvals. */
  private static RunView run(HubFixture f, GoldenFlow flow) {
    Map<String, Object> inputs = new LinkedHashMap<>(flow.input());
    String runId =
        f.baton.start(f.baton.load(WORKFLOWS.resolve(WORKFLOW.get(flow.name()))), inputs).id();
    if (flow.input().containsKey("confirm")) {
      decide(f, runId, "approval", "reject", "Missing rollback plan for high-risk migration");
      decide(
          f,
          runId,
          "approval-again",
          "approve",
          "Rollback addressed via manual procedure documentation");
    }
    RunView done = f.baton.await(runId, HubFixture.TIMEOUT);
    assertThat(done.status())
        .as(flow.name() + ": " + done.failure())
        .isEqualTo(RunStatus.COMPLETED);
    return done;
  }

  private static void decide(HubFixture f, String runId, String step, String decision, String why) {
    PendingInput ask =
        f.waitFor(runId, v -> v.pendingInputs().stream().anyMatch(p -> p.path().equals(step)))
            .pendingInputs()
            .getFirst();
    f.clock.advance(java.time.Duration.ofMinutes(4));
    f.hub
        .workflows()
        .answer(
            ask.waitId(), Map.of("decision", decision, "by", "dba_reviewer", "reason", why), "dba");
  }

  /** The stored documents the run's outputs name, as the API exports them, by scope. */
  private static Map<String, Object> exported(HubFixture f, Map<?, ?> outputs, GoldenFlow flow) {
    Map<String, Object> docs = new LinkedHashMap<>();
    for (String scope : flow.expected().keySet()) {
      String id = (String) outputs.get(OUTPUT_OF.get(scope));
      assertThat(id).as(flow.name() + ": the run's output " + OUTPUT_OF.get(scope)).isNotNull();
      docs.put(scope, stored(f, scope, id));
    }
    return docs;
  }

  /** A stored document; a trace once the run's end has ended it. */
  private static Map<String, Object> stored(HubFixture f, String scope, String id) {
    long deadline = System.nanoTime() + HubFixture.TIMEOUT.toNanos();
    while (true) {
      Map<String, Object> doc =
          f.store.find(new EntityKey(scope, scope, id)).map(StoredEntity::document).orElseThrow();
      if (!"running".equals(doc.get("status")) || System.nanoTime() > deadline) {
        return doc;
      }
      Thread.onSpinWait();
    }
  }
}

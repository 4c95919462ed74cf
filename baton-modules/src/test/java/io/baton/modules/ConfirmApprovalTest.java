package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.modules.mplp.MplpSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code confirm.request-approval} in a run becomes a person's decision (approve / reject /
 * delegate / escalate), recorded in {@code decisions[]}; the default stage workflow context → plan
 * → confirm → trace runs through it.
 */
class ConfirmApprovalTest {
  private final HubFixture f = new HubFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private String startStages() {
    WorkflowDefinition stages = WorkflowControl.stageWorkflow(f.baton);
    return f.hub
        .workflows()
        .execute(
            stages,
            Map.of("objective", "migrate the orders table", "approvers", List.of("dba_reviewer")));
  }

  private PendingInput question(String runId, String suffix) {
    return f.waitFor(
            runId,
            v ->
                !v.pendingInputs().isEmpty()
                    && v.pendingInputs().getFirst().waitId().contains(":" + suffix))
        .pendingInputs()
        .getFirst();
  }

  @Test
  void theStageWorkflowWaitsForTheApprovalThenTracesTheRun() {
    String runId = startStages();
    PendingInput ask = question(runId, "decision-1");
    assertThat(ask.path()).isEqualTo("confirm");
    assertThat(ask.assignees()).containsExactly("dba_reviewer");
    assertThat(ask.prompt())
        .contains("Approve the plan for migrate the orders table")
        .contains("请审批")
        .contains("承認依頼");
    assertThat(f.hub.workflows().status(runId)).containsEntry("status", "WAITING");

    f.hub
        .workflows()
        .answer(
            ask.waitId(),
            Map.of("decision", "approve", "by", "dba_reviewer", "reason", "looks safe"),
            "dba");
    RunView done = f.baton.await(runId, HubFixture.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    Map<?, ?> out = (Map<?, ?>) done.outputs();
    assertThat(out.get("approval")).isEqualTo("approved");
    assertThat(ConformanceTest.field(out.get("decisions"), "decided_by_role"))
        .containsExactly("dba_reviewer");
    Map<?, ?> trace =
        (Map<?, ?>) f.hub.invoke("trace", "query", Map.of("traceId", out.get("traceId")));
    assertThat(trace.get("planId")).isEqualTo(out.get("planId"));
    assertThat(trace.get("status")).isEqualTo("completed");
    f.entities()
        .forEach(e -> assertThat(MplpSchemas.problems(e.key().module(), e.document())).isEmpty());
  }

  @Test
  void delegationAndEscalationAskTheNextPersonAndARejectionIsFollowedByAnApproval() {
    String runId = startStages();
    PendingInput first = question(runId, "decision-1");
    f.hub
        .workflows()
        .answer(
            first.waitId(),
            Map.of("decision", "delegate", "to", "lead_dba", "by", "dba_reviewer"),
            "dba");
    PendingInput second = question(runId, "decision-2");
    assertThat(second.assignees()).containsExactly("lead_dba");
    f.hub
        .workflows()
        .answer(second.waitId(), Map.of("decision", "escalate", "by", "lead_dba"), "lead");
    PendingInput third = question(runId, "decision-3");
    assertThat(third.assignees()).containsExactly("supervisor");

    // Through the API: the decision is recorded and answers the waiting run.
    String confirmId = confirmOf(runId);
    f.hub.invoke(
        "confirm",
        "reject",
        Map.of("confirmId", confirmId, "by", "supervisor", "reason", "Missing rollback plan"));
    RunView rejected = f.baton.await(runId, HubFixture.TIMEOUT);
    assertThat(((Map<?, ?>) rejected.outputs()).get("approval")).isEqualTo("rejected");

    // As in the golden flow 05: the request is made again and approved.
    String again =
        f.hub
            .workflows()
            .execute(
                "id: again\nversion: 1.0.0\nsteps:\n  - id: confirm\n    type: module\n    module: confirm\n    operation: request-approval\n    input: {confirmId: \""
                    + confirmId
                    + "\", reason: rollback documented}\n",
                Map.of());
    PendingInput reask = question(again, "decision-");
    f.hub
        .workflows()
        .answer(
            reask.waitId(),
            Map.of("decision", "approve", "by", "supervisor", "reason", "rollback documented"),
            "sup");
    f.baton.await(again, HubFixture.TIMEOUT);

    Map<?, ?> approval =
        (Map<?, ?>) f.hub.invoke("confirm", "get-approval", Map.of("confirmId", confirmId));
    assertThat(approval.get("status")).isEqualTo("approved");
    assertThat(ConformanceTest.field(approval.get("decisions"), "status"))
        .containsExactly("rejected", "approved");
    Map<?, ?> doc = (Map<?, ?>) approval.get("confirm");
    assertThat(ConformanceTest.field(doc.get("events"), "event_type"))
        .containsExactly(
            "confirm.submitted",
            "confirm.delegated",
            "confirm.escalated",
            "decision.rejected",
            "confirm.rerequested",
            "decision.approved");
    assertThat(MplpSchemas.problems("confirm", doc)).isEmpty();
  }

  private String confirmOf(String runId) {
    Map<?, ?> list =
        (Map<?, ?>) f.hub.invoke("confirm", "list-approvals", Map.of("status", "pending"));
    return (String) ((Map<?, ?>) ((List<?>) list.get("approvals")).getFirst()).get("confirmId");
  }
}

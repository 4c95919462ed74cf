package io.baton.modules.confirm;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.run.PendingInput;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.StepContext;
import io.baton.modules.mplp.Mplp;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MPLP {@code confirm} module: approval requests (MPLP Confirm documents) with their {@code
 * decisions[]}. Called from a step, {@code request-approval} suspends the run on a question to a
 * person — the step is WAITING like a {@code human} step, answered with {@code {decision: approve |
 * reject | delegate | escalate | cancel, by, reason, to}} — and records each decision: approve and
 * reject end the step (a rejected request may be requested again with its {@code confirmId}),
 * delegate and escalate ask the next person. Called through the API, the decisions are operations
 * of their own, which also answer the run waiting on the request.
 */
public final class ConfirmModule extends MplpModule {
  static final String TYPE = "confirm";
  private static final Set<String> TARGETS =
      Set.of("context", "plan", "trace", "extension", "other");
  private volatile String escalationRole = "supervisor";

  /** The module, with its operations. */
  public ConfirmModule() {
    super(TYPE, "Approval requests and their decisions (approve, reject, delegate, escalate).");
    operation(
        "request-approval",
        "Requests an approval; in a run, waits for a person's decision.",
        this::request);
    for (String action : Decision.ACTIONS) {
      operation(
          action,
          "Decides a pending approval: confirmId, by, reason"
              + (action.equals("delegate") || action.equals("escalate") ? ", to." : "."),
          c -> decide(c, action));
    }
    operation(
        "get-approval",
        "Returns an approval: confirmId.",
        c -> result(c.entities().get(TYPE, c.required("confirmId"))));
    operation(
        "list-approvals",
        "Lists approvals, those with status when given.",
        c ->
            fields(
                "approvals",
                c.entities().list(TYPE, null, 1000).stream()
                    .filter(
                        d ->
                            c.text("status", null) == null
                                || c.text("status", null).equals(d.get("status")))
                    .map(ConfirmModule::result)
                    .toList()));
  }

  /**
   * Accepts {@code escalationRole}: who decides when a request is escalated without a {@code to}.
   */
  @Override
  public void configure(Map<String, Object> config) {
    Object role = config.getOrDefault("escalationRole", "supervisor");
    if (!(role instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(
          "confirm configuration 'escalationRole' must be a role name");
    }
    escalationRole = s;
  }

  private Object request(Call c) {
    AwaitInput.Answer answer = c.answer();
    if (answer == null) {
      return c.step().isPresent() ? ask(c, open(c)) : result(open(c));
    }
    Map<String, Object> doc =
        Approvals.apply(
            c, forThisStep(c), Decision.from(c, answer.value(), answer.by()), escalationRole);
    return "pending".equals(doc.get("status")) ? ask(c, doc) : result(doc);
  }

  private Object decide(Call c, String action) {
    String confirmId = c.required("confirmId");
    Map<String, Object> in =
        fields(
            "decision",
            action,
            "by",
            c.text("by", null),
            "reason",
            c.text("reason", null),
            "to",
            c.text("to", null));
    Decision d = Decision.from(c, in, "api");
    Map<String, Object> doc =
        Approvals.apply(c, c.entities().get(TYPE, confirmId), d, escalationRole);
    forwardToWaitingRun(c, doc, d, Approvals.lastDecisionId(doc));
    return result(doc);
  }

  /** The approval this request opens: a new one, or the given {@code confirmId} requested again. */
  private Map<String, Object> open(Call c) {
    String again = c.text("confirmId", null);
    Map<String, Object> where = c.step().map(ConfirmModule::where).orElse(Map.of());
    if (again != null) {
      return Approvals.reopen(c, c.entities().get(TYPE, again), where);
    }
    String ref = ref(c);
    List<Map<String, Object>> earlier =
        "api".equals(ref) ? List.of() : c.entities().list(TYPE, ref, 1);
    if (!earlier.isEmpty()) {
      return earlier.getFirst(); // this attempt already opened it (a re-run after a crash)
    }
    String id = c.newId();
    Map<String, Object> doc = c.document("confirm_id", id);
    String targetType =
        c.text(
            "targetType",
            c.text("planId", null) != null
                ? "plan"
                : c.text("contextId", null) != null ? "context" : "other");
    if (!TARGETS.contains(targetType)) {
      throw c.badInput("targetType '" + targetType + "' is not one of " + TARGETS);
    }
    String targetId = c.text("targetId", c.text("planId", c.text("contextId", null)));
    if (targetId != null && !Mplp.isId(targetId)) {
      throw c.badInput("the target's id '" + targetId + "' is not an MPLP id (a UUID v4)");
    }
    doc.put("target_type", targetType);
    doc.put("target_id", targetId != null ? targetId : c.newId());
    doc.put("status", "pending");
    doc.put("requested_by_role", c.text("requestedBy", "agent"));
    doc.put("requested_at", Mplp.time(c.now()));
    doc.put("reason", c.text("reason", c.text("subject", "approval requested by " + c.actor())));
    doc.put("decisions", new java.util.ArrayList<>());
    Map<String, Object> data =
        fields(
            "confirm_id",
            id,
            "target_id",
            doc.get("target_id"),
            "target_type",
            targetType,
            "approvers",
            c.list("approvers").stream().map(String::valueOf).toList());
    data.putAll(where);
    Map<String, Object> submitted = c.event("confirm.submitted", data);
    Call.addEvent(doc, submitted);
    Map<String, Object> saved = c.entities().create(TYPE, id, ref, doc);
    Approvals.announce(c, saved, submitted, Map.of());
    return saved;
  }

  private Map<String, Object> forThisStep(Call c) {
    String again = c.text("confirmId", null);
    return again != null
        ? c.entities().get(TYPE, again)
        : c.entities().list(TYPE, ref(c), 1).getFirst();
  }

  /** Suspends the step on the approval's question, to the current approvers. */
  private static AwaitInput ask(Call c, Map<String, Object> doc) {
    @SuppressWarnings("unchecked")
    int round = ((List<Object>) doc.get("events")).size();
    String subject = doc.get("target_type") + " " + doc.get("target_id");
    String prompt =
        "Approval requested for "
            + subject
            + ": "
            + doc.get("reason")
            + ". Decide: approve, reject, delegate (to), escalate, cancel."
            + "\n请审批 "
            + subject
            + "："
            + doc.get("reason")
            + "（approve 批准 / reject 拒绝 / delegate 委派 / escalate 上报 / cancel 取消）"
            + "\n"
            + subject
            + " の承認依頼："
            + doc.get("reason")
            + "（approve 承認 / reject 却下 / delegate 委任 / escalate エスカレーション / cancel 取消）";
    return new AwaitInput("decision-" + round, prompt, Decision.FORM, Approvals.approvers(doc));
  }

  /** A decision taken through the API also answers the run waiting on the request, if any. */
  private static void forwardToWaitingRun(
      Call c, Map<String, Object> doc, Decision d, String decisionId) {
    Map<String, Object> where = Approvals.where(doc);
    if (where.isEmpty() || !c.services().workflows().attached()) {
      return;
    }
    for (PendingInput p : c.services().workflows().pendingInputs(1000)) {
      if (p.runId().equals(where.get("run_id")) && p.path().equals(where.get("step"))) {
        c.services()
            .workflows()
            .answer(
                p.waitId(),
                fields(
                    "decision",
                    d.action(),
                    "by",
                    d.by(),
                    "reason",
                    d.reason(),
                    "to",
                    d.to(),
                    "decisionId",
                    decisionId),
                d.by());
      }
    }
  }

  private static Map<String, Object> where(StepContext s) {
    return fields("run_id", s.runId(), "step", s.path());
  }

  private static String ref(Call c) {
    return c.step().map(StepContext::idempotencyKey).orElse("api");
  }

  static Map<String, Object> result(Map<String, Object> doc) {
    return fields(
        "confirmId", doc.get("confirm_id"),
        "status", doc.get("status"),
        "approved", "approved".equals(doc.get("status")),
        "targetType", doc.get("target_type"),
        "targetId", doc.get("target_id"),
        "decisions", doc.getOrDefault("decisions", List.of()),
        "confirm", doc);
  }
}

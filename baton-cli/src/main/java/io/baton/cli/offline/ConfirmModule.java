package io.baton.cli.offline;

/**
 * Offline stand-in for the MPLP {@code confirm} module. Approvals are granted at once by a rule
 * ({@code approver: offline-auto-approver}); the real module turns {@code request-approval} into a
 * human step — use a {@code human} step where a person must decide.
 */
final class ConfirmModule extends OfflineModule {

  ConfirmModule() {
    super("confirm");
    operation(
        "request-approval",
        (p, ctx) ->
            result(
                "approvalId",
                DerivedIds.of(ctx, "approval"),
                "subject",
                text(p, "subject", ctx.stepId()),
                "status",
                "approved",
                "approver",
                "offline-auto-approver"));
    operation(
        "approve",
        (p, ctx) -> result("approvalId", text(p, "approvalId", null), "status", "approved"));
    operation(
        "reject",
        (p, ctx) ->
            result(
                "approvalId", text(p, "approvalId", null),
                "status", "rejected",
                "reason", text(p, "reason", "")));
  }
}

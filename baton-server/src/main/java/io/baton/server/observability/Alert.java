package io.baton.server.observability;

import java.time.Instant;

/**
 * An alert raised by a rule.
 *
 * @param alertId its id
 * @param ruleId the rule
 * @param severity {@code P1}–{@code P3}
 * @param message what happened, with the figure
 * @param status {@code active} or {@code resolved}
 * @param observed the figure when it was raised
 * @param raisedAt when
 * @param resolvedAt when it was resolved, or null
 * @param resolvedBy who resolved it ({@code auto} when the figure went back), or null
 */
public record Alert(
    String alertId,
    String ruleId,
    String severity,
    String message,
    String status,
    double observed,
    Instant raisedAt,
    Instant resolvedAt,
    String resolvedBy) {}

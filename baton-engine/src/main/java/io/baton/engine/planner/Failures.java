package io.baton.engine.planner;

import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.run.ErrorCategory;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what a failed attempt leads to: a retry after a backoff, an escalation to a person, or
 * the end.
 */
final class Failures {

  List<RunEvent> fail(RunState run, String path, int attempt, StepFailure failure, Instant now) {
    StepState s = run.step(path);
    List<RunEvent> out = new ArrayList<>(2);
    if (s == null || s.attempt() != attempt || s.status().isTerminal()) {
      return out;
    }
    RetryPolicy retry = s.step().retry();
    int retriesUsed = attempt - 1 - run.attemptsBeforeRetry(path);
    // A composite is not retried as a whole: its steps were retried by their own policies, and a
    // new attempt would only find the same failed branch, item or iteration.
    if (!s.step().kind().isComposite()
        && isRetried(retry, failure)
        && retriesUsed < retry.maxRetries()) {
      Instant at =
          now.plus(delay(retry, retriesUsed + 1, run.runId() + "/" + path + "/" + attempt));
      out.add(new StepFailed(now, path, attempt, failure, at));
      return out;
    }
    out.add(new StepFailed(now, path, attempt, failure, null));
    FallbackAction fallback = fallbackFor(run, failure);
    if (fallback != null && s.status() != StepStatus.WAITING) {
      out.add(escalate(run, s, failure, now));
    }
    return out;
  }

  /**
   * Whether the policy retries this failure. {@code retryOn} names the categories retried. A
   * failure's {@code retryable} flag defaults to "its category is RETRYABLE", so it can only veto
   * within that category (a handler saying a timeout will not get better); for the other
   * categories, listing them in {@code retryOn} is the opt-in. Cancellations are deliberate and
   * never retried.
   */
  static boolean isRetried(RetryPolicy retry, StepFailure failure) {
    if (failure.kind() == ErrorKind.CANCELLED || !retry.retryOn().contains(failure.category())) {
      return false;
    }
    return failure.retryable() || failure.category() != ErrorCategory.RETRYABLE;
  }

  private static FallbackAction fallbackFor(RunState run, StepFailure failure) {
    for (FallbackAction f : run.workflow().definition().policies().fallbacks()) {
      if (FallbackAction.ESCALATE_TO_HUMAN.equals(f.action()) && f.appliesTo(failure.kind())) {
        return f;
      }
    }
    return null;
  }

  private static RunEvent escalate(RunState run, StepState s, StepFailure failure, Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(
        "prompt",
        "Step '"
            + s.path()
            + "' failed ("
            + failure.kind().wireName()
            + ": "
            + failure.message()
            + "). Provide its output to let the run go on.");
    details.put("form", Map.of());
    details.put("assignees", List.of());
    details.put("escalatedFrom", StepState.errorMap(failure));
    String waitId = StepStarts.waitId(run, s) + ":escalation";
    return new StepWaiting(now, s.path(), s.attempt(), waitId, WaitKind.HUMAN, null, details);
  }

  /**
   * The delay before retry {@code retry}, with jitter derived from the attempt's key: spread like
   * random jitter, yet the same on every replay.
   */
  static Duration delay(RetryPolicy policy, int retry, String key) {
    Duration base = policy.baseDelay(retry);
    if (policy.jitter() == 0 || base.isZero()) {
      return base;
    }
    double unit = (mix(key.hashCode()) & 0xFFFF) / 65535.0;
    double factor = 1 - policy.jitter() + 2 * policy.jitter() * unit;
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}

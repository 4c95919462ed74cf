package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.CONFLICTING_FIELDS;
import static io.baton.engine.language.DiagnosticCodes.INVALID_ENUM;
import static io.baton.engine.language.DiagnosticCodes.MISSING_FIELD;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.ErrorAction;
import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.ResourceRequest;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.run.ErrorCategory;
import io.baton.engine.language.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the policy-like values that steps and workflows share: retry, onError, resources,
 * fallbacks.
 */
public final class PolicyBinder {

  /** The fields of a {@code retry} object. */
  public static final List<String> RETRY_FIELDS =
      List.of("maxRetries", "backoff", "initialDelay", "maxDelay", "jitter", "retryOn");

  /** The retries of a policy that does not say how many. */
  public static final int DEFAULT_MAX_RETRIES = 3;

  private final Findings findings;

  /** A binder reporting to {@code findings}. */
  public PolicyBinder(Findings findings) {
    this.findings = findings;
  }

  /** The retry policy in member {@code name} of {@code f}, or null when absent or unusable. */
  public RetryPolicy retry(FieldReader f, String name, String stepId) {
    SourceObject object = f.nested(name);
    if (object == null) {
      return null;
    }
    FieldReader r = new FieldReader(object, findings, stepId);
    r.rejectUnknown(RETRY_FIELDS, "a retry policy", Severity.ERROR);
    Integer maxRetries = r.integer("maxRetries", 0);
    Double jitter = r.number("jitter", 0, 1);
    return new RetryPolicy(
        maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries,
        r.enumValue("backoff", Backoff.class, EnumText::camel),
        r.duration("initialDelay"),
        r.duration("maxDelay"),
        jitter == null ? 0 : jitter,
        retryOn(r));
  }

  private Set<ErrorCategory> retryOn(FieldReader r) {
    List<String> names = r.ids("retryOn");
    if (names == null) {
      return null;
    }
    Set<ErrorCategory> out = EnumSet.noneOf(ErrorCategory.class);
    SourceNode node = r.node("retryOn");
    for (int i = 0; i < names.size(); i++) {
      SourceNode item = node instanceof SourceArray a ? a.items().get(i) : node;
      ErrorCategory c = r.enumOf(item, "retryOn", ErrorCategory.class, EnumText::snake);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * A step's {@code onError}: {@code fail}, {@code continue} or {@code {goto: step}}; null when
   * absent.
   */
  public ErrorPolicy onError(FieldReader f, String stepId) {
    SourceNode node = f.node("onError");
    if (node == null) {
      return null;
    }
    if (node instanceof SourceObject object) {
      FieldReader g = new FieldReader(object, findings, stepId);
      g.rejectUnknown(List.of("goto"), "an onError object", Severity.ERROR);
      String target = g.string("goto");
      if (target == null && !g.has("goto")) {
        g.report(
            Finding.error(MISSING_FIELD, object.pointer(), "onError needs \"goto: <step id>\""));
      }
      return target == null ? null : ErrorPolicy.goTo(target);
    }
    if (node instanceof SourceScalar(var p, var at, String s)) {
      ErrorAction action = EnumText.parse(ErrorAction.class, s).orElse(null);
      if (action != null && action != ErrorAction.GOTO) {
        return action == ErrorAction.FAIL ? ErrorPolicy.FAIL : ErrorPolicy.CONTINUE;
      }
    }
    f.report(
        Finding.error(
                INVALID_ENUM,
                node.pointer(),
                "onError must be fail, continue or {goto: <step id>}; found " + node.describe())
            .hint(
                node instanceof SourceScalar(var p, var at, String s)
                    ? NearestName.hint(s, List.of("fail", "continue"))
                    : null));
    return null;
  }

  /**
   * A step's {@code resources}: {@code {pool, amount}} or {@code {lock}} objects; null when absent.
   */
  public List<ResourceRequest> resources(FieldReader f, String stepId) {
    SourceArray array = f.array("resources");
    if (array == null) {
      return null;
    }
    List<ResourceRequest> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      FieldReader r = FieldReader.of(item, "a resource request", findings, stepId);
      ResourceRequest request = r == null ? null : resource(r);
      if (request != null) {
        out.add(request);
      }
    }
    return out;
  }

  private ResourceRequest resource(FieldReader r) {
    r.rejectUnknown(List.of("pool", "amount", "lock"), "a resource request", Severity.ERROR);
    String pool = r.string("pool");
    String lock = r.string("lock");
    Integer amount = r.integer("amount", 1);
    String at = r.object().pointer();
    if (r.has("pool") && r.has("lock")) {
      r.report(
          Finding.error(
              CONFLICTING_FIELDS, at, "a resource request names a pool or a lock, not both"));
      return null;
    }
    if (!r.has("pool") && !r.has("lock")) {
      r.report(Finding.error(MISSING_FIELD, at, "a resource request needs \"pool\" or \"lock\""));
      return null;
    }
    if (lock != null && r.has("amount")) {
      r.report(Finding.error(CONFLICTING_FIELDS, at, "a lock has no \"amount\""));
    }
    if (pool == null && lock == null) {
      return null;
    }
    return pool != null
        ? new ResourceRequest(pool, amount == null ? 1 : amount, null)
        : new ResourceRequest(null, 0, lock);
  }

  /** The workflow's {@code fallbacks}: {@code {condition, action}} objects; null when absent. */
  public List<FallbackAction> fallbacks(FieldReader f) {
    SourceArray array = f.array("fallbacks");
    if (array == null) {
      return null;
    }
    List<FallbackAction> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      FieldReader r = FieldReader.of(item, "a fallback", findings, null);
      if (r != null) {
        r.rejectUnknown(List.of("condition", "action"), "a fallback", Severity.ERROR);
        out.add(new FallbackAction(r.string("condition"), r.string("action")));
      }
    }
    return out;
  }
}

package io.baton.engine.language.internal;

import static io.baton.engine.language.internal.StepTree.put;

import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.Priority;
import io.baton.api.definition.ResourceRequest;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.api.run.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes workflows and their policies as native-language trees; the steps are written by {@link
 * StepTree}.
 */
public final class PolicyTree {
  private PolicyTree() {}

  /** The tree of a whole definition. */
  public static Map<String, Object> workflow(WorkflowDefinition d) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "id", d.id());
    put(out, "version", d.version());
    put(out, "name", d.name());
    put(out, "description", d.description());
    put(
        out,
        "expressionLanguage",
        d.expressionLanguage().equals(WorkflowDefinition.DEFAULT_EXPRESSION_LANGUAGE)
            ? null
            : d.expressionLanguage());
    put(out, "inputs", d.inputs().isEmpty() ? null : d.inputs());
    put(out, "outputs", d.outputs());
    put(out, "policies", policies(d.policies()));
    put(out, "metadata", d.metadata().isEmpty() ? null : d.metadata());
    out.put("steps", StepTree.steps(d.steps()));
    return out;
  }

  private static Map<String, Object> policies(WorkflowPolicies p) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "timeout", p.timeout() == null ? null : DurationText.format(p.timeout()));
    put(out, "retry", p.retry().equals(RetryPolicy.NONE) ? null : retry(p.retry()));
    put(out, "maxConcurrency", p.maxConcurrency() == 0 ? null : p.maxConcurrency());
    put(out, "priority", p.priority() == Priority.DEFAULT ? null : EnumText.camel(p.priority()));
    if (!p.fallbacks().isEmpty()) {
      List<Object> fallbacks = new ArrayList<>();
      for (FallbackAction f : p.fallbacks()) {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, "condition", f.condition());
        put(tree, "action", f.action());
        fallbacks.add(tree);
      }
      out.put("fallbacks", fallbacks);
    }
    return out.isEmpty() ? null : out;
  }

  /** A retry policy, every field but the defaults of {@code jitter} and {@code retryOn}. */
  static Map<String, Object> retry(RetryPolicy r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("maxRetries", r.maxRetries());
    out.put("backoff", EnumText.camel(r.backoff()));
    out.put("initialDelay", DurationText.format(r.initialDelay()));
    out.put("maxDelay", DurationText.format(r.maxDelay()));
    put(out, "jitter", r.jitter() == 0 ? null : r.jitter());
    if (!r.retryOn().equals(Set.of(ErrorCategory.RETRYABLE))) {
      List<String> categories = new ArrayList<>();
      for (ErrorCategory c : ErrorCategory.values()) {
        if (r.retryOn().contains(c)) {
          categories.add(EnumText.snake(c));
        }
      }
      out.put("retryOn", categories);
    }
    return out;
  }

  /** Resource requests: {@code {pool, amount}} or {@code {lock}}. */
  static List<Object> resources(List<ResourceRequest> requests) {
    List<Object> out = new ArrayList<>();
    for (ResourceRequest r : requests) {
      out.add(
          r.pool() != null
              ? Map.of("pool", r.pool(), "amount", r.amount())
              : Map.of("lock", r.lock()));
    }
    return out;
  }
}

package io.baton.engine;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.Priority;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.api.run.ErrorCategory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short ways to write workflow definitions in tests. */
final class Flows {
  private Flows() {}

  /** The common fields of a step, built fluently. */
  static Common step(String id) {
    return new Common(id);
  }

  /** A tool step with only an id, dependencies and an input. */
  static ToolStep tool(String id, String tool, Map<String, Object> input, String... after) {
    return step(id).after(after).input(input).tool(tool);
  }

  /** A workflow of {@code steps} with default policies. */
  static WorkflowDefinition flow(String id, StepDef... steps) {
    return flow(id, WorkflowPolicies.DEFAULTS, null, steps);
  }

  /** A workflow with policies and an outputs template. */
  static WorkflowDefinition flow(
      String id, WorkflowPolicies policies, Object outputs, StepDef... steps) {
    return new WorkflowDefinition(
        id, "1", null, null, null, outputs, List.of(steps), policies, null, null);
  }

  /** Workflow policies with a run timeout. */
  static WorkflowPolicies runTimeout(Duration timeout) {
    return new WorkflowPolicies(timeout, null, 0, null, null);
  }

  /** Workflow policies with a per-run concurrency limit. */
  static WorkflowPolicies maxConcurrency(int max) {
    return new WorkflowPolicies(null, null, max, null, null);
  }

  /** Workflow policies with fallbacks. */
  static WorkflowPolicies fallbacks(FallbackAction... fallbacks) {
    return new WorkflowPolicies(null, null, 0, null, List.of(fallbacks));
  }

  /** A retry policy without jitter. */
  static RetryPolicy retry(int max, Backoff backoff, Duration initial, ErrorCategory... on) {
    return new RetryPolicy(
        max, backoff, initial, Duration.ofHours(1), 0, on.length == 0 ? null : Set.of(on));
  }

  /** An ordered map from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** The fields every step has, set one at a time. */
  static final class Common {
    private final String id;
    private List<String> dependsOn = List.of();
    private JoinMode join;
    private String when;
    private Map<String, Object> input;
    private Duration timeout;
    private RetryPolicy retry;
    private ErrorPolicy onError;
    private Priority priority;

    Common(String id) {
      this.id = id;
    }

    Common after(String... ids) {
      dependsOn = List.of(ids);
      return this;
    }

    Common join(JoinMode mode) {
      join = mode;
      return this;
    }

    Common when(String condition) {
      when = condition;
      return this;
    }

    Common input(Map<String, Object> value) {
      input = value;
      return this;
    }

    Common input(Object... keysAndValues) {
      return input(map(keysAndValues));
    }

    Common timeout(Duration value) {
      timeout = value;
      return this;
    }

    Common retry(RetryPolicy value) {
      retry = value;
      return this;
    }

    Common onError(ErrorPolicy value) {
      onError = value;
      return this;
    }

    Common priority(Priority value) {
      priority = value;
      return this;
    }

    StepCommon build() {
      return new StepCommon(
          id, null, null, dependsOn, join, when, input, timeout, retry, onError, priority, null,
          null);
    }

    ToolStep tool(String name) {
      return new ToolStep(build(), name);
    }
  }
}

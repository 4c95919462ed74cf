package io.baton.engine.define;

import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.Priority;
import io.baton.api.definition.ResourceRequest;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The common fields of a step under construction; made by {@link Steps}. Each setter returns this
 * builder.
 *
 * <pre>{@code
 * Steps.tool("fetch", "http-get").input(Map.of("url", "${inputs.url}")).retry(RetryPolicy.exponential(3))
 * }</pre>
 */
public final class StepBuilder {
  private final String id;
  private final Function<StepCommon, StepDef> type;
  private final List<String> dependsOn = new ArrayList<>();
  private final Map<String, Object> input = new LinkedHashMap<>();
  private final List<ResourceRequest> resources = new ArrayList<>();
  private String name;
  private String description;
  private JoinMode join;
  private String when;
  private Duration timeout;
  private RetryPolicy retry;
  private ErrorPolicy onError;
  private Priority priority;

  StepBuilder(String id, Function<StepCommon, StepDef> type) {
    this.id = id;
    this.type = type;
  }

  /** A display name. */
  public StepBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** What the step is for. */
  public StepBuilder description(String description) {
    this.description = description;
    return this;
  }

  /** Steps that must end first. */
  public StepBuilder dependsOn(String... stepIds) {
    dependsOn.addAll(List.of(stepIds));
    return this;
  }

  /** How dependencies are joined. */
  public StepBuilder join(JoinMode join) {
    this.join = join;
    return this;
  }

  /** A condition; the step is skipped when it is false. */
  public StepBuilder when(String expression) {
    this.when = expression;
    return this;
  }

  /** The input, a JSON value whose strings may hold {@code ${…}} templates. */
  public StepBuilder input(Map<String, Object> values) {
    input.putAll(values);
    return this;
  }

  /** One input field. */
  public StepBuilder input(String key, Object value) {
    input.put(key, value);
    return this;
  }

  /** The limit on one attempt. */
  public StepBuilder timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** How failures are retried. */
  public StepBuilder retry(RetryPolicy retry) {
    this.retry = retry;
    return this;
  }

  /** What the final failure does. */
  public StepBuilder onError(ErrorPolicy onError) {
    this.onError = onError;
    return this;
  }

  /** The step's priority. */
  public StepBuilder priority(Priority priority) {
    this.priority = priority;
    return this;
  }

  /** A resource the step holds while it runs. */
  public StepBuilder resource(ResourceRequest request) {
    resources.add(request);
    return this;
  }

  /** The step's definition. */
  public StepDef build() {
    return type.apply(
        new StepCommon(
            id,
            name,
            description,
            dependsOn,
            join,
            when,
            input,
            timeout,
            retry,
            onError,
            priority,
            resources,
            null));
  }
}

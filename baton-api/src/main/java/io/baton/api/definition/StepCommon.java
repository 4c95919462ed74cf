package io.baton.api.definition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields every step has, whatever its type.
 *
 * @param id unique among the steps of its workflow (including nested ones): letters, digits, {@code
 *     -} and {@code _}
 * @param name a human-readable name, or null
 * @param description what the step is for, or null
 * @param dependsOn the steps that must end before this one starts
 * @param join when the step becomes ready given its dependencies' ends
 * @param when a condition; when it evaluates to false the step is skipped
 * @param input the step's input, a JSON value whose strings may hold {@code ${…}} templates
 * @param timeout the limit on one attempt, or null for none
 * @param retry the retry policy, or null to use the workflow's
 * @param onError what the final failure does to the run
 * @param priority the step's priority, or null to use the run's
 * @param resources the resources the step holds while it runs
 * @param ui editor metadata (position, colour, …) kept as is so that import and export round-trip
 */
public record StepCommon(
    String id,
    String name,
    String description,
    List<String> dependsOn,
    JoinMode join,
    String when,
    Map<String, Object> input,
    Duration timeout,
    RetryPolicy retry,
    ErrorPolicy onError,
    Priority priority,
    List<ResourceRequest> resources,
    Map<String, Object> ui) {

  public StepCommon {
    Objects.requireNonNull(id, "id");
    dependsOn = Frozen.list(dependsOn);
    join = Objects.requireNonNullElse(join, JoinMode.ALL);
    input = Frozen.map(input);
    onError = Objects.requireNonNullElse(onError, ErrorPolicy.FAIL);
    resources = Frozen.list(resources);
    ui = Frozen.map(ui);
  }

  /** The fields of a step with nothing but an id. */
  public static StepCommon of(String id) {
    return new StepCommon(
        id, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A copy with other dependencies. */
  public StepCommon withDependsOn(List<String> deps) {
    return new StepCommon(
        id,
        name,
        description,
        deps,
        join,
        when,
        input,
        timeout,
        retry,
        onError,
        priority,
        resources,
        ui);
  }

  /** A copy with another input. */
  public StepCommon withInput(Map<String, Object> newInput) {
    return new StepCommon(
        id,
        name,
        description,
        dependsOn,
        join,
        when,
        newInput,
        timeout,
        retry,
        onError,
        priority,
        resources,
        ui);
  }
}

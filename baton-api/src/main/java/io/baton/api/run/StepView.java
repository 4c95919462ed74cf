package io.baton.api.run;

import java.time.Instant;
import java.util.Map;

/**
 * The state of one step of a run, as shown to users.
 *
 * @param path the step's path (its id, prefixed inside composite steps)
 * @param stepId the id of its definition
 * @param type the step type
 * @param status its status
 * @param attempt the current or last attempt (1-based; 0 before the first)
 * @param input the resolved input of the last attempt
 * @param output the output, once completed
 * @param failure the last failure, or null
 * @param startedAt when the last attempt started
 * @param endedAt when the step ended
 * @param waitId the id of the wait it is suspended on, or null
 * @param usage what its attempts used, summed from the {@code usage} objects of the progress they
 *     recorded ({@code calls}, {@code inputTokens}, {@code outputTokens}, {@code cost}, …); empty
 *     when none
 */
public record StepView(
    String path,
    String stepId,
    String type,
    StepStatus status,
    int attempt,
    Object input,
    Object output,
    StepFailure failure,
    Instant startedAt,
    Instant endedAt,
    String waitId,
    Map<String, Number> usage) {

  public StepView {
    usage = usage == null ? Map.of() : Map.copyOf(usage);
  }

  /** A view without usage. */
  public StepView(
      String path,
      String stepId,
      String type,
      StepStatus status,
      int attempt,
      Object input,
      Object output,
      StepFailure failure,
      Instant startedAt,
      Instant endedAt,
      String waitId) {
    this(
        path, stepId, type, status, attempt, input, output, failure, startedAt, endedAt, waitId,
        Map.of());
  }
}

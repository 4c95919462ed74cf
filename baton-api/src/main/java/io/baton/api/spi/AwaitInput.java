package io.baton.api.spi;

import java.util.List;
import java.util.Map;

/**
 * Returned by a step handler (a module operation, a task handler) that needs a person's decision
 * before it can finish: the step becomes {@code WAITING} for human input, exactly like a {@code
 * human} step — it holds no thread, survives restarts, and is answered with {@code
 * Baton.submitInput(waitId, value)} — and once answered the handler is called again, in the same
 * attempt, with the answer in {@link StepContext#answer()}. The handler then returns its output, or
 * asks again (with another {@code key}).
 *
 * <pre>{@code
 * if (context.answer() == null) {
 *   return new AwaitInput("decision-1", "Approve the plan?", form, List.of("dba"));
 * }
 * return record(context.answer().value());
 * }</pre>
 *
 * @param key distinguishes the questions of one attempt (it ends the wait's id), e.g. {@code
 *     decision-2}
 * @param prompt the question, for a person
 * @param form a JSON Schema of the expected answer, or empty for any value
 * @param assignees who may answer (user or role names), or empty for anyone
 */
public record AwaitInput(
    String key, String prompt, Map<String, Object> form, List<String> assignees) {
  public AwaitInput {
    java.util.Objects.requireNonNull(key, "key");
    form = form == null ? Map.of() : Map.copyOf(form);
    assignees = assignees == null ? List.of() : List.copyOf(assignees);
  }

  /**
   * A person's answer to an {@link AwaitInput}.
   *
   * @param waitId the wait it answered
   * @param value the answer, validated against the form
   * @param by who answered
   */
  public record Answer(String waitId, Object value, String by) {}
}

package io.baton.api.definition;

import java.util.List;
import java.util.Map;

/**
 * Asks a person for input. The run is {@code WAITING}, holding no thread, until the input arrives
 * through {@code submitInput(waitId, value)}; the value is validated against {@code form} and
 * becomes the step's output. Each wait has a stable id, so submitting twice is harmless.
 *
 * @param prompt the question, a template
 * @param form a JSON Schema of the expected answer, or empty for any value
 * @param assignees who may answer (user or role names), or empty for anyone
 * @param onTimeout what happens when {@code common().timeout()} passes unanswered
 * @param defaultValue the output used by {@link TimeoutAction#USE_DEFAULT}
 */
public record HumanStep(
    StepCommon common,
    String prompt,
    Map<String, Object> form,
    List<String> assignees,
    TimeoutAction onTimeout,
    Object defaultValue)
    implements StepDef {
  public HumanStep {
    form = Frozen.map(form);
    assignees = Frozen.list(assignees);
    onTimeout = onTimeout == null ? TimeoutAction.FAIL : onTimeout;
  }

  @Override
  public String type() {
    return "human";
  }

  @Override
  public HumanStep withCommon(StepCommon c) {
    return new HumanStep(c, prompt, form, assignees, onTimeout, defaultValue);
  }
}

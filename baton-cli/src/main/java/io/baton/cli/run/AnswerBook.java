package io.baton.cli.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers given on the command line with {@code --answer STEP=VALUE}, for human steps. {@code
 * STEP} is a step id (answering every instance of the step, e.g. in each iteration of a map) or a
 * full path ({@code fanout[2]/approve}, {@code review/approve} for a step of subworkflow step
 * {@code review}). {@code VALUE} is parsed as JSON when it is JSON, otherwise taken as text.
 *
 * <pre>{@code
 * --answer approve=true --answer 'details={"reason": "ok"}' --answer comment=looks good
 * }</pre>
 */
public final class AnswerBook {
  private final Map<String, Object> answers = new LinkedHashMap<>();

  /** The answers of {@code raw} (step → text as typed). */
  public AnswerBook(Map<String, String> raw) {
    raw.forEach((step, text) -> answers.put(step, JsonText.value(text)));
  }

  /** The answer for {@code question}: by its full path first, then by its step id. */
  public Optional<Object> find(Question question) {
    if (answers.containsKey(question.path())) {
      return Optional.ofNullable(answers.get(question.path()));
    }
    if (answers.containsKey(question.stepId())) {
      return Optional.ofNullable(answers.get(question.stepId()));
    }
    return Optional.empty();
  }

  /** The steps answered that are none of {@code stepIds} (by the last segment of their path). */
  public List<String> unknown(Set<String> stepIds) {
    return answers.keySet().stream()
        .filter(step -> !stepIds.contains(step.substring(step.lastIndexOf('/') + 1)))
        .toList();
  }
}

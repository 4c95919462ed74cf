package io.baton.cli.offline;

import io.baton.api.spi.StepContext;
import io.baton.api.spi.TaskHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's offline stand-in for the agents that will handle {@code task} steps: for each
 * capability of the iflow format ({@code analysis}, {@code design}, {@code development}, {@code
 * integration}, {@code testing}) and those of the examples ({@code research}, {@code writing},
 * {@code review}), it answers {@code {capability, subject, summary, offline: true}} — a fixed
 * sentence about the task's subject (its {@code topic}, {@code goal}, {@code task} or {@code title}
 * input, else the step id). No model is called.
 */
public final class OfflineTasks implements TaskHandler {

  /** The capabilities it handles. */
  public static final List<String> CAPABILITIES =
      List.of(
          "analysis",
          "design",
          "development",
          "integration",
          "testing",
          "research",
          "writing",
          "review");

  private static final List<String> SUBJECT_KEYS = List.of("topic", "goal", "task", "title");

  @Override
  public Object handle(String capability, Map<String, Object> input, StepContext context) {
    String subject = subject(input, context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("capability", capability);
    out.put("subject", subject);
    out.put("summary", summary(capability, subject));
    out.put("offline", true);
    return out;
  }

  private static String subject(Map<String, Object> input, StepContext context) {
    for (String key : SUBJECT_KEYS) {
      Object value = input.get(key);
      if (value != null) {
        return value instanceof Map<?, ?> m && m.get("title") != null
            ? String.valueOf(m.get("title"))
            : String.valueOf(value);
      }
    }
    return context.stepId();
  }

  private static String summary(String capability, String subject) {
    return switch (capability) {
      case "analysis" -> "Requirements of " + subject + " analysed: 3 goals, 2 constraints.";
      case "design" -> "Architecture for " + subject + " designed: frontend, backend, database.";
      case "development" -> "Implemented " + subject + "; build passes.";
      case "integration" -> "Integrated the parts of " + subject + "; interfaces agree.";
      case "testing" -> "Tested " + subject + ": all checks pass.";
      case "research" -> "Findings on " + subject + ": three sources agree on the main point.";
      case "writing" -> "Draft about " + subject + " written: 2 sections, 1 summary.";
      case "review" -> "Reviewed " + subject + ": approved with minor edits.";
      default -> capability + " of " + subject + " done.";
    };
  }
}

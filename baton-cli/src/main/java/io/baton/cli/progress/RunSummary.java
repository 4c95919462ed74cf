package io.baton.cli.progress;

import io.baton.api.run.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lines that open and close a run's progress: which run, and how it ended. */
final class RunSummary {
  private RunSummary() {}

  /** {@code run 0f3a… · hello 1.0.0}. */
  static String header(RunProgress run) {
    return "run " + run.runId() + " · " + run.workflowId() + " " + run.workflowVersion();
  }

  /** {@code run completed in 1.2s · 5 completed, 1 skipped}. */
  static String footer(RunProgress run) {
    StringBuilder out =
        new StringBuilder("run ").append(run.status().name().toLowerCase(Locale.ROOT));
    if (run.startedAt() != null && run.endedAt() != null) {
      out.append(" in ")
          .append(DurationText.format(Duration.between(run.startedAt(), run.endedAt())));
    }
    List<String> counts = new ArrayList<>();
    for (Map.Entry<StepStatus, Integer> e : run.counts().entrySet()) {
      counts.add(e.getValue() + " " + StatusStyle.of(e.getKey()).word());
    }
    if (!counts.isEmpty()) {
      out.append(" · ").append(String.join(", ", counts));
    }
    return out.toString();
  }
}

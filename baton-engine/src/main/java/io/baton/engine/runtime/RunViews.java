package io.baton.engine.runtime;

import io.baton.api.run.PendingInput;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StepView;
import io.baton.api.run.WaitKind;
import io.baton.engine.planner.RunState;
import io.baton.engine.planner.StepState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the user-facing {@link RunView} of a run's state. */
final class RunViews {
  private RunViews() {}

  @SuppressWarnings("unchecked")
  static RunView of(RunState state) {
    Map<String, StepView> steps = new LinkedHashMap<>();
    List<PendingInput> pending = new ArrayList<>();
    for (StepState s : state.steps()) {
      steps.put(
          s.path(),
          new StepView(
              s.path(),
              s.step().id(),
              s.step().definition().type(),
              s.status(),
              s.attempt(),
              s.input(),
              s.output(),
              s.failure(),
              s.startedAt(),
              s.endedAt(),
              s.waitId(),
              s.usage()));
      if (s.status() == StepStatus.WAITING && s.waitKind() == WaitKind.HUMAN) {
        Map<String, Object> d = s.waitDetails();
        pending.add(
            new PendingInput(
                s.waitId(),
                state.runId(),
                s.path(),
                String.valueOf(d.get("prompt")),
                (Map<String, Object>) d.getOrDefault("form", Map.of()),
                (List<String>) d.getOrDefault("assignees", List.of()),
                s.deadline()));
      }
    }
    var def = state.workflow().definition();
    return new RunView(
        state.runId(),
        def.id(),
        def.version(),
        state.effectiveStatus(),
        state.inputs(),
        state.outputs(),
        state.failure(),
        state.failedPath(),
        state.startedAt(),
        state.endedAt(),
        steps,
        pending,
        state.applied() - 1);
  }
}

package io.baton.engine.planner;

import io.baton.api.definition.SubworkflowStep;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.StepStarted;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the steps the engine carries out itself start: control steps, waits, people, child runs,
 * composites.
 */
final class StepStarts {
  private StepStarts() {}

  static List<RunEvent> start(RunState run, StepState s, Instant now) {
    List<RunEvent> out = new ArrayList<>(3);
    out.add(new StepStarted(now, s.path(), s.attempt()));
    switch (s.step().kind()) {
      case INLINE -> out.add(Planner.completed(now, s, s.input()));
      case WAIT -> out.add(waitFor(run, s, now));
      case HUMAN -> out.add(askHuman(run, s, now));
      case SUBWORKFLOW -> out.add(startChild(run, s, now));
      default -> {}
    }
    return out;
  }

  /** The stable id of a wait: the same for the same attempt, whatever happens to the process. */
  static String waitId(RunState run, StepState s) {
    return run.runId() + ":" + s.path() + ":" + s.attempt();
  }

  @SuppressWarnings("unchecked")
  private static RunEvent waitFor(RunState run, StepState s, Instant now) {
    Map<String, Object> in = (Map<String, Object>) s.input();
    if (in.containsKey("duration")) {
      Instant due = now.plus(Duration.parse((String) in.get("duration")));
      return new StepWaiting(now, s.path(), s.attempt(), waitId(run, s), WaitKind.TIMER, due, in);
    }
    if (in.containsKey("until")) {
      return new StepWaiting(
          now, s.path(), s.attempt(), waitId(run, s), WaitKind.TIMER, until(s, in), in);
    }
    return new StepWaiting(
        now, s.path(), s.attempt(), waitId(run, s), WaitKind.EVENT, deadline(s, now), in);
  }

  private static Instant until(StepState s, Map<String, Object> in) {
    String text = (String) in.get("until");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new io.baton.api.run.StepException(
          io.baton.api.run.ErrorKind.BAD_INPUT,
          "wait '"
              + s.path()
              + "': 'until' must be an ISO-8601 instant such as 2026-01-31T09:00:00Z, but it is '"
              + text
              + "'");
    }
  }

  @SuppressWarnings("unchecked")
  private static RunEvent askHuman(RunState run, StepState s, Instant now) {
    Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) s.input());
    return new StepWaiting(
        now, s.path(), s.attempt(), waitId(run, s), WaitKind.HUMAN, deadline(s, now), details);
  }

  private static RunEvent startChild(RunState run, StepState s, Instant now) {
    SubworkflowStep def = (SubworkflowStep) s.step().definition();
    String childRunId = waitId(run, s);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("workflow", def.workflow());
    details.put("version", def.version());
    details.put("childRunId", childRunId);
    details.put("inputs", s.input());
    return new StepWaiting(
        now, s.path(), s.attempt(), childRunId, WaitKind.CHILD_RUN, deadline(s, now), details);
  }

  private static Instant deadline(StepState s, Instant now) {
    Duration timeout = s.step().timeout();
    return timeout == null ? null : now.plus(timeout);
  }
}

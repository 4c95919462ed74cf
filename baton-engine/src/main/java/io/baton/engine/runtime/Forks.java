package io.baton.engine.runtime;

import io.baton.api.definition.ErrorAction;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepScheduled;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.engine.graph.CompiledStep;
import io.baton.engine.graph.CompiledWorkflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-running from a step: the history a fork shares with its source run. Everything the source
 * journaled about the top-level steps that are neither the chosen step nor downstream of it is
 * copied; the chosen step is then scheduled again, with edited input if given.
 */
final class Forks {
  private Forks() {}

  static List<RunEvent> history(
      CompiledWorkflow workflow, List<JournalEntry> source, String fromStep, Object editedInput) {
    CompiledStep from = workflow.step(fromStep);
    if (from == null || from.scope() != workflow.root()) {
      throw new IllegalArgumentException(
          "cannot re-run from '"
              + fromStep
              + "': it is not a top-level step of "
              + workflow.definition().id());
    }
    Set<String> rerun = downstream(from);
    rerun.addAll(unfinished(workflow, source));
    List<RunEvent> out = new ArrayList<>();
    Object originalInput = null;
    for (JournalEntry e : source) {
      String path = RunEvent.stepPath(e.event());
      if (path == null) {
        continue;
      }
      String top = topLevel(path);
      if (top.equals(fromStep) && e.event() instanceof StepScheduled s && path.equals(fromStep)) {
        originalInput = s.input();
      }
      if (!rerun.contains(top)) {
        out.add(e.event());
      }
    }
    if (editedInput != null || originalInput != null) {
      var now = source.isEmpty() ? null : source.getLast().event().at();
      out.add(
          new StepScheduled(now, fromStep, 1, editedInput != null ? editedInput : originalInput));
    }
    return out;
  }

  /**
   * The history a run continuing {@code source} starts with: everything it journaled about the
   * top-level steps that ended well; the others run again.
   */
  static List<RunEvent> continuation(CompiledWorkflow workflow, List<JournalEntry> source) {
    Set<String> rerun = unfinished(workflow, source);
    List<RunEvent> out = new ArrayList<>();
    for (JournalEntry e : source) {
      String path = RunEvent.stepPath(e.event());
      if (path != null && !rerun.contains(topLevel(path))) {
        out.add(e.event());
      }
    }
    return out;
  }

  /**
   * The top-level steps that did not end well in the source: cancelled, failed (with {@code
   * onError: fail}), or still running or waiting. Their copied events would leave them in a state
   * no handler, timer or wait of the fork will ever change, so the fork runs them again instead.
   */
  private static Set<String> unfinished(CompiledWorkflow workflow, List<JournalEntry> source) {
    Map<String, RunEvent> last = new HashMap<>();
    for (JournalEntry e : source) {
      String path = RunEvent.stepPath(e.event());
      if (path != null && path.indexOf('[') < 0) {
        last.put(path, e.event());
      }
    }
    Set<String> out = new HashSet<>();
    last.forEach(
        (id, event) -> {
          boolean endedWell =
              switch (event) {
                case StepCompleted c -> true;
                case StepSkipped s -> true;
                case StepFailed f ->
                    f.retryAt() == null && workflow.step(id).onError().action() != ErrorAction.FAIL;
                default -> false;
              };
          if (!endedWell) {
            out.add(id);
          }
        });
    return out;
  }

  private static Set<String> downstream(CompiledStep from) {
    Set<String> seen = new HashSet<>();
    Deque<CompiledStep> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      CompiledStep s = todo.pop();
      if (seen.add(s.id())) {
        todo.addAll(s.successors());
      }
    }
    return seen;
  }

  private static String topLevel(String path) {
    int cut = path.indexOf('[');
    return cut < 0 ? path : path.substring(0, cut);
  }
}

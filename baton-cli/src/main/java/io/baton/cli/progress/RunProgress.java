package io.baton.cli.progress;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The progress of one run and its child runs, folded from their journal events into a tree of
 * {@link StepNode}s: steps inside composites ({@code fanout[3]/work}) under their composite, and
 * the steps of a subworkflow's child run under the subworkflow step. Fed on the CLI's main thread,
 * in journal order.
 */
public final class RunProgress {
  private final BiFunction<String, String, String> typeOf;
  private final Map<String, StepNode> nodes = new LinkedHashMap<>();
  private final List<StepNode> roots = new ArrayList<>();
  private final Map<String, String> prefixes = new HashMap<>();
  private final Map<String, String> workflows = new HashMap<>();
  private String rootRunId;
  private String workflowId;
  private String workflowVersion;
  private RunStatus status = RunStatus.PENDING;
  private Instant startedAt;
  private Instant endedAt;
  private Instant lastEventAt;

  /**
   * @param typeOf the type of a step given its workflow id and step id, or null when unknown
   */
  public RunProgress(BiFunction<String, String, String> typeOf) {
    this.typeOf = typeOf;
  }

  /**
   * Applies one journal event of the run or of one of its descendants.
   *
   * @return the step it changed, or null when it changed the run or nothing shown
   */
  public StepNode apply(JournalEntry entry) {
    RunEvent event = entry.event();
    lastEventAt = event.at();
    if (event instanceof RunEvent.RunStarted started) {
      onRunStarted(entry.runId(), started);
      return null;
    }
    String prefix = prefixes.get(entry.runId());
    if (prefix == null) {
      return null; // a run this display does not follow
    }
    if (entry.runId().equals(rootRunId)) {
      onRootEvent(event);
    }
    return StepEvents.apply(event, path -> node(entry.runId(), prefix, path));
  }

  private void onRunStarted(String runId, RunEvent.RunStarted started) {
    if (started.parentRunId() == null && rootRunId == null) {
      rootRunId = runId;
      prefixes.put(runId, "");
      workflowId = started.workflowId();
      workflowVersion = started.workflowVersion();
      status = RunStatus.RUNNING;
      startedAt = started.at();
    } else if (started.parentRunId() != null && prefixes.containsKey(started.parentRunId())) {
      prefixes.put(runId, prefixes.get(started.parentRunId()) + started.parentStepPath() + "/");
    } else {
      return;
    }
    workflows.put(runId, started.workflowId());
  }

  private void onRootEvent(RunEvent event) {
    switch (event) {
      case RunEvent.RunCompleted e -> end(RunStatus.COMPLETED, e.at());
      case RunEvent.RunFailed e -> end(RunStatus.FAILED, e.at());
      case RunEvent.RunCancelled e -> end(RunStatus.CANCELLED, e.at());
      case RunEvent.RunTimedOut e -> end(RunStatus.TIMED_OUT, e.at());
      case RunEvent.RunPaused e -> status = RunStatus.PAUSED;
      case RunEvent.RunResumed e -> status = RunStatus.RUNNING;
      case RunEvent.RunRetried e -> status = RunStatus.RUNNING;
      default -> {}
    }
  }

  private void end(RunStatus end, Instant at) {
    status = end;
    endedAt = at;
  }

  private StepNode node(String runId, String prefix, String runPath) {
    String path = prefix + runPath;
    StepNode existing = nodes.get(path);
    if (existing != null) {
      return existing;
    }
    String type = typeOf.apply(workflows.get(runId), StepPaths.stepId(runPath));
    StepNode created = new StepNode(path, type == null ? "?" : type);
    nodes.put(path, created);
    String parent = StepPaths.parent(path);
    StepNode parentNode = parent == null ? null : nodes.get(parent);
    (parentNode == null ? roots : parentNode.children()).add(created);
    return created;
  }

  /** The top-level steps, each with its nested ones. */
  public List<StepNode> roots() {
    return roots;
  }

  /** The node at {@code path}, or null. */
  public StepNode node(String path) {
    return nodes.get(path);
  }

  /** The id of the run followed: the first run started without a parent; null until it starts. */
  public String runId() {
    return rootRunId;
  }

  /** The id of the run's workflow. */
  public String workflowId() {
    return workflowId;
  }

  /** The version of the run's workflow. */
  public String workflowVersion() {
    return workflowVersion;
  }

  /** The run's status as far as the events seen tell. */
  public RunStatus status() {
    return status;
  }

  /** When the run started, or null. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When the run ended, or null. */
  public Instant endedAt() {
    return endedAt;
  }

  /** The time of the latest event applied: "now" as far as the journal tells, for plain output. */
  public Instant lastEventAt() {
    return lastEventAt;
  }

  /** How many steps are in each status, for summaries. */
  public Map<StepStatus, Integer> counts() {
    Map<StepStatus, Integer> counts = new java.util.EnumMap<>(StepStatus.class);
    nodes.values().forEach(n -> counts.merge(n.status(), 1, Integer::sum));
    return counts;
  }
}

package io.baton.engine.runtime;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepFailure;
import io.baton.api.store.DefinitionStore;
import io.baton.engine.planner.RunState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links {@code subworkflow} steps to their child runs: starts a child once (a replayed start is
 * harmless), and answers the parent's step when the child ends.
 */
final class ChildRuns {
  private static final Logger LOG = LoggerFactory.getLogger(ChildRuns.class);
  private final RunEngine engine;
  private final RuntimeServices rt;
  private final DefinitionStore definitions;

  ChildRuns(RunEngine engine, RuntimeServices rt, DefinitionStore definitions) {
    this.engine = engine;
    this.rt = rt;
    this.definitions = definitions;
  }

  /** Starts the child run a step asked for, unless it exists; a missing workflow fails the step. */
  void start(RunState parent, String path, Map<String, Object> details) {
    String childRunId = (String) details.get("childRunId");
    if (rt.runs().find(childRunId).isPresent()) {
      return;
    }
    String workflowId = (String) details.get("workflow");
    String version = (String) details.get("version");
    Optional<WorkflowDefinition> child =
        version == null ? definitions.latest(workflowId) : definitions.find(workflowId, version);
    if (child.isEmpty()) {
      StepFailure failure =
          StepFailure.of(
              ErrorKind.NOT_FOUND,
              "subworkflow '"
                  + workflowId
                  + "'"
                  + (version == null ? "" : " version " + version)
                  + " is not registered with the engine");
      engine.deliver(parent.runId(), new Message.ChildFailed(path, childRunId, failure));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = (Map<String, Object>) details.getOrDefault("inputs", Map.of());
    engine.start(
        child.get(),
        inputs == null ? Map.of() : inputs,
        StartRequest.child(childRunId, parent.runId(), path, parent.priority()));
  }

  /**
   * Gives the parent its own copies of the stored values in the child's outputs: the child ends
   * first, so retention may purge it while the parent still reads them.
   */
  private void keepValues(RunState child) {
    try {
      rt.values().copyReferenced(child.parentRunId(), child.outputs());
    } catch (RuntimeException e) {
      // the parent gets the outputs all the same: reading a lost value then says which it is
      LOG.warn(
          "run {} could not keep copies of the stored values in the outputs of its child run {}",
          child.parentRunId(),
          child.runId(),
          e);
    }
  }

  /** Tells the parent of a child run that ended: its outputs, or why it did not complete. */
  void ended(RunState child) {
    String waitId = child.runId();
    if (child.status() == RunStatus.COMPLETED) {
      keepValues(child);
      engine.deliver(
          child.parentRunId(),
          new Message.Resolve(
              child.parentStepPath(),
              waitId,
              child.outputs(),
              "child run",
              new CompletableFuture<>()));
    } else {
      StepFailure failure =
          child.failure() != null
              ? child.failure()
              : StepFailure.of(
                  ErrorKind.CANCELLED, "child run " + child.runId() + " ended " + child.status());
      engine.deliver(
          child.parentRunId(), new Message.ChildFailed(child.parentStepPath(), waitId, failure));
    }
  }
}

package io.baton.engine.runtime;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunStatus;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunRecord;
import io.baton.api.time.IdGenerator;
import io.baton.engine.InvalidInputException;
import io.baton.engine.graph.CompiledWorkflow;
import io.baton.engine.schema.JsonSchemaCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepares new runs: checks their inputs against the workflow's schema, stores the definition they
 * run (so they can be reloaded), claims them for this node and saves their record — with the
 * application's writes that come with the start, in one transaction — and builds the events their
 * journals begin with.
 */
final class RunStarts {
  /** How many stored definition versions are remembered; the set starts again beyond that. */
  private static final int REMEMBERED_VERSIONS = 10_000;

  private final RuntimeServices rt;
  private final DefinitionStore definitions;
  // The versions known to be in the store: a stored version is never removed, so each costs one
  // look-up in the store rather than one per run (a query per start on the SQL stores).
  private final Set<String> storedVersions = ConcurrentHashMap.newKeySet();
  private final RunLoader loader;
  private final IdGenerator ids;
  private final RunOwnership ownership;

  RunStarts(
      RuntimeServices rt,
      DefinitionStore definitions,
      RunLoader loader,
      IdGenerator ids,
      RunOwnership ownership) {
    this.rt = rt;
    this.definitions = definitions;
    this.loader = loader;
    this.ids = ids;
    this.ownership = ownership;
  }

  /** A run whose record is saved and whose first events are ready to be journaled. */
  record Prepared(
      String runId, CompiledWorkflow workflow, RunRecord record, List<RunEvent> firstEvents) {}

  /**
   * Prepares a run of {@code definition}.
   *
   * @throws InvalidInputException when the inputs do not match the workflow's input schema
   * @throws IllegalStateException when another node owns a run with the requested id
   * @throws IllegalArgumentException when the request carries writes alongside the run's record and
   *     the store cannot commit them with it (nothing is saved)
   */
  Prepared prepare(
      WorkflowDefinition definition, Map<String, Object> inputs, StartRequest request) {
    if (!request.alongside().isEmpty() && !rt.writes().atomic()) {
      throw new IllegalArgumentException(
          "cannot start a run with writes alongside its record: this store commits store by"
              + " store, not in one transaction");
    }
    CompiledWorkflow workflow = loader.compile(definition);
    List<String> problems = JsonSchemaCheck.problems(definition.inputs(), inputs);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the inputs of workflow '" + definition.id() + "'", problems);
    }
    storeOnce(definition);
    String runId = request.runId() != null ? request.runId() : ids.newId();
    var now = rt.clock().now();
    var priority =
        request.priority() != null ? request.priority() : definition.policies().priority();
    RunRecord record =
        new RunRecord(
            runId,
            definition.id(),
            definition.version(),
            RunStatus.PENDING,
            priority,
            request.parentRunId(),
            now,
            now,
            1);
    RunStarted started =
        new RunStarted(
            now,
            definition.id(),
            definition.version(),
            inputs,
            priority,
            request.parentRunId(),
            request.parentStepPath(),
            request.forkOf());
    List<RunEvent> first = new ArrayList<>(1 + request.history().size());
    first.add(started);
    first.addAll(request.history());
    // Under a new id the only values are the copies made here: they can go again on a failure.
    boolean newId = request.runId() == null;
    if (request.forkOf() != null) {
      copyValues(runId, request.forkOf(), first, newId);
    }
    try {
      if (!ownership.acquire(runId, null, null)) {
        throw new IllegalStateException(
            "cannot start run " + runId + ": another node owns a run with this id");
      }
      if (request.alongside().isEmpty()) {
        rt.runs().save(record);
      } else {
        rt.writes()
            .commit(new RunCommit(runId, 0, List.of(), List.of(), record, request.alongside()));
      }
    } catch (RuntimeException e) {
      if (newId && request.forkOf() != null) {
        rt.values().deleteRun(runId);
      }
      throw e;
    }
    return new Prepared(runId, workflow, record, first);
  }

  /**
   * Gives a fork (or a restored run) its own copies of the stored values its first events refer to,
   * before anything else of it is stored: the run they come from may be purged while the fork still
   * reads them. When a copy fails, the copies made so far under a new id are deleted again.
   */
  private void copyValues(String runId, String source, List<RunEvent> first, boolean newId) {
    try {
      rt.values().copyReferenced(runId, first);
    } catch (RuntimeException e) {
      if (newId) {
        rt.values().deleteRun(runId);
      }
      throw new IllegalStateException(
          "cannot start run "
              + runId
              + " from the history of run "
              + source
              + ": "
              + e.getMessage()
              + "; re-run it from an earlier step, or from a snapshot taken before",
          e);
    }
  }

  private void storeOnce(WorkflowDefinition definition) {
    String key = definition.id() + '\n' + definition.version();
    if (storedVersions.contains(key)) {
      return;
    }
    if (definitions.find(definition.id(), definition.version()).isEmpty()) {
      definitions.save(definition);
    }
    if (storedVersions.size() >= REMEMBERED_VERSIONS) {
      storedVersions.clear();
    }
    storedVersions.add(key);
  }
}

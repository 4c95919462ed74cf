package io.baton.server.execution;

import io.baton.api.definition.Priority;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.language.DefinitionInvalidException;
import io.baton.engine.runtime.StartRequest;
import io.baton.server.api.ApiError;
import io.baton.server.api.Page;
import io.baton.server.audit.AuditLog;
import io.baton.server.persistence.ServerTables;
import io.baton.server.persistence.ServerWrites;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Runs through the API: starts them in the caller's namespace, shows and lists them, and controls
 * them (stop, pause, resume, retry, re-run from a step). Every action is audited.
 */
@Service
public class ExecutionService {
  private final Baton baton;
  private final StoreBackend store;
  private final ExecutionIndex index;
  private final WorkflowService workflows;
  private final AuditLog audit;
  private final ServerWrites writer;
  private final IdGenerator ids;
  private final TimeSource clock;
  private final EndedRunViews endedViews;
  private final UnstartedRuns unstarted;
  // whether a start can carry its index row and audit entry into the commit of the run's record
  private final boolean startsCarryRows;

  ExecutionService(
      Baton baton,
      StoreBackend store,
      ExecutionIndex index,
      WorkflowService workflows,
      AuditLog audit,
      EndedRunViews endedViews,
      UnstartedRuns unstarted,
      Services services) {
    this.baton = baton;
    this.store = store;
    this.index = index;
    this.workflows = workflows;
    this.audit = audit;
    this.writer = services.writer();
    this.ids = services.ids();
    this.clock = services.clock();
    this.endedViews = endedViews;
    this.unstarted = unstarted;
    this.startsCarryRows =
        services.tables().rowsInRunCommits() && store.atomicCommits().isPresent();
  }

  /**
   * The clock, the id generator, the writer of the server's rows and where they are, one
   * dependency.
   */
  @org.springframework.stereotype.Component
  record Services(IdGenerator ids, TimeSource clock, ServerWrites writer, ServerTables tables) {}

  /**
   * What starts a run.
   *
   * @param inputs the run's inputs
   * @param version the workflow version, or null for the published (else latest) one
   * @param priority the run's priority, or null for the workflow's
   */
  public record ExecuteRequest(Map<String, Object> inputs, String version, String priority) {}

  /**
   * Starts a run of workflow {@code workflowId}; the answer says {@code PENDING}, the status the
   * run is accepted with. Its index row and its audit entry are durable with the run, before its
   * first events (which find it indexed):
   *
   * <ul>
   *   <li>on PostgreSQL holding the server's tables ({@link ServerTables#rowsInRunCommits}), in the
   *       very transaction that saves the run's record — one commit, and the run, its row and its
   *       entry all or none, even across a crash; a start the engine refuses writes nothing;
   *   <li>otherwise (H2, the in-memory store, {@code baton.server-db.url} elsewhere) in a
   *       transaction of their own before the engine takes the run: a start the engine refuses then
   *       removes the row and is audited as {@code execution.start-failed}, since the log is
   *       append-only, and a crash in between leaves the row to {@link UnstartedRuns}.
   * </ul>
   */
  public ExecutionViews.Execution execute(
      Caller caller, String workflowId, ExecuteRequest request) {
    return start(caller, workflowId, request, ids.newId(), false).orElseThrow();
  }

  /**
   * Starts a run of workflow {@code workflowId} with id {@code runId}, once: a second call with
   * that id starts nothing → empty. Made for starts that may be asked again — an event trigger's
   * after a crash or by a second node — with an id derived from what asks, so that the run's index
   * row is the start's idempotency key. A call after a crash that came between committing the index
   * row and starting the run in the engine starts the run then. The row stays when the engine fails
   * to start the run for another reason than refusing it (invalid inputs or definition): another
   * start of the same id may be under way; the caller tries again or gives up ({@link
   * UnstartedRuns#giveUp}).
   */
  public Optional<ExecutionViews.Execution> executeOnce(
      Caller caller, String workflowId, ExecuteRequest request, String runId) {
    return start(caller, workflowId, request, runId, true);
  }

  private Optional<ExecutionViews.Execution> start(
      Caller caller, String workflowId, ExecuteRequest request, String runId, boolean once) {
    WorkflowDefinition definition =
        workflows.runnable(caller, workflowId, request == null ? null : request.version());
    Map<String, Object> inputs =
        request == null || request.inputs() == null ? Map.of() : request.inputs();
    Priority priority = priority(request);
    var entry =
        new ExecutionIndex.Entry(
            runId,
            caller.namespace(),
            definition.id(),
            definition.version(),
            RunStatus.PENDING,
            caller.subject(),
            clock.now());
    var started =
        audit.entryStatement(
            caller,
            "execution.start",
            "execution",
            runId,
            null,
            Map.of(
                "workflowId", definition.id(),
                "workflowVersion", definition.version(),
                "inputs", inputs));
    StartRequest startRequest = StartRequest.of(runId, priority);
    if (startsCarryRows && !once) {
      // one commit for the run's record, its index row and its audit entry: all or none. A start
      // made once (executeOnce) indexes first, since its row is what tells a repeated start.
      baton.start(
          definition,
          inputs,
          startRequest.withAlongside(List.of(index.insertStatement(entry), started)));
      return Optional.of(accepted(entry));
    }
    boolean indexedHere = true;
    try {
      writer.write(tx -> index.insert(entry).apply(tx) + ServerWrites.of(started).apply(tx));
    } catch (DuplicateKeyException indexed) {
      if (!once) {
        throw indexed;
      }
      if (startedInEngine(runId)) {
        return Optional.empty();
      }
      // indexed by a start that died before the engine took the run (or is still starting it
      // on another node): this call finishes it, and the engine takes one of the two
      indexedHere = false;
    }
    try {
      baton.start(definition, inputs, startRequest);
    } catch (RuntimeException e) {
      if (once && startedInEngine(runId)) {
        return Optional.empty(); // another node took it meanwhile: its index row stays
      }
      if (!indexedHere) {
        throw e; // the row is the other start's to keep or remove; the caller tries again
      }
      if (once && !refused(e)) {
        // Another node may hold this id for its own start of it (the engine refuses a second
        // start meanwhile): the run it starts needs this row. The caller tries again, and gives
        // the start up through UnstartedRuns if it never succeeds.
        throw e;
      }
      var failed =
          audit.entry(
              caller,
              "execution.start-failed",
              "execution",
              runId,
              null,
              Map.of("error", String.valueOf(e.getMessage())));
      writer.write(tx -> index.delete(runId).apply(tx) + failed.apply(tx));
      throw e;
    }
    return Optional.of(accepted(entry));
  }

  /**
   * The answer to a start: {@code PENDING}, as the engine saved the run — not read back from the
   * run store, which cost a query and a parse per request (W6) to report a status that the run
   * leaves a moment later anyway.
   */
  private static ExecutionViews.Execution accepted(ExecutionIndex.Entry entry) {
    return new ExecutionViews.Execution(
        entry.runId(),
        entry.workflowId(),
        entry.workflowVersion(),
        entry.status().name(),
        entry.createdAt());
  }

  /** Whether the engine refused the start itself, as it refuses every start of it. */
  private static boolean refused(RuntimeException e) {
    return e instanceof IllegalArgumentException || e instanceof DefinitionInvalidException;
  }

  private boolean startedInEngine(String runId) {
    return store.runs().find(runId).isPresent();
  }

  private static Priority priority(ExecuteRequest request) {
    if (request == null || request.priority() == null) {
      return null;
    }
    try {
      return Priority.valueOf(request.priority().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badField(
          "/priority",
          "invalid-priority",
          "priority is critical, high, medium, low or background, was '"
              + request.priority()
              + "'");
    }
  }

  /**
   * The run, if it is in the caller's namespace; an ended run from the view kept of it while its
   * record is unchanged (see {@link EndedRunViews}).
   */
  public RunView view(Caller caller, String runId) {
    ExecutionIndex.Entry entry = requireInNamespace(caller, runId);
    Optional<RunRecord> record = store.runs().find(runId);
    if (record.isEmpty() && entry.status() == RunStatus.FAILED) {
      return unstarted.view(entry); // a start given up after a crash had indexed it
    }
    return endedViews.view(runId, record, () -> baton.status(runId));
  }

  /** Fails with 404 unless the run belongs to the caller's namespace. */
  public ExecutionIndex.Entry requireInNamespace(Caller caller, String runId) {
    return index
        .find(runId)
        .filter(e -> e.namespace().equals(caller.namespace()))
        .orElseThrow(() -> ApiError.notFound("execution", runId));
  }

  /** A page of the namespace's runs; statuses are the engine's current ones. */
  public Page<ExecutionViews.Execution> list(
      Caller caller, String workflowId, Set<RunStatus> statuses, Page.Request page) {
    return index
        .list(caller.namespace(), workflowId, statuses, page)
        .map(
            e ->
                new ExecutionViews.Execution(
                    e.runId(),
                    e.workflowId(),
                    e.workflowVersion(),
                    store.runs().find(e.runId()).map(RunRecord::status).orElse(e.status()).name(),
                    e.createdAt()));
  }

  /** What a control action does to a run. */
  public enum Action {
    STOP,
    PAUSE,
    RESUME,
    RETRY
  }

  /**
   * Applies {@code action}.
   *
   * @throws ApiError 409 when the run is not in a state the action applies to
   */
  public ExecutionViews.ExecutionDetail control(Caller caller, String runId, Action action) {
    requireInNamespace(caller, runId);
    String before = baton.status(runId).status().name();
    boolean done =
        switch (action) {
          case STOP -> baton.cancel(runId, caller.subject());
          case PAUSE -> baton.pause(runId, caller.subject());
          case RESUME -> baton.resume(runId, caller.subject());
          case RETRY -> baton.retry(runId, caller.subject());
        };
    if (!done) {
      throw ApiError.conflict(
          "cannot "
              + action.name().toLowerCase(java.util.Locale.ROOT)
              + " execution '"
              + runId
              + "': it is "
              + before);
    }
    RunView after = baton.status(runId);
    audit.record(
        caller,
        "execution." + action.name().toLowerCase(java.util.Locale.ROOT),
        "execution",
        runId,
        Map.of("status", before),
        Map.of("status", after.status().name()));
    return ExecutionViews.detail(after);
  }

  /** Starts a fork of the run from top-level step {@code fromStep}, with an edited input. */
  public ExecutionViews.Execution rerun(
      Caller caller, String runId, String fromStep, Object input) {
    ExecutionIndex.Entry source = requireInNamespace(caller, runId);
    if (fromStep == null || fromStep.isBlank()) {
      throw ApiError.badField(
          "/fromStep", "missing-field", "fromStep names the step to re-run from");
    }
    String fork;
    try {
      fork = baton.rerunFrom(runId, fromStep, input).id();
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      throw ApiError.badField("/fromStep", "invalid-step", e.getMessage());
    }
    var execution = indexDerived(caller, source, fork);
    audit.record(
        caller,
        "execution.rerun",
        "execution",
        fork,
        null,
        Map.of("forkOf", runId, "fromStep", fromStep));
    return execution;
  }

  /**
   * Indexes a run started from another one (a fork, a restored snapshot) in the caller's namespace,
   * as a run of the same workflow version.
   */
  public ExecutionViews.Execution indexDerived(
      Caller caller, ExecutionIndex.Entry source, String runId) {
    var entry =
        new ExecutionIndex.Entry(
            runId,
            caller.namespace(),
            source.workflowId(),
            source.workflowVersion(),
            RunStatus.RUNNING,
            caller.subject(),
            clock.now());
    index.add(entry);
    return new ExecutionViews.Execution(
        runId,
        source.workflowId(),
        source.workflowVersion(),
        store.runs().find(runId).map(RunRecord::status).orElse(RunStatus.RUNNING).name(),
        entry.createdAt());
  }
}

package io.baton.engine;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunView;
import io.baton.api.spi.RunListener;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.WaitStore;
import io.baton.engine.language.DefinitionInvalidException;
import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.LoadResult;
import io.baton.engine.language.WorkflowLoader;
import io.baton.engine.runtime.ControlOp;
import io.baton.engine.runtime.RunArchive;
import io.baton.engine.runtime.RunEngine;
import io.baton.engine.runtime.StartRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Baton engine embedded in a Java program: starts runs of workflows, controls them, answers their
 * questions.
 *
 * <pre>{@code
 * try (Baton baton = Baton.builder()
 *     .tool(Tool.of("greet", "Says hello", Map.of(), (args, ctx) -> "Hello, " + args.get("name")))
 *     .build()) {
 *   WorkflowDefinition flow = baton.load(Path.of("examples/hello.yaml"));
 *   RunView done = baton.start(flow, Map.of("name", "Ada")).await(Duration.ofSeconds(10));
 *   System.out.println(done.outputs());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every method that changes a run returns once the change is durable in the
 * journal.
 */
public final class Baton implements AutoCloseable {
  private final RunEngine engine;
  private final RunArchive archive;
  private final WorkflowLoader loader;
  private final WaitStore waits;
  private final List<RunListener> listeners;
  private final Runnable onClose;
  private final Map<String, WorkflowDefinition> validated = new ConcurrentHashMap<>();

  Baton(
      RunEngine engine,
      RunArchive archive,
      WorkflowLoader loader,
      WaitStore waits,
      List<RunListener> listeners,
      Runnable onClose) {
    this.engine = engine;
    this.archive = archive;
    this.loader = loader;
    this.waits = waits;
    this.listeners = listeners;
    this.onClose = onClose;
  }

  /** A builder with in-memory stores, the system clock and the default configuration. */
  public static BatonBuilder builder() {
    return new BatonBuilder();
  }

  /**
   * Loads a workflow file (YAML or JSON, native or one of the seed formats), validated against the
   * step types, tools and dialects of this engine.
   *
   * @throws DefinitionInvalidException listing every error, each with file, line, column and JSON
   *     pointer
   */
  public WorkflowDefinition load(Path file) {
    LoadResult result = loader.load(file);
    WorkflowDefinition definition = result.orThrow();
    validated.put(key(definition), definition);
    return definition;
  }

  /**
   * The loader this engine validates with: for tools that want every diagnostic, warnings included.
   */
  public WorkflowLoader loader() {
    return loader;
  }

  /**
   * Registers a workflow so that subworkflow steps find it by id.
   *
   * @throws DefinitionInvalidException when it is not valid
   */
  public void register(WorkflowDefinition definition) {
    validate(definition);
    engine.register(definition);
  }

  /** Starts a run of {@code definition} with {@code inputs}. */
  public RunHandle start(WorkflowDefinition definition, Map<String, Object> inputs) {
    return start(definition, inputs, StartRequest.DEFAULT);
  }

  /** Starts a run with options (id, priority). */
  public RunHandle start(
      WorkflowDefinition definition, Map<String, Object> inputs, StartRequest request) {
    validate(definition);
    var started = engine.startRun(definition, inputs, request);
    return new RunHandle(this, started.runId(), started.completion());
  }

  /** Validates a definition once per instance: invalid definitions never run. */
  private void validate(WorkflowDefinition definition) {
    if (validated.get(key(definition)) == definition) {
      return;
    }
    List<Diagnostic> errors =
        loader.validate(definition).stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new DefinitionInvalidException(errors);
    }
    validated.put(key(definition), definition);
  }

  private static String key(WorkflowDefinition definition) {
    return definition.id() + "@" + definition.version();
  }

  /** The run's current state. */
  public RunView status(String runId) {
    return join(engine.view(runId), runId, Duration.ofMinutes(1));
  }

  /** Waits for the run to end and returns its final state. */
  public RunView await(String runId, Duration timeout) {
    return join(engine.completion(runId), runId, timeout);
  }

  /**
   * Waits with the end a handle took when it started the run, unless the run was reopened since
   * (retried): then with its new end. An ended run is not reloaded just to be awaited.
   */
  RunView await(String runId, Duration timeout, CompletableFuture<RunView> startedEnd) {
    CompletableFuture<RunView> live = engine.liveCompletion(runId);
    if (live == null) {
      live = engine.wasReopened(runId) ? engine.completion(runId) : startedEnd;
    }
    return join(live, runId, timeout);
  }

  /** Pauses a run: nothing new starts; running steps finish. False if it was not running. */
  public boolean pause(String runId, String by) {
    return join(engine.control(runId, ControlOp.PAUSE, by), runId, Duration.ofMinutes(1));
  }

  /** Resumes a paused run. False if it was not paused. */
  public boolean resume(String runId, String by) {
    return join(engine.control(runId, ControlOp.RESUME, by), runId, Duration.ofMinutes(1));
  }

  /** Cancels a run: running steps are interrupted, child runs cancelled. False if it had ended. */
  public boolean cancel(String runId, String by) {
    return join(engine.control(runId, ControlOp.CANCEL, by), runId, Duration.ofMinutes(1));
  }

  /** Retries a failed, cancelled or timed-out run from the steps that did not complete. */
  public boolean retry(String runId, String by) {
    return join(engine.control(runId, ControlOp.RETRY, by), runId, Duration.ofMinutes(1));
  }

  /**
   * Starts a new run that shares {@code runId}'s history up to top-level step {@code stepId}, which
   * runs again with {@code editedInput} (or its original input when null), followed by everything
   * downstream of it.
   */
  public RunHandle rerunFrom(String runId, String stepId, Object editedInput) {
    String fork = engine.fork(runId, stepId, editedInput);
    return new RunHandle(this, fork, engine.completion(fork));
  }

  /**
   * Takes a snapshot of what run {@code runId} has made durable so far, with a checksum.
   *
   * @param label why it is taken (shown in listings), or null for {@code manual}
   */
  public SnapshotRecord snapshot(String runId, String label) {
    return archive.snapshot(runId, label);
  }

  /**
   * Compacts run {@code runId}'s journal: takes a snapshot (labelled {@code label}, or {@code
   * compaction}) and removes from the journal the events it holds. The run's history, views,
   * recovery and forks read the same afterwards; positions do not change.
   *
   * @return the snapshot the journal was compacted to
   */
  public SnapshotRecord compact(String runId, String label) {
    return archive.compact(runId, label == null || label.isBlank() ? "compaction" : label);
  }

  /** The snapshots of a run, oldest first. */
  public List<SnapshotRecord> snapshots(String runId) {
    return archive.list(runId);
  }

  /**
   * Starts a new run that continues from a snapshot, after verifying its checksum: the steps that
   * had ended well keep their results, the others run again. The source run is left as it is.
   *
   * @param inputs the new run's inputs, or null to keep the source run's
   * @throws io.baton.engine.runtime.SnapshotCorruptedException when the snapshot is damaged
   */
  public RunHandle restore(String snapshotId, Map<String, Object> inputs) {
    String run = archive.restore(snapshotId, inputs);
    return new RunHandle(this, run, engine.completion(run));
  }

  /**
   * Deletes the runs that ended before {@code time} (summaries, journals, snapshots); returns how
   * many. {@link BatonBuilder#retention} does this on a schedule.
   */
  public int purgeEndedBefore(java.time.Instant time) {
    return archive.purgeEndedBefore(time);
  }

  /**
   * Answers a human step (or any wait) by its wait id. Answering twice is harmless: the second
   * answer is ignored and this returns false.
   *
   * @return true when the answer was taken, false when the wait was already answered or is unknown
   */
  public boolean submitInput(String waitId, Object value, String by) {
    return join(engine.signals().resolve(waitId, value, by), waitId, Duration.ofMinutes(1));
  }

  /** Delivers an event to the runs waiting for it; returns how many were. */
  public int signal(String event, String correlationKey, Object payload) {
    return engine.signals().signal(event, correlationKey, payload, "signal");
  }

  /** The questions runs are waiting on, oldest first. */
  public List<PendingInput> pendingInputs(int limit) {
    List<PendingInput> out = new ArrayList<>();
    for (var wait : waits.humanWaits(limit)) {
      RunView view = status(wait.runId());
      view.pendingInputs().stream().filter(p -> p.waitId().equals(wait.waitId())).forEach(out::add);
    }
    return out;
  }

  /** Adds an observer of every run's events. */
  public void addListener(RunListener listener) {
    listeners.add(listener);
  }

  /**
   * Reloads one run that had not ended when the store was last used (engines built with {@code
   * recoverOnStart(false)} recover runs one by one this way).
   *
   * @throws RunNotFoundException when there is no such run
   */
  public void recover(String runId) {
    engine.recover(runId);
  }

  /** Reloads the runs that had not ended when the store was last used; returns how many. */
  public int recover() {
    return engine.recover();
  }

  /** Stops the engine's timers. Runs in a durable store go on when an engine on it starts again. */
  @Override
  public void close() {
    onClose.run();
  }

  private static <T> T join(CompletableFuture<T> future, String id, Duration timeout) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RunTimeoutException(id, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + id, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }
}

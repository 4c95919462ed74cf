package io.baton.server.execution;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.TimeSource;
import io.baton.server.audit.AuditLog;
import io.baton.server.persistence.ServerWrites;
import io.baton.server.security.Caller;
import io.baton.server.security.Grants;
import io.baton.server.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs indexed but never started in the engine: a crash came between the start's index row ({@link
 * ExecutionService#executeOnce}) and the engine taking the run, and the start that should finish it
 * failed for good — or, for a plain {@code execute} whose index row is committed before the run
 * (H2, the in-memory store, the server's tables in another database), the process died before the
 * engine had it (the caller never got an answer). Such a run is shown {@code FAILED} with the
 * start's error ({@code srv_execution.start_error}), never {@code PENDING} for a run the engine
 * does not have. A plain {@code execute} on PostgreSQL leaves no such row: its row is committed
 * with the run's record ({@link ExecutionService#execute}).
 */
@Component
public class UnstartedRuns {
  private static final Logger LOG = LoggerFactory.getLogger(UnstartedRuns.class);

  /**
   * How long a run may stay indexed {@code PENDING} without the engine having it before a server
   * that starts gives it up: a start hands the run to the engine within milliseconds of indexing
   * it, and a trigger's start that failed is tried again well within this.
   */
  static final Duration ORPHANED_AFTER = Duration.ofMinutes(10);

  private static final int SWEEP_BATCH = 500;
  private static final String ORPHAN_ERROR =
      "the server stopped between indexing the run and handing it to the engine; execute it again";

  private final ExecutionIndex index;
  private final StoreBackend store;
  private final AuditLog audit;
  private final ServerWrites writer;
  private final TimeSource clock;

  UnstartedRuns(
      ExecutionIndex index,
      StoreBackend store,
      AuditLog audit,
      ServerWrites writer,
      TimeSource clock) {
    this.index = index;
    this.store = store;
    this.audit = audit;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Gives up the runs a crashed process left indexed {@code PENDING} for longer than {@link
   * #ORPHANED_AFTER} that the engine does not have, once the application has started.
   *
   * @return how many are now shown failed
   */
  @EventListener(ApplicationReadyEvent.class)
  public int sweepOrphans() {
    int failed = 0;
    try {
      Instant before = clock.now().minus(ORPHANED_AFTER);
      List<ExecutionIndex.Entry> pending;
      int failedNow;
      do {
        pending = index.pendingSince(before, SWEEP_BATCH);
        failedNow = 0;
        for (ExecutionIndex.Entry entry : pending) {
          Caller system =
              new Caller("system", entry.namespace(), Role.ADMIN, Grants.parse(List.of()));
          if (giveUp(system, entry.runId(), ORPHAN_ERROR)) {
            failedNow++;
          }
        }
        failed += failedNow;
      } while (pending.size() == SWEEP_BATCH && failedNow > 0);
    } catch (RuntimeException e) {
      LOG.warn("could not look for runs indexed but never started", e);
    }
    if (failed > 0) {
      LOG.warn("{} run(s) indexed but never started are shown failed: {}", failed, ORPHAN_ERROR);
    }
    return failed;
  }

  /**
   * Gives up the start of run {@code runId}: when it is indexed {@code PENDING} and the engine does
   * not have it, it is shown {@code FAILED} with {@code error} and audited as {@code
   * execution.start-failed}. Does nothing otherwise. A later start that does reach the engine (a
   * dead letter's replay) shows the run's own status again.
   *
   * @return whether the run is now shown failed
   */
  public boolean giveUp(Caller caller, String runId, String error) {
    if (store.runs().find(runId).isPresent()) {
      return false;
    }
    var failed =
        audit.entry(
            caller, "execution.start-failed", "execution", runId, null, Map.of("error", error));
    return writer.write(
            tx -> {
              int marked = index.failStart(runId, error).apply(tx);
              return marked == 0 ? 0 : marked + failed.apply(tx);
            })
        > 0;
  }

  /** The view of a run given up before the engine had it ({@link #giveUp}). */
  RunView view(ExecutionIndex.Entry entry) {
    String error =
        "the run never started: " + index.startError(entry.runId()).orElse("its start failed");
    return new RunView(
        entry.runId(),
        entry.workflowId(),
        entry.workflowVersion(),
        RunStatus.FAILED,
        Map.of(),
        null,
        new StepFailure(ErrorKind.UNKNOWN, error, false, Map.of()),
        null,
        null,
        null,
        Map.of(),
        List.of(),
        -1);
  }
}

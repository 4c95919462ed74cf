package io.baton.server.execution;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import io.baton.api.store.StoreBackend;
import io.baton.server.audit.AuditLog;
import io.baton.server.persistence.ServerWrites;
import io.baton.server.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs indexed but never started in the engine: a crash came between the start's index row ({@link
 * ExecutionService#executeOnce}) and the engine taking the run, and the start that should finish it
 * failed for good. Such a run is shown {@code FAILED} with the start's error ({@code
 * srv_execution.start_error}), never {@code PENDING} for a run the engine does not have.
 */
@Component
public class UnstartedRuns {
  private final ExecutionIndex index;
  private final StoreBackend store;
  private final AuditLog audit;
  private final ServerWrites writer;

  UnstartedRuns(ExecutionIndex index, StoreBackend store, AuditLog audit, ServerWrites writer) {
    this.index = index;
    this.store = store;
    this.audit = audit;
    this.writer = writer;
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

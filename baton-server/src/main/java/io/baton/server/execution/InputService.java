package io.baton.server.execution;

import io.baton.api.run.RunView;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.WaitRecord;
import io.baton.engine.Baton;
import io.baton.server.api.ApiError;
import io.baton.server.api.Page;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The questions runs wait on, and their answers. Answers are idempotent by wait id: the first is
 * taken, a second is refused with 409 (the audit log remembers which waits were answered, also
 * after the wait left the engine's index).
 */
@Service
public class InputService {
  private static final int MAX_LISTED = 1000;
  private final Baton baton;
  private final StoreBackend store;
  private final ExecutionService executions;
  private final AuditLog audit;

  InputService(Baton baton, StoreBackend store, ExecutionService executions, AuditLog audit) {
    this.baton = baton;
    this.store = store;
    this.executions = executions;
    this.audit = audit;
  }

  /** The namespace's open questions, oldest first. */
  public List<Map<String, Object>> list(Caller caller) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (WaitRecord wait : store.waits().humanWaits(MAX_LISTED)) {
      try {
        RunView run = executions.view(caller, wait.runId());
        run.pendingInputs().stream()
            .filter(p -> p.waitId().equals(wait.waitId()))
            .forEach(p -> out.add(ExecutionViews.pending(p, run)));
      } catch (ApiError notInNamespace) {
        // another namespace's question: not listed
      }
    }
    return out;
  }

  /** One open question with its form. */
  public Map<String, Object> get(Caller caller, String waitId) {
    WaitRecord wait = openWait(caller, waitId);
    RunView run = executions.view(caller, wait.runId());
    return run.pendingInputs().stream()
        .filter(p -> p.waitId().equals(waitId))
        .findFirst()
        .map(p -> ExecutionViews.pending(p, run))
        .orElseThrow(() -> ApiError.notFound("pending input", waitId));
  }

  /**
   * Answers a question.
   *
   * @throws ApiError 409 when it was answered already, 404 when it never existed here
   */
  public Map<String, Object> submit(Caller caller, String waitId, Object value) {
    WaitRecord wait = openWait(caller, waitId);
    if (!baton.submitInput(waitId, value, caller.subject())) {
      throw answeredAlready(waitId);
    }
    audit.record(
        caller,
        "input.submit",
        "input",
        waitId,
        null,
        Map.of("executionId", wait.runId(), "path", wait.path()));
    return Map.of("waitId", waitId, "executionId", wait.runId(), "accepted", true);
  }

  private WaitRecord openWait(Caller caller, String waitId) {
    var wait = store.waits().find(waitId);
    if (wait.isEmpty()) {
      boolean answered =
          audit
                  .query(
                      caller.namespace(),
                      new AuditLog.Query(null, "input.submit", "input", waitId, null),
                      Page.Request.of(1, 1))
                  .total()
              > 0;
      throw answered ? answeredAlready(waitId) : ApiError.notFound("pending input", waitId);
    }
    executions.requireInNamespace(caller, wait.get().runId());
    return wait.get();
  }

  private static ApiError answeredAlready(String waitId) {
    return ApiError.conflict("input '" + waitId + "' was answered already");
  }
}

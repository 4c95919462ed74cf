package io.baton.server.execution;

import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.engine.runtime.SnapshotCorruptedException;
import io.baton.server.api.ApiDiagnostic;
import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Snapshots of runs (seed 002): take one, list a run's, and restore one into a new run after its
 * checksum is verified. A damaged snapshot is refused with 422 and nothing is started.
 */
@RestController
public class SnapshotController {
  private final Baton baton;
  private final StoreBackend store;
  private final ExecutionService executions;
  private final AuditLog audit;

  SnapshotController(Baton baton, StoreBackend store, ExecutionService executions, AuditLog audit) {
    this.baton = baton;
    this.store = store;
    this.executions = executions;
    this.audit = audit;
  }

  /**
   * A snapshot, without its payload.
   *
   * @param snapshotId its id
   * @param executionId the run it was taken of
   * @param seq how many journal events it covers
   * @param label why it was taken
   * @param createdAt when
   * @param checksum the hex SHA-256 of its payload
   * @param sizeBytes the payload's size
   */
  public record Snapshot(
      String snapshotId,
      String executionId,
      long seq,
      String label,
      Instant createdAt,
      String checksum,
      int sizeBytes) {
    static Snapshot of(SnapshotRecord r) {
      return new Snapshot(
          r.snapshotId(),
          r.runId(),
          r.seq(),
          r.label(),
          r.createdAt(),
          r.checksum(),
          r.payload().length);
    }
  }

  /** Takes a snapshot of what the run has made durable so far: {@code {label?}} → 201. */
  @PostMapping("/api/v1/executions/{id}/snapshots")
  public ResponseEntity<Snapshot> take(
      Caller caller, @PathVariable String id, @RequestBody(required = false) Map<String, ?> body) {
    executions.requireInNamespace(caller, id);
    Object label = body == null ? null : body.get("label");
    Snapshot snapshot = Snapshot.of(baton.snapshot(id, label == null ? null : label.toString()));
    audit.record(caller, "snapshot.take", "snapshot", snapshot.snapshotId(), null, snapshot);
    return ResponseEntity.created(URI.create("/api/v1/snapshots/" + snapshot.snapshotId()))
        .body(snapshot);
  }

  /** The run's snapshots, oldest first. */
  @GetMapping("/api/v1/executions/{id}/snapshots")
  public List<Snapshot> list(Caller caller, @PathVariable String id) {
    executions.requireInNamespace(caller, id);
    return baton.snapshots(id).stream().map(Snapshot::of).toList();
  }

  /**
   * Starts a new run from a snapshot: {@code {inputs?}} (default: the source run's) → 201 {@code
   * Execution}.
   */
  @PostMapping("/api/v1/snapshots/{id}/restore")
  public ResponseEntity<ExecutionViews.Execution> restore(
      Caller caller, @PathVariable String id, @RequestBody(required = false) Map<String, ?> body) {
    SnapshotRecord snapshot =
        store.snapshots().find(id).orElseThrow(() -> ApiError.notFound("snapshot", id));
    ExecutionIndex.Entry source = executions.requireInNamespace(caller, snapshot.runId());
    Object inputs = body == null ? null : body.get("inputs");
    if (inputs != null && !(inputs instanceof Map<?, ?>)) {
      throw ApiError.badField("/inputs", "invalid-inputs", "inputs must be a JSON object");
    }
    String runId;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> given = (Map<String, Object>) inputs;
      runId = baton.restore(id, given).id();
    } catch (SnapshotCorruptedException e) {
      throw new ApiError(
          HttpStatus.UNPROCESSABLE_CONTENT,
          e.getMessage(),
          List.of(ApiDiagnostic.error("snapshot-corrupted", e.getMessage(), "")));
    } catch (IllegalStateException e) {
      throw ApiError.conflict(e.getMessage());
    }
    var execution = executions.indexDerived(caller, source, runId);
    audit.record(
        caller,
        "snapshot.restore",
        "execution",
        runId,
        null,
        Map.of("snapshotId", id, "restoredFrom", snapshot.runId()));
    return ResponseEntity.created(URI.create("/api/v1/executions/" + runId)).body(execution);
  }
}

package io.baton.engine.runtime;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.RunRecord;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SnapshotStore;
import io.baton.api.time.IdGenerator;
import io.baton.engine.RunNotFoundException;
import io.baton.engine.store.RunEventCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Snapshots of runs (checkpoints with a checksum), runs restored from them, and the purge of runs
 * that ended long ago.
 *
 * <p>A snapshot holds the run's journal up to a position, compressed. Restoring one never rewrites
 * history: it starts a new run (linked to its source by {@code forkOf}) that continues from there —
 * the steps that had ended well keep their results, the others run again.
 */
public final class RunArchive {
  private static final int FORMAT = 1;
  private final RuntimeServices rt;
  private final RunEngine engine;
  private final DefinitionStore definitions;
  private final SnapshotStore snapshots;
  private final IdGenerator ids;
  private final RunEventCodec codec = new RunEventCodec();
  private final JsonMapper mapper = JsonMapper.builder().build();

  public RunArchive(
      RuntimeServices rt,
      RunEngine engine,
      DefinitionStore definitions,
      SnapshotStore snapshots,
      IdGenerator ids) {
    this.rt = rt;
    this.engine = engine;
    this.definitions = definitions;
    this.snapshots = snapshots;
    this.ids = ids;
  }

  /** Takes a snapshot of what the run has made durable so far. */
  public SnapshotRecord snapshot(String runId, String label) {
    RunRecord run = rt.runs().find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    List<JournalEntry> journal = rt.journal().read(runId, 0);
    byte[] payload = encode(run, journal);
    SnapshotRecord snapshot =
        new SnapshotRecord(
            ids.newId(),
            runId,
            journal.size(),
            label == null || label.isBlank() ? "manual" : label,
            rt.clock().now(),
            payload,
            sha256(payload));
    snapshots.save(snapshot);
    return snapshot;
  }

  /** A run's snapshots, oldest first. */
  public List<SnapshotRecord> list(String runId) {
    return snapshots.list(runId);
  }

  /**
   * Starts a new run that continues from a snapshot, after checking it is intact.
   *
   * @param inputs the new run's inputs, or null for the source run's
   * @return the new run's id
   * @throws SnapshotCorruptedException when the snapshot's bytes do not match its checksum
   * @throws IllegalArgumentException when there is no such snapshot
   */
  public String restore(String snapshotId, Map<String, Object> inputs) {
    SnapshotRecord snapshot =
        snapshots
            .find(snapshotId)
            .orElseThrow(() -> new IllegalArgumentException("no snapshot " + snapshotId));
    String actual = sha256(snapshot.payload());
    if (!actual.equals(snapshot.checksum())) {
      throw new SnapshotCorruptedException(
          "snapshot "
              + snapshotId
              + " of run "
              + snapshot.runId()
              + " is corrupted: its checksum is "
              + snapshot.checksum()
              + " but its content hashes to "
              + actual
              + "; restore an older snapshot, or re-run the run from a step instead");
    }
    JsonNode root = decode(snapshot);
    WorkflowDefinition definition =
        definitions
            .find(root.path("workflowId").asString(), root.path("workflowVersion").asString())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "snapshot "
                            + snapshotId
                            + " needs workflow "
                            + root.path("workflowId").asString()
                            + " version "
                            + root.path("workflowVersion").asString()
                            + ", which is not in the definition store"));
    List<JournalEntry> journal = new ArrayList<>();
    for (JsonNode event : root.path("events")) {
      journal.add(new JournalEntry(snapshot.runId(), journal.size(), codec.fromJson(event)));
    }
    Map<String, Object> startInputs =
        inputs != null
            ? inputs
            : journal.isEmpty() || !(journal.getFirst().event() instanceof RunStarted s)
                ? Map.of()
                : s.inputs();
    List<RunEvent> history = Forks.continuation(engine.compile(definition), journal);
    RunRecord source = rt.runs().find(snapshot.runId()).orElse(null);
    return engine.start(
        definition,
        startInputs,
        new StartRequest(
            null,
            source == null ? null : source.priority(),
            null,
            null,
            snapshot.runId(),
            history));
  }

  /**
   * Deletes the runs that ended before {@code time}: summaries, journals and snapshots.
   *
   * @return how many runs were deleted
   */
  public int purgeEndedBefore(Instant time) {
    int purged = 0;
    List<String> ended;
    do {
      ended = rt.runs().endedBefore(time, 500);
      for (String runId : ended) {
        snapshots.deleteRun(runId);
        rt.journal().delete(runId);
        rt.runs().delete(runId);
        engine.forget(runId);
        purged++;
      }
    } while (ended.size() == 500);
    return purged;
  }

  private byte[] encode(RunRecord run, List<JournalEntry> journal) {
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    root.put("runId", run.runId());
    root.put("workflowId", run.workflowId());
    root.put("workflowVersion", run.workflowVersion());
    ArrayNode events = root.putArray("events");
    for (JournalEntry entry : journal) {
      events.add(codec.toJson(entry.event()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      mapper.writeValue(gzip, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private JsonNode decode(SnapshotRecord snapshot) {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(snapshot.payload()))) {
      JsonNode root = mapper.readTree(gzip);
      if (root.path("format").asInt() != FORMAT) {
        throw new IllegalStateException(
            "snapshot "
                + snapshot.snapshotId()
                + " has format "
                + root.path("format")
                + "; this Baton reads format "
                + FORMAT);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + snapshot.snapshotId(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

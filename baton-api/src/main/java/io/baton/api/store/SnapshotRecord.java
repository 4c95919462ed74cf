package io.baton.api.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint of a run: everything needed to rebuild its state at journal position {@code seq},
 * with a checksum that is verified before it is used.
 *
 * @param snapshotId unique id
 * @param runId the run it was taken of
 * @param seq how many journal events it covers
 * @param label why it was taken ({@code manual}, {@code before-step:review}, …)
 * @param createdAt when it was taken
 * @param payload the encoded state (opaque to stores)
 * @param checksum the hex SHA-256 of {@code payload}, written by the engine, checked on restore
 */
public record SnapshotRecord(
    String snapshotId,
    String runId,
    long seq,
    String label,
    Instant createdAt,
    byte[] payload,
    String checksum) {

  public SnapshotRecord {
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(checksum, "checksum");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotRecord s
        && snapshotId.equals(s.snapshotId)
        && runId.equals(s.runId)
        && seq == s.seq
        && Objects.equals(label, s.label)
        && Objects.equals(createdAt, s.createdAt)
        && Arrays.equals(payload, s.payload)
        && checksum.equals(s.checksum);
  }

  @Override
  public int hashCode() {
    return Objects.hash(snapshotId, runId, seq, Arrays.hashCode(payload), checksum);
  }

  @Override
  public String toString() {
    return "SnapshotRecord[" + snapshotId + " of run " + runId + " at " + seq + "]";
  }
}

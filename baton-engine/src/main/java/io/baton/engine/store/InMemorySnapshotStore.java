package io.baton.engine.store;

import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SnapshotStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Snapshots in memory. */
public final class InMemorySnapshotStore implements SnapshotStore {
  private final Map<String, SnapshotRecord> snapshots = new ConcurrentHashMap<>();

  @Override
  public void save(SnapshotRecord snapshot) {
    if (snapshots.putIfAbsent(snapshot.snapshotId(), snapshot) != null) {
      throw new IllegalArgumentException("snapshot " + snapshot.snapshotId() + " exists");
    }
  }

  @Override
  public Optional<SnapshotRecord> find(String snapshotId) {
    return Optional.ofNullable(snapshots.get(snapshotId));
  }

  @Override
  public List<SnapshotRecord> list(String runId) {
    return snapshots.values().stream()
        .filter(s -> s.runId().equals(runId))
        .sorted(Comparator.comparing(SnapshotRecord::seq).thenComparing(SnapshotRecord::snapshotId))
        .toList();
  }

  @Override
  public void delete(String snapshotId) {
    snapshots.remove(snapshotId);
  }

  @Override
  public void deleteRun(String runId) {
    snapshots.values().removeIf(s -> s.runId().equals(runId));
  }
}

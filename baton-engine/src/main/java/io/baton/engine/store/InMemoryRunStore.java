package io.baton.engine.store;

import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.RunQuery;
import io.baton.api.store.RunRecord;
import io.baton.api.store.RunStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Run summaries in memory. */
public final class InMemoryRunStore implements RunStore {
  private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();

  @Override
  public void save(RunRecord record) {
    runs.compute(
        record.runId(),
        (id, old) -> {
          long expected = old == null ? 0 : old.version();
          if (record.version() != expected + 1 && !(old == null && record.version() == 1)) {
            throw new ConcurrentModificationException("run " + id, record.version() - 1, expected);
          }
          return record;
        });
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public List<RunRecord> list(RunQuery query) {
    return runs.values().stream()
        .filter(r -> query.workflowId() == null || query.workflowId().equals(r.workflowId()))
        .filter(r -> query.statuses().isEmpty() || query.statuses().contains(r.status()))
        .sorted(
            Comparator.comparing(RunRecord::createdAt).thenComparing(RunRecord::runId).reversed())
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<String> unfinished() {
    return runs.values().stream()
        .filter(r -> !r.status().isTerminal())
        .map(RunRecord::runId)
        .toList();
  }

  @Override
  public List<String> endedBefore(java.time.Instant time, int limit) {
    return runs.values().stream()
        .filter(r -> r.status().isTerminal() && r.updatedAt().isBefore(time))
        .sorted(Comparator.comparing(RunRecord::updatedAt))
        .limit(limit)
        .map(RunRecord::runId)
        .toList();
  }

  @Override
  public void delete(String runId) {
    runs.remove(runId);
  }
}

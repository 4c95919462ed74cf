package io.baton.engine.store;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A journal in memory: for tests, benchmarks and embedded use without durability. */
public final class InMemoryJournal implements Journal {
  private final Map<String, List<RunEvent>> logs = new ConcurrentHashMap<>();

  @Override
  public void append(String runId, long expectedSeq, List<RunEvent> events) {
    List<RunEvent> log = logs.computeIfAbsent(runId, k -> new ArrayList<>());
    synchronized (log) {
      if (log.size() != expectedSeq) {
        throw new ConcurrentModificationException(
            "journal of run " + runId, expectedSeq, log.size());
      }
      log.addAll(events);
    }
  }

  @Override
  public List<JournalEntry> read(String runId, long fromSeq) {
    List<RunEvent> log = logs.get(runId);
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      List<JournalEntry> out = new ArrayList<>(Math.max(0, log.size() - (int) fromSeq));
      for (int i = (int) fromSeq; i < log.size(); i++) {
        out.add(new JournalEntry(runId, i, log.get(i)));
      }
      return out;
    }
  }

  @Override
  public void delete(String runId) {
    logs.remove(runId);
  }
}

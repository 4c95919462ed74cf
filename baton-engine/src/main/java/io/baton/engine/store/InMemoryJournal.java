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
  private final Map<String, Log> logs = new ConcurrentHashMap<>();

  /** A run's events from position {@code base} on (the ones before were compacted away). */
  private static final class Log {
    private long base;
    private final ArrayList<RunEvent> events = new ArrayList<>();

    long end() {
      return base + events.size();
    }
  }

  @Override
  public void append(String runId, long expectedSeq, List<RunEvent> events) {
    Log log = logs.computeIfAbsent(runId, k -> new Log());
    synchronized (log) {
      if (log.end() != expectedSeq) {
        throw new ConcurrentModificationException(
            "journal of run " + runId, expectedSeq, log.end());
      }
      log.events.addAll(events);
    }
  }

  @Override
  public List<JournalEntry> read(String runId, long fromSeq) {
    Log log = logs.get(runId);
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      long from = Math.max(fromSeq, log.base);
      List<JournalEntry> out = new ArrayList<>((int) Math.max(0, log.end() - from));
      for (long seq = from; seq < log.end(); seq++) {
        out.add(new JournalEntry(runId, seq, log.events.get((int) (seq - log.base))));
      }
      return out;
    }
  }

  @Override
  public void delete(String runId) {
    logs.remove(runId);
  }

  @Override
  public long compact(String runId, long beforeSeq) {
    Log log = logs.get(runId);
    if (log == null) {
      return 0;
    }
    synchronized (log) {
      long newBase = Math.min(beforeSeq, log.end() - 1);
      if (newBase <= log.base) {
        return 0;
      }
      int removed = (int) (newBase - log.base);
      log.events.subList(0, removed).clear();
      log.events.trimToSize();
      log.base = newBase;
      return removed;
    }
  }
}

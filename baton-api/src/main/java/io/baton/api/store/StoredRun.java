package io.baton.api.store;

import io.baton.api.run.JournalEntry;
import java.util.List;

/**
 * A run as stored: its summary and its journal, read together ({@link StoreBackend#loadRun}).
 *
 * @param record the run's summary
 * @param journal its events in order, as {@link Journal#read} gives them from position 0
 */
public record StoredRun(RunRecord record, List<JournalEntry> journal) {

  public StoredRun {
    journal = List.copyOf(journal);
  }
}

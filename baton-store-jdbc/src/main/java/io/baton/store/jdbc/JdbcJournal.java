package io.baton.store.jdbc;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.Journal;
import io.baton.engine.store.RunEventCodec;
import io.baton.engine.store.StoredValues;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal in table {@code baton_journal}: one row per event, keyed by run and position, the
 * event as JSON ({@link RunEventCodec}). Appends go through the {@link GroupCommitter}. An event
 * whose JSON is bigger than the value limit is kept in {@code baton_value} and its row points at
 * it; reading joins it back.
 */
final class JdbcJournal implements Journal {
  private static final String COLUMNS = "(run_id, seq, event_type, payload, value_id)";

  private final Database database;
  private final GroupCommitter committer;
  private final RunEventCodec codec;
  private final int maxValueBytes;
  private final String firstSql;
  private final String nextSql;

  JdbcJournal(Database database, GroupCommitter committer, int maxValueBytes, StoredValues values) {
    this.database = database;
    this.codec = new RunEventCodec(values);
    this.committer = committer;
    this.maxValueBytes = maxValueBytes;
    String json = database.dialect().json();
    // The first event goes in only at the end of the journal: its position is free and, unless it
    // is the first, the one before it is taken. Otherwise it changes nothing: a conflict.
    this.firstSql =
        "INSERT INTO baton_journal "
            + COLUMNS
            + " SELECT ?, ?, ?, "
            + json
            + ", ? WHERE NOT EXISTS (SELECT 1 FROM baton_journal WHERE run_id = ? AND seq = ?)"
            + " AND (CAST(? AS BIGINT) = 0"
            + " OR EXISTS (SELECT 1 FROM baton_journal WHERE run_id = ? AND seq = ?))";
    this.nextSql = "INSERT INTO baton_journal " + COLUMNS + " VALUES (?, ?, ?, " + json + ", ?)";
  }

  @Override
  public void append(String runId, long expectedSeq, List<RunEvent> events) {
    if (events.isEmpty()) {
      long actual = length(runId);
      if (actual != expectedSeq) {
        throw conflict(runId, expectedSeq);
      }
      return;
    }
    List<Write.Row> rows = appendRows(runId, expectedSeq, events);
    if (!committer.apply(
        new Write("journal:" + runId, rows.getFirst(), rows.subList(1, rows.size())))) {
      throw conflict(runId, expectedSeq);
    }
  }

  /**
   * The rows that append {@code events} (at least one) at {@code expectedSeq}: the first is the
   * guarded insert of the first event, which changes nothing unless the journal holds exactly
   * {@code expectedSeq} events; the others follow it, with the values kept apart for big events.
   */
  List<Write.Row> appendRows(String runId, long expectedSeq, List<RunEvent> events) {
    List<Write.Row> rows = new ArrayList<>(events.size() + 1);
    for (int i = 0; i < events.size(); i++) {
      long seq = expectedSeq + i;
      RunEvent event = events.get(i);
      String json = codec.encode(event);
      String valueId = null;
      Write.Row value = null;
      if (tooBig(json)) {
        valueId = runId + "/" + seq;
        value = valueRow(valueId, runId, json);
        json = null;
      }
      rows.add(row(i == 0, runId, seq, event.getClass().getSimpleName(), json, valueId));
      if (value != null) {
        rows.add(value);
      }
    }
    return rows;
  }

  private boolean tooBig(String json) {
    // a char is at most 3 bytes in UTF-8: most events need no encoding to know they fit
    return (long) json.length() * 3 > maxValueBytes
        && json.getBytes(StandardCharsets.UTF_8).length > maxValueBytes;
  }

  private Write.Row row(
      boolean first, String runId, long seq, String type, String json, String valueId) {
    return new Write.Row(
        first ? firstSql : nextSql,
        ps -> {
          ps.setString(1, runId);
          ps.setLong(2, seq);
          ps.setString(3, type);
          ps.setString(4, json);
          ps.setString(5, valueId);
          if (first) {
            ps.setString(6, runId);
            ps.setLong(7, seq);
            ps.setLong(8, seq);
            ps.setString(9, runId);
            ps.setLong(10, seq - 1);
          }
        });
  }

  private static Write.Row valueRow(String valueId, String runId, String json) {
    return new Write.Row(
        "INSERT INTO baton_value (value_id, run_id, size_bytes, body) VALUES (?, ?, ?, ?)",
        ps -> {
          ps.setString(1, valueId);
          ps.setString(2, runId);
          ps.setLong(3, json.getBytes(StandardCharsets.UTF_8).length);
          ps.setString(4, json);
        });
  }

  /** The error for an append that found another number of events than {@code expected}. */
  ConcurrentModificationException conflict(String runId, long expected) {
    return new ConcurrentModificationException("journal of run " + runId, expected, length(runId));
  }

  /**
   * The position after the newest event of {@code runId}: how many events it has had, compacted
   * ones included.
   */
  long length(String runId) {
    return database
        .first(
            "measuring the journal of run " + runId,
            "SELECT COALESCE(MAX(seq) + 1, 0) FROM baton_journal WHERE run_id = ?",
            ps -> ps.setString(1, runId),
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  @Override
  public List<JournalEntry> read(String runId, long fromSeq) {
    return database.list(
        "reading the journal of run " + runId,
        "SELECT j.seq, j.payload, v.body FROM baton_journal j"
            + " LEFT JOIN baton_value v ON v.value_id = j.value_id AND v.run_id = j.run_id"
            + " WHERE j.run_id = ? AND j.seq >= ? ORDER BY j.seq",
        ps -> {
          ps.setString(1, runId);
          ps.setLong(2, fromSeq);
        },
        rs -> entry(runId, rs));
  }

  private JournalEntry entry(String runId, ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    String json = rs.getString(2);
    if (json == null) {
      json = rs.getString(3);
    }
    if (json == null) {
      throw new IllegalStateException(
          "event "
              + seq
              + " of run "
              + runId
              + " points at a value missing from baton_value: the store was changed by hand or"
              + " partly restored");
    }
    return new JournalEntry(runId, seq, codec.decode(json));
  }

  /**
   * Deletes the events below {@code beforeSeq} but the newest (the next append's first row checks
   * that the position before it is taken), with the values kept apart for them, in one transaction.
   */
  @Override
  public long compact(String runId, long beforeSeq) {
    String below =
        " WHERE run_id = ? AND seq < ? AND seq < (SELECT MAX(seq) FROM baton_journal WHERE run_id"
            + " = ?)";
    Write.Binder bind =
        ps -> {
          ps.setString(1, runId);
          ps.setLong(2, beforeSeq);
          ps.setString(3, runId);
        };
    return database.write(
        "compacting the journal of run " + runId,
        c -> {
          Database.execute(
              c,
              "DELETE FROM baton_value WHERE run_id = ? AND value_id IN (SELECT value_id FROM"
                  + " baton_journal"
                  + below
                  + " AND value_id IS NOT NULL)",
              ps -> {
                ps.setString(1, runId);
                ps.setString(2, runId);
                ps.setLong(3, beforeSeq);
                ps.setString(4, runId);
              });
          return (long) Database.execute(c, "DELETE FROM baton_journal" + below, bind);
        });
  }

  @Override
  public void delete(String runId) {
    database.write(
        "deleting the journal of run " + runId,
        c -> {
          Tables.deleteByRun(c, runId, "baton_journal", "baton_value");
          return null;
        });
  }
}

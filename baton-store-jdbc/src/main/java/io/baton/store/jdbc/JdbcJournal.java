package io.baton.store.jdbc;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.Journal;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoredRun;
import io.baton.engine.store.RunEventCodec;
import io.baton.engine.store.StoredValues;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal in table {@code baton_journal}: one row per event, keyed by run and position, the
 * event as JSON ({@link RunEventCodec}). Appends go through the {@link GroupCommitter}. An event
 * whose JSON is bigger than the value limit is kept in {@code baton_value} and its row points at
 * it; reading joins it back.
 */
final class JdbcJournal implements Journal {
  private static final String COLUMNS = "(run_id, seq, event_type, payload, value_id)";
  private static final String READ =
      "SELECT j.seq, j.payload, v.body FROM baton_journal j"
          + " LEFT JOIN baton_value v ON v.value_id = j.value_id AND v.run_id = j.run_id"
          + " WHERE j.run_id = ? AND j.seq >= ?";

  /** A run's summary (as position -1) followed by its events, in one statement. */
  private static final String READ_RUN =
      "SELECT -1, body, NULL FROM baton_run WHERE run_id = ? UNION ALL " + READ + " ORDER BY 1";

  private final Database database;
  private final GroupCommitter committer;
  private final RunEventCodec codec;
  private final int maxValueBytes;
  private final String firstSql;

  /** Whether the primary key, rather than the first row's guard, refuses a taken position. */
  private final boolean keyGuardsPosition;

  private final String nextSql;

  /** On PostgreSQL: the guarded insert of all of an append's events at once, or null. */
  private final String allSql;

  JdbcJournal(Database database, GroupCommitter committer, int maxValueBytes, StoredValues values) {
    this.database = database;
    this.codec = new RunEventCodec(values);
    this.committer = committer;
    this.maxValueBytes = maxValueBytes;
    String json = database.dialect().json();
    this.keyGuardsPosition = database.dialect() == Dialect.H2;
    // The first event goes in only at the end of the journal: its position is free and, unless it
    // is the first, the one before it is taken. Otherwise it changes nothing: a conflict. On H2
    // the primary key alone refuses a taken position: the duplicate key sends the group commit
    // write by write, where this append conflicts alone (CommitBatch). That is rare (a stale
    // writer), and the probe it saves is a fifth of the CPU of a committed append on H2.
    this.firstSql =
        "INSERT INTO baton_journal "
            + COLUMNS
            + " SELECT ?, ?, ?, "
            + json
            + ", ? WHERE "
            + (keyGuardsPosition
                ? ""
                : "NOT EXISTS (SELECT 1 FROM baton_journal WHERE run_id = ? AND seq = ?) AND ")
            + "(CAST(? AS BIGINT) = 0"
            + " OR EXISTS (SELECT 1 FROM baton_journal WHERE run_id = ? AND seq = ?))";
    this.nextSql = "INSERT INTO baton_journal " + COLUMNS + " VALUES (?, ?, ?, " + json + ", ?)";
    // One statement for the whole append, one round trip to the server instead of two: the events
    // go as arrays, numbered from the expected position, under the same guard as the first event.
    this.allSql =
        database.dialect() != Dialect.POSTGRESQL
            ? null
            : "INSERT INTO baton_journal "
                + COLUMNS
                + " SELECT ?, ? + e.i - 1, e.t, CAST(e.p AS jsonb), e.v"
                + " FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))"
                + " WITH ORDINALITY AS e(t, p, v, i)"
                + " WHERE NOT EXISTS (SELECT 1 FROM baton_journal WHERE run_id = ? AND seq = ?)"
                + " AND (CAST(? AS BIGINT) = 0"
                + " OR EXISTS (SELECT 1 FROM baton_journal WHERE run_id = ? AND seq = ?))";
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
   * guarded insert, which changes nothing unless the journal holds exactly {@code expectedSeq}
   * events — of all the events on PostgreSQL, of the first elsewhere, the others following it —
   * then the values kept apart for big events. On H2 a journal already longer makes the first row a
   * duplicate key rather than a change of nothing; the group commit turns either into a conflict.
   */
  List<Write.Row> appendRows(String runId, long expectedSeq, List<RunEvent> events) {
    int n = events.size();
    String[] types = new String[n];
    String[] payloads = new String[n];
    String[] valueIds = new String[n];
    List<Write.Row> values = new ArrayList<>(0);
    for (int i = 0; i < n; i++) {
      long seq = expectedSeq + i;
      RunEvent event = events.get(i);
      types[i] = event.getClass().getSimpleName();
      payloads[i] = codec.encode(event);
      if (tooBig(payloads[i])) {
        valueIds[i] = runId + "/" + seq;
        values.add(valueRow(valueIds[i], runId, payloads[i]));
        payloads[i] = null;
      }
    }
    List<Write.Row> rows = new ArrayList<>(n + values.size());
    if (allSql != null) {
      rows.add(allRow(runId, expectedSeq, types, payloads, valueIds));
    } else {
      for (int i = 0; i < n; i++) {
        rows.add(row(i == 0, runId, expectedSeq + i, types[i], payloads[i], valueIds[i]));
      }
    }
    rows.addAll(values);
    return rows;
  }

  private Write.Row allRow(
      String runId, long expectedSeq, String[] types, String[] payloads, String[] valueIds) {
    return new Write.Row(
        allSql,
        ps -> {
          ps.setString(1, runId);
          ps.setLong(2, expectedSeq);
          ps.setObject(3, types);
          ps.setObject(4, payloads);
          ps.setObject(5, valueIds);
          ps.setString(6, runId);
          ps.setLong(7, expectedSeq);
          ps.setLong(8, expectedSeq);
          ps.setString(9, runId);
          ps.setLong(10, expectedSeq - 1);
        });
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
            int i = 6;
            if (!keyGuardsPosition) {
              ps.setString(i++, runId);
              ps.setLong(i++, seq);
            }
            ps.setLong(i++, seq);
            ps.setString(i++, runId);
            ps.setLong(i, seq - 1);
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
        READ + " ORDER BY j.seq",
        ps -> {
          ps.setString(1, runId);
          ps.setLong(2, fromSeq);
        },
        rs -> entry(runId, rs));
  }

  /**
   * The run's summary and its journal with one query: one round trip, and both as of the same
   * moment.
   */
  Optional<StoredRun> readRun(String runId) {
    return database.read(
        "loading run " + runId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(READ_RUN)) {
            ps.setString(1, runId);
            ps.setString(2, runId);
            ps.setLong(3, 0);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || rs.getLong(1) != -1) {
                return Optional.empty();
              }
              RunRecord record = JsonBodies.read(rs.getString(2), RunRecord.class);
              List<JournalEntry> journal = new ArrayList<>();
              while (rs.next()) {
                journal.add(entry(runId, rs));
              }
              return Optional.of(new StoredRun(record, journal));
            }
          }
        });
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

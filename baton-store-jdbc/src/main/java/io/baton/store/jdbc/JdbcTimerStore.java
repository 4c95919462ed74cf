package io.baton.store.jdbc;

import io.baton.api.store.TimerRecord;
import io.baton.api.store.TimerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable timers in table {@code baton_timer}, indexed by when they are due. A claimed timer is
 * held by moving it to the end of its hold, so that no other node sees it due until then.
 */
final class JdbcTimerStore implements TimerStore {
  private static final String DUE_ORDER = " ORDER BY due_at, timer_id";

  private final Database database;
  private final String insertSql;

  JdbcTimerStore(Database database) {
    this.database = database;
    this.insertSql =
        "INSERT INTO baton_timer (timer_id, run_id, due_at, body) VALUES (?, ?, ?, "
            + database.dialect().json()
            + ")";
  }

  @Override
  public void schedule(TimerRecord timer) {
    database.write(
        "scheduling timer " + timer.timerId(),
        c -> {
          for (Write.Row row : scheduleRows(timer)) {
            Database.execute(c, row.sql(), row.binder());
          }
          return null;
        });
  }

  /**
   * The rows that set {@code timer}: the one with its id deleted, then it inserted (a replace that
   * is the same on every database).
   */
  List<Write.Row> scheduleRows(TimerRecord timer) {
    String body = JsonBodies.write(timer);
    return List.of(
        cancelRow(timer.timerId()),
        new Write.Row(
            insertSql,
            ps -> {
              ps.setString(1, timer.timerId());
              ps.setString(2, timer.runId());
              JsonBodies.setTime(ps, 3, timer.dueAt());
              ps.setString(4, body);
            }));
  }

  @Override
  public void cancel(String timerId) {
    Write.Row row = cancelRow(timerId);
    database.update("cancelling timer " + timerId, row.sql(), row.binder());
  }

  /** The row that cancels a timer. */
  static Write.Row cancelRow(String timerId) {
    return new Write.Row(
        "DELETE FROM baton_timer WHERE timer_id = ?", ps -> ps.setString(1, timerId));
  }

  @Override
  public List<TimerRecord> dueBefore(Instant time, int limit) {
    return database.list(
        "listing timers due before " + time,
        "SELECT body FROM baton_timer WHERE due_at <= ?" + DUE_ORDER + " LIMIT ?",
        ps -> {
          JsonBodies.setTime(ps, 1, time);
          ps.setInt(2, limit);
        },
        rs -> JsonBodies.read(rs.getString(1), TimerRecord.class));
  }

  @Override
  public List<TimerRecord> claimDue(Instant now, Duration hold, int limit) {
    return database.write(
        "claiming timers due before " + now,
        c -> {
          List<TimerRecord> due =
              Database.list(
                  c,
                  "SELECT body FROM baton_timer WHERE due_at <= ?"
                      + DUE_ORDER
                      + " LIMIT ?"
                      + database.dialect().lockForClaim(),
                  ps -> {
                    JsonBodies.setTime(ps, 1, now);
                    ps.setInt(2, limit);
                  },
                  rs -> JsonBodies.read(rs.getString(1), TimerRecord.class));
          for (TimerRecord timer : due) {
            TimerRecord held =
                new TimerRecord(timer.timerId(), timer.runId(), timer.path(), now.plus(hold));
            Database.execute(
                c,
                "UPDATE baton_timer SET due_at = ?, body = "
                    + database.dialect().json()
                    + " WHERE timer_id = ?",
                ps -> {
                  JsonBodies.setTime(ps, 1, held.dueAt());
                  ps.setString(2, JsonBodies.write(held));
                  ps.setString(3, timer.timerId());
                });
          }
          return due;
        });
  }

  @Override
  public Optional<TimerRecord> next() {
    return database.first(
        "finding the next timer",
        "SELECT body FROM baton_timer" + DUE_ORDER + " LIMIT 1",
        ps -> {},
        rs -> JsonBodies.read(rs.getString(1), TimerRecord.class));
  }
}

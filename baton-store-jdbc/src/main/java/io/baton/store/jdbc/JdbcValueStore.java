package io.baton.store.jdbc;

import io.baton.api.store.ValueStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Large values in table {@code baton_value}, beside the events the journal keeps apart there (those
 * have ids {@code runId/seq}; stored step outputs have ids with a step path in them, so the two
 * never meet). Retention deletes both with the run.
 *
 * <p>Rows are keyed by value and run: a fork keeps its own copy of its source's values under the
 * same ids (see {@link ValueStore}), so deleting the source's rows leaves the fork's.
 */
final class JdbcValueStore implements ValueStore {
  private final Database database;

  JdbcValueStore(Database database) {
    this.database = database;
  }

  @Override
  public void put(String runId, String valueId, String json) {
    database.write(
        "storing value " + valueId,
        c -> {
          Database.execute(
              c,
              "DELETE FROM baton_value WHERE value_id = ? AND run_id = ?",
              ps -> {
                ps.setString(1, valueId);
                ps.setString(2, runId);
              });
          return Database.execute(
              c,
              "INSERT INTO baton_value (value_id, run_id, size_bytes, body) VALUES (?, ?, ?, ?)",
              ps -> {
                ps.setString(1, valueId);
                ps.setString(2, runId);
                ps.setLong(3, json.getBytes(StandardCharsets.UTF_8).length);
                ps.setString(4, json);
              });
        });
  }

  @Override
  public Optional<String> find(String valueId) {
    return database.first(
        "reading value " + valueId,
        // copies of an id hold the same JSON: read one
        "SELECT body FROM baton_value WHERE value_id = ? FETCH FIRST 1 ROWS ONLY",
        ps -> ps.setString(1, valueId),
        rs -> rs.getString(1));
  }

  @Override
  public void deleteRun(String runId) {
    database.update(
        "deleting the values of run " + runId,
        "DELETE FROM baton_value WHERE run_id = ?",
        ps -> ps.setString(1, runId));
  }
}

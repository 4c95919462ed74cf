package io.baton.modules.store;

import io.baton.api.store.StoreUnavailableException;
import io.baton.api.time.TimeSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Module entities in a relational database (H2 or PostgreSQL) reached through a {@link DataSource}.
 * The table is created and upgraded by Flyway from {@code db/modules}, with its own history table
 * ({@code baton_modules_schema_history}), so it shares a database with the engine's stores without
 * touching their migrations.
 *
 * <pre>{@code
 * ModuleEntityStore store = JdbcModuleEntityStore.migrate(dataSource, clock);
 * }</pre>
 */
public final class JdbcModuleEntityStore implements ModuleEntityStore {
  /** Flyway's history table of this store's migrations. */
  public static final String HISTORY_TABLE = "baton_modules_schema_history";

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "ref, version, document, updated_at";

  private final DataSource dataSource;
  private final TimeSource clock;

  private JdbcModuleEntityStore(DataSource dataSource, TimeSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Migrates the store's table in {@code dataSource}, then returns the store. */
  public static JdbcModuleEntityStore migrate(DataSource dataSource, TimeSource clock) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/modules")
        .table(HISTORY_TABLE)
        // The database may already hold the engine's tables: start this history at version 0.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new JdbcModuleEntityStore(dataSource, clock);
  }

  @Override
  public StoredEntity insert(EntityKey key, String ref, Map<String, Object> document) {
    String sql =
        "INSERT INTO baton_module_entity (module, entity_type, entity_id, "
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, 1, ?, ?)";
    Timestamp now = Timestamp.from(clock.now());
    String json = EntityJson.write(document);
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      bindKey(st, key);
      st.setString(4, ref);
      st.setString(5, json);
      st.setTimestamp(6, now);
      st.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new EntityConflictException(key, 0, find(key).map(StoredEntity::version).orElse(0L));
      }
      throw failure("insert " + key, e);
    }
    return new StoredEntity(key, ref, 1, EntityJson.read(json), now.toInstant());
  }

  @Override
  public StoredEntity update(EntityKey key, long expectedVersion, Map<String, Object> document) {
    String sql =
        "UPDATE baton_module_entity SET version = version + 1, document = ?, updated_at = ?"
            + " WHERE module = ? AND entity_type = ? AND entity_id = ? AND version = ?";
    Timestamp now = Timestamp.from(clock.now());
    int changed;
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, EntityJson.write(document));
      st.setTimestamp(2, now);
      st.setString(3, key.module());
      st.setString(4, key.type());
      st.setString(5, key.id());
      st.setLong(6, expectedVersion);
      changed = st.executeUpdate();
    } catch (SQLException e) {
      throw failure("update " + key, e);
    }
    Optional<StoredEntity> current = find(key);
    if (changed == 0 || current.isEmpty()) {
      long actual = current.map(StoredEntity::version).orElse(0L);
      throw new EntityConflictException(key, expectedVersion, actual);
    }
    return current.get();
  }

  @Override
  public Optional<StoredEntity> find(EntityKey key) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM baton_module_entity WHERE module = ? AND entity_type = ? AND entity_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      bindKey(st, key);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(row(key, rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read " + key, e);
    }
  }

  @Override
  public List<StoredEntity> list(String module, String type, String ref, int limit) {
    String sql =
        "SELECT entity_id, "
            + COLUMNS
            + " FROM baton_module_entity WHERE module = ? AND entity_type = ?"
            + (ref == null ? "" : " AND ref = ?")
            + " ORDER BY seq";
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setMaxRows(limit);
      st.setString(1, module);
      st.setString(2, type);
      if (ref != null) {
        st.setString(3, ref);
      }
      List<StoredEntity> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(row(new EntityKey(module, type, rs.getString("entity_id")), rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list " + module + "/" + type, e);
    }
  }

  @Override
  public boolean delete(EntityKey key) {
    String sql =
        "DELETE FROM baton_module_entity WHERE module = ? AND entity_type = ? AND entity_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      bindKey(st, key);
      return st.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure("delete " + key, e);
    }
  }

  @Override
  public String describe() {
    try (Connection c = dataSource.getConnection()) {
      return "jdbc:" + c.getMetaData().getURL();
    } catch (SQLException e) {
      return "jdbc (unreachable: " + e.getMessage() + ")";
    }
  }

  private static void bindKey(PreparedStatement st, EntityKey key) throws SQLException {
    st.setString(1, key.module());
    st.setString(2, key.type());
    st.setString(3, key.id());
  }

  private static StoredEntity row(EntityKey key, ResultSet rs) throws SQLException {
    return new StoredEntity(
        key,
        rs.getString("ref"),
        rs.getLong("version"),
        EntityJson.read(rs.getString("document")),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static StoreUnavailableException failure(String what, SQLException e) {
    return new StoreUnavailableException(
        "module entity store: could not " + what + " (" + e.getMessage() + ")", e);
  }
}

package io.baton.store.jdbc;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.store.DefinitionStore;
import io.baton.engine.expression.Expressions;
import io.baton.engine.language.EngineExpressionSupport;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.LoadResult;
import io.baton.engine.language.WorkflowLoader;
import io.baton.engine.language.WorkflowWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workflow definitions in table {@code baton_definition}, written in Baton's own JSON language
 * ({@link WorkflowWriter}) and read back with the {@link WorkflowLoader}. A definition is saved
 * with a new {@code saved_seq}, so the latest is the one saved last.
 *
 * <p>The engine looks a definition up at every start; reading and parsing its JSON each time would
 * cost more than the run. Parsed definitions are kept by id, version and {@code saved_seq}, and a
 * lookup reads only the small {@code saved_seq} to know whether the kept one is still current.
 */
final class JdbcDefinitionStore implements DefinitionStore {
  private final Database database;
  private final WorkflowWriter writer = new WorkflowWriter();
  private final WorkflowLoader loader =
      new WorkflowLoader(LanguageContext.of(new EngineExpressionSupport(Expressions.defaults())));
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
  private final String insertSql;

  private record Parsed(long savedSeq, WorkflowDefinition definition) {}

  private record Key(String workflowId, String version, long savedSeq) {}

  JdbcDefinitionStore(Database database) {
    this.database = database;
    this.insertSql =
        "INSERT INTO baton_definition (workflow_id, version, body) VALUES (?, ?, "
            + database.dialect().json()
            + ")";
  }

  @Override
  public void save(WorkflowDefinition definition) {
    String json = writer.toJson(definition);
    try {
      replace(definition, json);
    } catch (IllegalStateException e) {
      // Another node saved the same version between this one's delete and insert (nodes starting
      // together register the same workflows): once it has committed, replacing it succeeds.
      if (e.getCause() instanceof SQLException sql && SqlFailures.isDuplicateKey(sql)) {
        replace(definition, json);
      } else {
        throw e;
      }
    }
  }

  private void replace(WorkflowDefinition definition, String json) {
    database.write(
        "saving workflow " + definition.id() + " version " + definition.version(),
        c -> {
          Write.Binder key =
              ps -> {
                ps.setString(1, definition.id());
                ps.setString(2, definition.version());
              };
          Database.execute(
              c, "DELETE FROM baton_definition WHERE workflow_id = ? AND version = ?", key);
          return Database.execute(
              c,
              insertSql,
              ps -> {
                key.bind(ps);
                ps.setString(3, json);
              });
        });
  }

  @Override
  public Optional<WorkflowDefinition> find(String workflowId, String version) {
    return database
        .first(
            "finding workflow " + workflowId + " version " + version,
            "SELECT workflow_id, version, saved_seq FROM baton_definition"
                + " WHERE workflow_id = ? AND version = ?",
            ps -> {
              ps.setString(1, workflowId);
              ps.setString(2, version);
            },
            JdbcDefinitionStore::key)
        .map(this::definition);
  }

  @Override
  public Optional<WorkflowDefinition> latest(String workflowId) {
    return database
        .first(
            "finding the latest version of workflow " + workflowId,
            "SELECT workflow_id, version, saved_seq FROM baton_definition WHERE workflow_id = ?"
                + " ORDER BY saved_seq DESC LIMIT 1",
            ps -> ps.setString(1, workflowId),
            JdbcDefinitionStore::key)
        .map(this::definition);
  }

  @Override
  public List<WorkflowDefinition> list() {
    return database
        .list(
            "listing workflows",
            "SELECT d.workflow_id, d.version, d.saved_seq FROM baton_definition d"
                + " WHERE d.saved_seq = (SELECT MAX(x.saved_seq) FROM baton_definition x"
                + " WHERE x.workflow_id = d.workflow_id) ORDER BY d.workflow_id",
            ps -> {},
            JdbcDefinitionStore::key)
        .stream()
        .map(this::definition)
        .toList();
  }

  private static Key key(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Key(rs.getString(1), rs.getString(2), rs.getLong(3));
  }

  private WorkflowDefinition definition(Key key) {
    String cacheKey = key.workflowId() + "\u0000" + key.version();
    Parsed kept = parsed.get(cacheKey);
    if (kept != null && kept.savedSeq() == key.savedSeq()) {
      return kept.definition();
    }
    String json =
        database
            .first(
                "reading workflow " + key.workflowId() + " version " + key.version(),
                "SELECT body FROM baton_definition WHERE saved_seq = ?",
                ps -> ps.setLong(1, key.savedSeq()),
                rs -> rs.getString(1))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "workflow "
                            + key.workflowId()
                            + " version "
                            + key.version()
                            + " was replaced while being read; read it again"));
    WorkflowDefinition definition = parse(key, json);
    parsed.put(cacheKey, new Parsed(key.savedSeq(), definition));
    return definition;
  }

  private WorkflowDefinition parse(Key key, String json) {
    LoadResult result = loader.parse(json, key.workflowId() + ".json");
    if (result.definition() == null) {
      throw new IllegalStateException(
          "the stored workflow "
              + key.workflowId()
              + " version "
              + key.version()
              + " does not read back: "
              + result.errors());
    }
    return result.definition();
  }
}

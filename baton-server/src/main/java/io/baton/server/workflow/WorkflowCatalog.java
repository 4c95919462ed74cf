package io.baton.server.workflow;

import io.baton.server.api.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue of workflows: owner namespace, versions and their status. The definitions
 * themselves live in the engine's {@code DefinitionStore}, under their id and version.
 */
@Component
public class WorkflowCatalog {
  private final JdbcClient jdbc;

  WorkflowCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One version's status. */
  public record VersionEntry(int version, String status, String sourceFormat, Instant createdAt) {}

  /** The workflow with this id, deleted or not, in any namespace. */
  public Optional<WorkflowEntry> find(String id) {
    return jdbc.sql("select * from srv_workflow where id = :id")
        .param("id", id)
        .query((rs, n) -> read(rs))
        .optional();
  }

  /** Adds a workflow, or brings a deleted one back, at {@code version}. */
  public void save(WorkflowEntry entry) {
    int updated =
        jdbc.sql(
                "update srv_workflow set namespace = :ns, name = :name, description = :d,"
                    + " latest_version = :v, published_version = :p, deleted = :del,"
                    + " updated_at = :u where id = :id")
            .params(params(entry))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into srv_workflow (id, namespace, name, description, latest_version,"
                  + " published_version, deleted, created_at, updated_at)"
                  + " values (:id, :ns, :name, :d, :v, :p, :del, :c, :u)")
          .params(params(entry))
          .update();
    }
  }

  private static java.util.Map<String, Object> params(WorkflowEntry e) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("id", e.id());
    p.put("ns", e.namespace());
    p.put("name", e.name());
    p.put("d", e.description());
    p.put("v", e.latestVersion());
    p.put("p", e.publishedVersion());
    p.put("del", e.deleted());
    p.put("c", Timestamp.from(e.createdAt()));
    p.put("u", Timestamp.from(e.updatedAt()));
    return p;
  }

  /** Records a new version. */
  public void addVersion(String id, int version, String sourceFormat, String by, Instant at) {
    jdbc.sql(
            "insert into srv_workflow_version (workflow_id, version, status, source_format,"
                + " created_by, created_at) values (:id, :v, 'draft', :f, :by, :at)")
        .param("id", id)
        .param("v", version)
        .param("f", sourceFormat)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Marks a version published. */
  public void publish(String id, int version) {
    jdbc.sql(
            "update srv_workflow_version set status = 'published'"
                + " where workflow_id = :id and version = :v")
        .param("id", id)
        .param("v", version)
        .update();
  }

  /** A workflow's versions, newest first. */
  public List<VersionEntry> versions(String id) {
    return jdbc.sql(
            "select version, status, source_format, created_at from srv_workflow_version"
                + " where workflow_id = :id order by version desc")
        .param("id", id)
        .query(
            (rs, n) ->
                new VersionEntry(
                    rs.getInt("version"),
                    rs.getString("status"),
                    rs.getString("source_format"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** The status of one version, if it exists. */
  public Optional<VersionEntry> version(String id, int version) {
    return versions(id).stream().filter(v -> v.version() == version).findFirst();
  }

  /** A page of a namespace's workflows that are not deleted, most recently changed first. */
  public Page<WorkflowEntry> list(String namespace, Page.Request page) {
    long total =
        jdbc.sql("select count(*) from srv_workflow where namespace = :ns and deleted = false")
            .param("ns", namespace)
            .query(Long.class)
            .single();
    List<WorkflowEntry> items =
        jdbc.sql(
                "select * from srv_workflow where namespace = :ns and deleted = false"
                    + " order by updated_at desc, id offset "
                    + page.offset()
                    + " rows fetch next "
                    + page.size()
                    + " rows only")
            .param("ns", namespace)
            .query((rs, n) -> read(rs))
            .list();
    return new Page<>(items, page.page(), page.size(), total);
  }

  private static WorkflowEntry read(ResultSet rs) throws SQLException {
    return new WorkflowEntry(
        rs.getString("id"),
        rs.getString("namespace"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("latest_version"),
        rs.getObject("published_version", Integer.class),
        rs.getBoolean("deleted"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}

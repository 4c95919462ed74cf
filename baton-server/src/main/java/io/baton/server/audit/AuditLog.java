package io.baton.server.audit;

import io.baton.api.store.SqlWrite;
import io.baton.api.time.TimeSource;
import io.baton.server.api.Page;
import io.baton.server.persistence.ServerWrites;
import io.baton.server.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The append-only audit log of every change and run action, queryable per namespace. */
@Component
public class AuditLog {
  private final JdbcClient jdbc;
  private final ServerWrites writer;
  private final TimeSource clock;
  private final JsonMapper json;

  /** A log over the server's tables. */
  public AuditLog(JdbcClient jdbc, ServerWrites writer, TimeSource clock, JsonMapper json) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Records an action of {@code caller}, returning once it is committed.
   *
   * @param before the resource before, or null (serialised as JSON)
   * @param after the resource after, or null
   */
  public void record(
      Caller caller, String action, String type, String id, Object before, Object after) {
    writer.write(entry(caller, action, type, id, before, after));
  }

  /**
   * The write that records an action, for a caller that commits it together with its own rows in
   * one {@link ServerWrites#write}: the change and its audit entry are then durable together.
   */
  public Function<JdbcClient, Integer> entry(
      Caller caller, String action, String type, String id, Object before, Object after) {
    return ServerWrites.of(entryStatement(caller, action, type, id, before, after));
  }

  /**
   * The statement that records an action, for a write (see {@link #entry}) or for a run's start to
   * carry: the entry is then committed with the run's record.
   */
  public SqlWrite entryStatement(
      Caller caller, String action, String type, String id, Object before, Object after) {
    return SqlWrite.of(
        "insert into srv_audit (at, actor, namespace, action, resource_type, resource_id,"
            + " before_json, after_json) values (?, ?, ?, ?, ?, ?, ?, ?)",
        Timestamp.from(clock.now()),
        caller.subject(),
        caller.namespace(),
        action,
        type,
        id,
        before == null ? null : json.writeValueAsString(before),
        after == null ? null : json.writeValueAsString(after));
  }

  /**
   * A filter over the log.
   *
   * @param actor only this caller, or null
   * @param action only this action, or null
   * @param resourceType only this type, or null
   * @param resourceId only this resource, or null
   * @param since only entries at or after this time, or null
   */
  public record Query(
      String actor, String action, String resourceType, String resourceId, Instant since) {}

  /** The namespace's entries matching {@code query}, newest first. */
  public Page<AuditEntry> query(String namespace, Query query, Page.Request page) {
    StringBuilder where = new StringBuilder(" where namespace = :ns");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ns", namespace);
    add(where, params, "actor", query.actor());
    add(where, params, "action", query.action());
    add(where, params, "resource_type", query.resourceType());
    add(where, params, "resource_id", query.resourceId());
    if (query.since() != null) {
      where.append(" and at >= :since");
      params.put("since", Timestamp.from(query.since()));
    }
    long total =
        jdbc.sql("select count(*) from srv_audit" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<AuditEntry> items =
        jdbc.sql(
                "select * from srv_audit"
                    + where
                    + " order by id desc offset "
                    + page.offset()
                    + " rows fetch next "
                    + page.size()
                    + " rows only")
            .params(params)
            .query(
                (rs, n) ->
                    new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("namespace"),
                        rs.getString("action"),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"),
                        parse(rs.getString("before_json")),
                        parse(rs.getString("after_json"))))
            .list();
    return new Page<>(new ArrayList<>(items), page.page(), page.size(), total);
  }

  private static void add(
      StringBuilder where, Map<String, Object> params, String column, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" and ").append(column).append(" = :").append(column);
      params.put(column, value);
    }
  }

  private Object parse(String text) {
    return text == null ? null : json.readValue(text, Object.class);
  }
}

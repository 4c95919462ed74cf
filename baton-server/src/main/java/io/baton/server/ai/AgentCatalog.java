package io.baton.server.ai;

import io.baton.ai.BatonAi;
import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.step.AgentFiles;
import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiDiagnostic;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agents of the API (seed 002: list, register, get, delete): those of the AI configuration
 * (read-only, seen by every namespace) and those registered through the API, stored in {@code
 * srv_agent} and registered again with the AI on start. An agent's name is unique across namespaces
 * (steps name it); another namespace's agent answers 404 and cannot be taken (409).
 */
@Component
public class AgentCatalog {
  private static final Pattern FIELD = Pattern.compile("field '([^']+)'");

  private final JdbcClient jdbc;
  private final AgentRegistry registry;
  private final TimeSource clock;
  private final JsonMapper json = JsonMapper.builder().build();

  AgentCatalog(JdbcClient jdbc, BatonAi ai, TimeSource clock) {
    this.jdbc = jdbc;
    this.registry = ai.agents();
    this.clock = clock;
    for (Row row : rows()) {
      registry.register(AgentFiles.parse(row.definition(), "stored agent " + row.name()));
    }
  }

  /** A stored agent version. */
  private record Row(
      String name,
      String version,
      String namespace,
      Map<String, Object> definition,
      Instant createdAt) {}

  /** The agents the caller sees, by name, each in its latest version. */
  public List<AgentView> list(Caller caller) {
    List<Row> stored = rows();
    List<AgentView> out = new ArrayList<>();
    for (String name : registry.names()) {
      view(caller, name, stored).ifPresent(out::add);
    }
    return out;
  }

  /** An agent by {@code name} or {@code name@version}. */
  public AgentView get(Caller caller, String id) {
    String name = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
    AgentView latest = view(caller, name, rows()).orElseThrow(() -> ApiError.notFound("agent", id));
    if (!id.contains("@")) {
      return latest;
    }
    AgentDefinition version;
    try {
      version = registry.require(id);
    } catch (IllegalArgumentException e) {
      throw ApiError.notFound("agent", id);
    }
    return AgentView.of(version, latest.versions(), latest.source(), latest.createdAt());
  }

  /** Registers an agent from the fields of an agent file → its view. */
  public AgentView register(Caller caller, Map<String, Object> body) {
    AgentDefinition agent = parse(body);
    List<Row> stored = rows();
    boolean fromConfig =
        !registry.versions(agent.name()).isEmpty()
            && stored.stream().noneMatch(r -> r.name().equals(agent.name()));
    if (fromConfig
        || stored.stream()
            .anyMatch(
                r -> r.name().equals(agent.name()) && !r.namespace().equals(caller.namespace()))) {
      throw ApiError.conflict("an agent named '" + agent.name() + "' exists already");
    }
    if (stored.stream()
        .anyMatch(r -> r.name().equals(agent.name()) && r.version().equals(agent.version()))) {
      throw ApiError.conflict(
          "agent '"
              + agent.name()
              + "' has a version "
              + agent.version()
              + " already; register another version");
    }
    jdbc.sql(
            "insert into srv_agent (name, version, namespace, definition_json, created_by,"
                + " created_at) values (:n, :v, :ns, :d, :by, :at)")
        .param("n", agent.name())
        .param("v", agent.version())
        .param("ns", caller.namespace())
        .param("d", json.writeValueAsString(AgentView.definition(agent)))
        .param("by", caller.subject())
        .param("at", Timestamp.from(clock.now()))
        .update();
    registry.register(agent);
    return get(caller, agent.name() + "@" + agent.version());
  }

  /**
   * Unregisters every version of an agent ({@code name}) or one ({@code name@version}) → what was
   * deleted.
   */
  public AgentView delete(Caller caller, String id) {
    AgentView before = get(caller, id);
    if (before.source().equals("config")) {
      throw ApiError.conflict(
          "agent '" + before.id() + "' comes from the AI configuration file; remove it there");
    }
    if (id.contains("@")) {
      jdbc.sql("delete from srv_agent where name = :n and version = :v")
          .param("n", before.id())
          .param("v", before.version())
          .update();
      registry.unregister(before.id(), before.version());
    } else {
      jdbc.sql("delete from srv_agent where name = :n").param("n", before.id()).update();
      registry.unregister(before.id());
    }
    return before;
  }

  /** Whether an agent named {@code name} was registered by a namespace other than {@code ns}. */
  boolean ownedElsewhere(String name, String ns) {
    return jdbc.sql("select count(*) from srv_agent where name = :n and namespace <> :ns")
            .param("n", name)
            .param("ns", ns)
            .query(Long.class)
            .single()
        > 0;
  }

  private Optional<AgentView> view(Caller caller, String name, List<Row> stored) {
    List<String> versions = registry.versions(name);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    List<Row> own = stored.stream().filter(r -> r.name().equals(name)).toList();
    if (!own.isEmpty() && !own.getFirst().namespace().equals(caller.namespace())) {
      return Optional.empty();
    }
    Instant created = own.stream().map(Row::createdAt).min(Instant::compareTo).orElse(null);
    return Optional.of(
        AgentView.of(registry.require(name), versions, own.isEmpty() ? "config" : "api", created));
  }

  private AgentDefinition parse(Map<String, Object> body) {
    try {
      return AgentFiles.parse(body == null ? Map.of() : body, "the agent");
    } catch (IllegalArgumentException e) {
      Matcher field = FIELD.matcher(e.getMessage());
      String pointer =
          field.find()
              ? "/" + field.group(1)
              : body == null || !body.containsKey("name") ? "/name" : "";
      throw new ApiError(
          HttpStatus.UNPROCESSABLE_CONTENT,
          e.getMessage(),
          List.of(ApiDiagnostic.error("invalid-agent", e.getMessage(), pointer)));
    }
  }

  private List<Row> rows() {
    return jdbc.sql(
            "select name, version, namespace, definition_json, created_at from srv_agent"
                + " order by name, created_at")
        .query(
            (rs, n) ->
                new Row(
                    rs.getString("name"),
                    rs.getString("version"),
                    rs.getString("namespace"),
                    json.readValue(rs.getString("definition_json"), new TypeReference<>() {}),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}

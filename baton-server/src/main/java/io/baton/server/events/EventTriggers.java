package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event triggers of each namespace ({@code srv_event_trigger}): created from a request body
 * that is checked whole (the workflow exists in the namespace, the filter compiles, the input
 * template parses), listed, read and deleted.
 */
@Component
public class EventTriggers {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final JdbcClient jdbc;
  private final WorkflowService workflows;
  private final TimeSource clock;
  private final JsonMapper json;

  EventTriggers(JdbcClient jdbc, WorkflowService workflows, TimeSource clock, JsonMapper json) {
    this.jdbc = jdbc;
    this.workflows = workflows;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Creates a trigger from {@code {id, workflowId, type, filter?, input?, maxAttempts?, enabled?}}
   * → the trigger; 400 naming the field that is wrong, 404 for an unknown workflow, 409 when the id
   * is taken.
   */
  public EventTrigger create(Caller caller, Map<String, Object> body) {
    String workflowId = RequestFields.text(body, "workflowId", true);
    workflows.get(caller, workflowId, null);
    EventTrigger trigger = parse(caller, body, "", workflowId, null);
    insert(trigger);
    return trigger;
  }

  /**
   * The triggers a workflow declares in its definition's {@code metadata.triggers} (the same
   * fields, without {@code workflowId}; {@code id} defaults to {@code <workflowId>-<n>}), checked →
   * 400 pointing into the definition.
   */
  List<EventTrigger> declared(Caller caller, String workflowId, Object declared) {
    if (declared == null) {
      return List.of();
    }
    String at = "/metadata/triggers";
    if (!(declared instanceof List<?> list)) {
      throw ApiError.badField(at, "invalid-triggers", "metadata.triggers is a list of triggers");
    }
    List<EventTrigger> out = new java.util.ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw ApiError.badField(at + "/" + i, "invalid-trigger", "a trigger is an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) m;
      out.add(parse(caller, body, at + "/" + i, workflowId, workflowId + "-" + (i + 1)));
    }
    return out;
  }

  /**
   * Replaces the triggers {@code workflowId} declared with {@code triggers} (none: the workflow is
   * deleted or declares none any more); 409 when an id is taken by a trigger of the API.
   */
  void replaceDeclared(String namespace, String workflowId, List<EventTrigger> triggers) {
    jdbc.sql(
            "delete from srv_event_trigger where namespace = :ns and workflow_id = :wf"
                + " and declared = true")
        .param("ns", namespace)
        .param("wf", workflowId)
        .update();
    triggers.forEach(this::insert);
  }

  private EventTrigger parse(
      Caller caller, Map<String, Object> body, String at, String workflowId, String defaultId) {
    String id = RequestFields.text(body, "id", defaultId == null, at);
    id = id == null ? defaultId : id;
    if (!ID.matcher(id).matches()) {
      throw ApiError.badField(
          at + "/id",
          "invalid-id",
          "id must be letters, digits, '.', '_' or '-' (1 to 100), was " + id);
    }
    String type = RequestFields.text(body, "type", true, at);
    String filter = RequestFields.text(body, "filter", false, at);
    if (filter != null) {
      EventExpressions.filter(filter, at + "/filter");
    }
    Object input = body.get("input");
    if (input != null) {
      EventExpressions.template(input, at + "/input");
    }
    return new EventTrigger(
        id,
        caller.namespace(),
        workflowId,
        type,
        filter,
        input,
        RequestFields.integer(body, "maxAttempts", 3, 1, 10, at),
        !Boolean.FALSE.equals(body.get("enabled")),
        defaultId != null,
        caller.subject(),
        clock.now());
  }

  private void insert(EventTrigger trigger) {
    try {
      jdbc.sql(
              "insert into srv_event_trigger (trigger_id, namespace, workflow_id, type_pattern,"
                  + " filter_cel, input_json, max_attempts, enabled, declared, created_by,"
                  + " created_at) values (:id, :ns, :wf, :type, :filter, :input, :max, :on,"
                  + " :declared, :by, :at)")
          .param("id", trigger.id())
          .param("ns", trigger.namespace())
          .param("wf", trigger.workflowId())
          .param("type", trigger.type())
          .param("filter", trigger.filter())
          .param("input", trigger.input() == null ? null : json.writeValueAsString(trigger.input()))
          .param("max", trigger.maxAttempts())
          .param("on", trigger.enabled())
          .param("declared", trigger.declared())
          .param("by", trigger.createdBy())
          .param("at", Timestamp.from(trigger.createdAt()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw ApiError.conflict("a trigger named '" + trigger.id() + "' exists already");
    }
  }

  /** The triggers of {@code namespace}, by id. */
  public List<EventTrigger> list(String namespace) {
    return jdbc.sql("select * from srv_event_trigger where namespace = :ns order by trigger_id")
        .param("ns", namespace)
        .query(this::read)
        .list();
  }

  /** One trigger; 404 when {@code namespace} has none of that id. */
  public EventTrigger get(String namespace, String id) {
    return find(namespace, id).orElseThrow(() -> ApiError.notFound("event trigger", id));
  }

  /** One trigger, if {@code namespace} has one of that id. */
  Optional<EventTrigger> find(String namespace, String id) {
    return jdbc.sql("select * from srv_event_trigger where namespace = :ns and trigger_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .query(this::read)
        .optional();
  }

  /** Deletes a trigger → what it was. */
  public EventTrigger delete(String namespace, String id) {
    EventTrigger gone = get(namespace, id);
    jdbc.sql("delete from srv_event_trigger where namespace = :ns and trigger_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .update();
    return gone;
  }

  /** The enabled triggers of the event's namespace whose type pattern its type matches. */
  List<EventTrigger> matching(SystemEvent event) {
    return list(event.namespace()).stream()
        .filter(t -> t.enabled() && EventBus.glob(t.type()).matcher(event.type()).matches())
        .toList();
  }

  private EventTrigger read(ResultSet rs, int row) throws SQLException {
    String input = rs.getString("input_json");
    return new EventTrigger(
        rs.getString("trigger_id"),
        rs.getString("namespace"),
        rs.getString("workflow_id"),
        rs.getString("type_pattern"),
        rs.getString("filter_cel"),
        input == null ? null : json.readValue(input, Object.class),
        rs.getInt("max_attempts"),
        rs.getBoolean("enabled"),
        rs.getBoolean("declared"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}

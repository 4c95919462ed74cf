package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.execution.ExecutionService;
import io.baton.server.execution.ExecutionViews;
import io.baton.server.execution.UnstartedRuns;
import io.baton.server.security.Caller;
import io.baton.server.security.Grants;
import io.baton.server.security.Role;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts the workflow of a trigger an event matches — the filter holds, the input renders, the run
 * starts in the trigger's namespace as {@code trigger:<id>} — once per trigger and event id. The
 * outbox runs a reaction at least once (again after a crash between starting the run and marking
 * the reaction done, or when a node's lease ran out while it was still starting), so the run's id
 * is derived from the namespace, the trigger and the event ({@link #runId}): a second start finds
 * the run indexed under that id and starts nothing ({@link ExecutionService#executeOnce}). {@code
 * srv_trigger_fire} records which run each trigger started for which event. Retries and dead
 * letters are the {@link EventOutbox}'s; a start given up there (or whose trigger was deleted)
 * after a crash had indexed its run is shown failed ({@link #abandon}).
 */
@Component
class TriggerFiring {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerFiring.class);

  private final ExecutionService executions;
  private final UnstartedRuns unstarted;
  private final JdbcClient jdbc;
  private final TimeSource clock;

  TriggerFiring(
      ExecutionService executions, UnstartedRuns unstarted, JdbcClient jdbc, TimeSource clock) {
    this.executions = executions;
    this.unstarted = unstarted;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Starts the trigger's run for the event, unless the filter says no or it did already → the run
   * it started, if any.
   */
  Optional<String> fire(EventTrigger trigger, SystemEvent event) {
    Map<String, Object> variables = EventExpressions.variables(event);
    if (trigger.filter() != null
        && !EventExpressions.filter(trigger.filter(), "/filter").test(variables)) {
      return Optional.empty();
    }
    if (fired(trigger, event).isPresent()) {
      return Optional.empty();
    }
    Object rendered =
        trigger.input() == null
            ? variables
            : EventExpressions.template(trigger.input(), "/input").render(variables);
    if (!(rendered instanceof Map<?, ?> inputs)) {
      throw new IllegalArgumentException(
          "trigger " + trigger.id() + ": input must render to a JSON object, got " + rendered);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> runInputs = (Map<String, Object>) inputs;
    String runId = runId(trigger, event);
    Optional<String> started =
        executions
            .executeOnce(
                caller(trigger.namespace(), trigger.id()),
                trigger.workflowId(),
                new ExecutionService.ExecuteRequest(runInputs, null, null),
                runId)
            .map(ExecutionViews.Execution::id);
    try {
      jdbc.sql(
              "insert into srv_trigger_fire (namespace, trigger_id, event_id, run_id, at)"
                  + " values (:ns, :t, :e, :run, :at)")
          .param("ns", trigger.namespace())
          .param("t", trigger.id())
          .param("e", event.id())
          .param("run", runId)
          .param("at", Timestamp.from(clock.now()))
          .update();
    } catch (DuplicateKeyException recorded) {
      LOG.debug("trigger {} had recorded run {} for event {}", trigger.id(), runId, event.id());
    }
    return started;
  }

  /**
   * Gives up the start of the run trigger {@code triggerId} of the event's namespace would start
   * for {@code event}, whose reaction failed for good ({@code error}) or whose trigger was deleted:
   * a run that a crash left indexed but not started is shown failed ({@link UnstartedRuns}) rather
   * than pending for ever.
   */
  void abandon(String triggerId, SystemEvent event, String error) {
    String runId = runId(event.namespace(), triggerId, event);
    if (unstarted.giveUp(caller(event.namespace(), triggerId), runId, error)) {
      LOG.warn(
          "run {} of trigger {} for event {} was indexed but never started; it is shown failed: {}",
          runId,
          triggerId,
          event.id(),
          error);
    }
  }

  /** Who a trigger's starts are: an operator of its namespace named after it. */
  private static Caller caller(String namespace, String triggerId) {
    return new Caller(
        EventReactions.TRIGGER + triggerId,
        namespace,
        Role.OPERATOR,
        Grants.parse(List.of(namespace + ":operator")));
  }

  /**
   * The id of the run {@code trigger} starts for {@code event}: the same for every delivery of the
   * event, on every node, and distinct across namespaces, triggers and events.
   */
  static String runId(EventTrigger trigger, SystemEvent event) {
    return runId(trigger.namespace(), trigger.id(), event);
  }

  private static String runId(String namespace, String triggerId, SystemEvent event) {
    String key = namespace + '\n' + triggerId + '\n' + event.id();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Optional<String> fired(EventTrigger trigger, SystemEvent event) {
    return jdbc.sql(
            "select run_id from srv_trigger_fire where namespace = :ns and trigger_id = :t"
                + " and event_id = :e")
        .param("ns", trigger.namespace())
        .param("t", trigger.id())
        .param("e", event.id())
        .query(String.class)
        .optional();
  }
}

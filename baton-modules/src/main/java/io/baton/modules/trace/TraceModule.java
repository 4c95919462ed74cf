package io.baton.modules.trace;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.mplp.Mplp;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MPLP {@code trace} module: traces of runs (MPLP Trace documents). {@code start-monitoring}
 * opens a trace bound to the plan's context; from then on every step of the run is recorded as a
 * segment (running → completed, failed, skipped, cancelled) and the run's end ends the trace (the
 * hub's trace recorder feeds it from the run's journal).
 *
 * <p>{@code start-monitoring {planId}} → {@code {traceId, planId, contextId, status, trace}}.
 */
public final class TraceModule extends MplpModule {
  static final String TYPE = "trace";
  private static final Set<String> SEGMENT_STATUSES =
      Set.of("pending", "running", "completed", "failed", "cancelled", "skipped");
  private static final Set<String> END_STATUSES = Set.of("completed", "failed", "cancelled");

  /** The module, with its operations. */
  public TraceModule() {
    super(TYPE, "Traces of runs: spans, segments and events.");
    operation(
        "start-monitoring", "Opens a trace of the run: planId and/or contextId.", this::start);
    operation("record", "Records a segment: traceId, label, status, attributes.", this::record);
    operation(
        "record-event",
        "Appends an MPLP event of another module to a trace: traceId, event.",
        this::recordEvent);
    operation(
        "stop-monitoring",
        "Ends a trace: traceId, status (completed, failed, cancelled).",
        this::stop);
    operation(
        "query", "Returns a trace by traceId, or the traces of planId or runId.", this::query);
    operation(
        "list-traces",
        "Lists traces, those of a run when runId is given.",
        c -> fields("traces", summaries(c.entities().list(TYPE, c.text("runId", null), 1000))));
  }

  @Override
  public List<String> dependencies() {
    return List.of("context", "plan");
  }

  private Object start(Call c) {
    String planRef = c.text("planId", null);
    String planId = Mplp.isId(planRef) ? planRef : null;
    String contextId = c.text("contextId", null);
    if (contextId == null && planId != null) {
      contextId =
          String.valueOf(
              ((Map<?, ?>) c.invoke("plan", "get-plan", fields("planId", planId)))
                  .get("contextId"));
    }
    Object context = c.invoke("context", "ensure-context", fields("contextId", contextId));
    contextId = String.valueOf(((Map<?, ?>) context).get("contextId"));
    String id = c.newId();
    Map<String, Object> doc = c.document("trace_id", id);
    doc.put("context_id", contextId);
    if (planId != null) {
      doc.put("plan_id", planId);
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    c.step()
        .ifPresent(
            s ->
                attributes.putAll(
                    fields("run_id", s.runId(), "workflow_id", s.workflowId(), "step", s.path())));
    if (planRef != null && planId == null) {
      attributes.put("plan_ref", planRef);
    }
    doc.put(
        "root_span",
        fields(
            "trace_id",
            id,
            "span_id",
            c.newId(),
            "context_id",
            contextId,
            "attributes",
            attributes));
    doc.put("status", "running");
    doc.put("started_at", Mplp.time(c.now()));
    doc.put("segments", new ArrayList<>());
    Map<String, Object> saved =
        c.entities().create(TYPE, id, c.runId() == null ? "api" : c.runId(), doc);
    c.publish("trace.started", fields("traceId", id, "runId", c.runId(), "planId", planRef));
    Map<String, Object> out = summary(saved);
    out.put("planId", planRef);
    return out;
  }

  private Object record(Call c) {
    String traceId = c.required("traceId");
    String label = c.required("label");
    String status = c.text("status", "completed");
    if (!SEGMENT_STATUSES.contains(status)) {
      throw c.badInput("segment status '" + status + "' is not one of " + SEGMENT_STATUSES);
    }
    String at = c.text("at", Mplp.time(c.now()));
    return summary(
        c.entities()
            .update(
                TYPE,
                traceId,
                d -> {
                  @SuppressWarnings("unchecked")
                  List<Map<String, Object>> segments =
                      (List<Map<String, Object>>)
                          d.computeIfAbsent("segments", k -> new ArrayList<>());
                  Map<String, Object> open =
                      segments.stream()
                          .filter(
                              s ->
                                  label.equals(s.get("label")) && "running".equals(s.get("status")))
                          .reduce((a, b) -> b)
                          .orElse(null);
                  if (open == null) {
                    open =
                        fields(
                            "segment_id",
                            c.newId(),
                            "label",
                            label,
                            "status",
                            status,
                            "started_at",
                            at);
                    segments.add(open);
                  }
                  open.put("status", status);
                  if (!"running".equals(status) && !"pending".equals(status)) {
                    open.put("finished_at", at);
                  }
                  if (!c.map("attributes").isEmpty()) {
                    open.put("attributes", c.map("attributes"));
                  }
                }));
  }

  /**
   * Appends an event (as its module recorded it: {@code event_id}, {@code event_type}, {@code
   * source}, {@code timestamp}, {@code data}) to the trace, bound to it by {@code trace_id}; an
   * event already there (same id) is not added twice.
   */
  private Object recordEvent(Call c) {
    String traceId = c.required("traceId");
    Map<String, Object> event = new LinkedHashMap<>(c.map("event"));
    if (!Mplp.isId(event.get("event_id")) || event.get("event_type") == null) {
      throw c.badInput(
          "'event' must be an MPLP event with an event_id (UUID v4) and an event_type");
    }
    event.put("trace_id", traceId);
    return summary(
        c.entities()
            .update(
                TYPE,
                traceId,
                d -> {
                  @SuppressWarnings("unchecked")
                  List<Map<String, Object>> events =
                      (List<Map<String, Object>>)
                          d.computeIfAbsent("events", k -> new ArrayList<>());
                  if (events.stream()
                      .noneMatch(e -> event.get("event_id").equals(e.get("event_id")))) {
                    events.add(event);
                  }
                }));
  }

  private Object stop(Call c) {
    String traceId = c.required("traceId");
    String status = c.text("status", "completed");
    if (!END_STATUSES.contains(status)) {
      throw c.badInput("a trace ends " + END_STATUSES + ", not '" + status + "'");
    }
    Map<String, Object> doc =
        c.entities()
            .update(
                TYPE,
                traceId,
                d -> {
                  d.put("status", status);
                  d.put("finished_at", c.text("at", Mplp.time(c.now())));
                });
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes =
        (Map<String, Object>)
            ((Map<String, Object>) doc.get("root_span")).getOrDefault("attributes", Map.of());
    c.publish(
        "trace.stopped",
        fields("traceId", traceId, "runId", attributes.get("run_id"), "status", status));
    return summary(doc);
  }

  private Object query(Call c) {
    String traceId = c.text("traceId", null);
    if (traceId != null) {
      return summary(c.entities().get(TYPE, traceId));
    }
    String planId = c.text("planId", null);
    String runId = c.text("runId", planId == null ? c.runId() : null);
    List<Map<String, Object>> found =
        c.entities().list(TYPE, runId, 1000).stream()
            .filter(
                t ->
                    planId == null
                        || planId.equals(t.get("plan_id"))
                        || planId.equals(attribute(t, "plan_ref")))
            .toList();
    return fields("traces", summaries(found));
  }

  @SuppressWarnings("unchecked")
  private static Object attribute(Map<String, Object> trace, String name) {
    Map<String, Object> span = (Map<String, Object>) trace.get("root_span");
    return ((Map<String, Object>) span.getOrDefault("attributes", Map.of())).get(name);
  }

  private static List<Object> summaries(List<Map<String, Object>> docs) {
    return docs.stream().map(TraceModule::summary).map(Object.class::cast).toList();
  }

  private static Map<String, Object> summary(Map<String, Object> doc) {
    return fields(
        "traceId", doc.get("trace_id"),
        "contextId", doc.get("context_id"),
        "planId", doc.get("plan_id") != null ? doc.get("plan_id") : attribute(doc, "plan_ref"),
        "status", doc.get("status"),
        "segments", doc.getOrDefault("segments", List.of()),
        "trace", doc);
  }
}

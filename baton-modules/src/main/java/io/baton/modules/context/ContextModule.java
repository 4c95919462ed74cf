package io.baton.modules.context;

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
 * The MPLP {@code context} module: shared contexts of a collaboration (the blackboard). A context
 * is an MPLP Context document; its shared variables live in {@code root.variables} (the schema
 * leaves {@code root} open for such entry-point data). Contexts a run creates are found again as
 * "the run's context" by the other modules.
 *
 * <p>{@code create-context {name, type}} → {@code {contextId, name, type, status, variables,
 * context}}.
 */
public final class ContextModule extends MplpModule {
  static final String TYPE = "context";
  private static final Set<String> STATUSES =
      Set.of("draft", "active", "suspended", "archived", "closed");

  /** The module, with its operations. */
  public ContextModule() {
    super(TYPE, "Shared contexts (the blackboard) of multi-agent collaborations.");
    operation(
        "create-context",
        "Creates an active context: name, type (its domain), variables.",
        this::create);
    operation(
        "get-context",
        "Returns a context: contextId (default: the run's context).",
        c -> result(c, find(c)));
    operation(
        "update-context", "Changes title, summary, status, tags; merges variables.", this::update);
    operation("set-variable", "Sets one shared variable: name, value.", this::setVariable);
    operation("get-variable", "Reads one shared variable: name.", this::getVariable);
    operation(
        "ensure-context",
        "The given context, else the run's, else a new one for the run.",
        c -> result(c, ensure(c)));
    operation("list-contexts", "Lists contexts, those of a run when runId is given.", this::list);
    operation("close-context", "Ends a context: status closed (or archived).", this::close);
  }

  private Object create(Call c) {
    String id = c.newId();
    Map<String, Object> doc = c.document("context_id", id);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("domain", c.text("type", c.text("domain", "general")));
    root.put("environment", c.text("environment", "baton"));
    root.put("variables", new LinkedHashMap<>(c.map("variables")));
    doc.put("root", root);
    doc.put(
        "title", c.text("name", c.text("title", c.step().map(s -> s.stepId()).orElse("context"))));
    putIfGiven(doc, "summary", c.text("summary", null));
    doc.put("status", "active");
    List<String> tags = c.list("tags").stream().map(String::valueOf).toList();
    if (!tags.isEmpty()) {
      doc.put("tags", tags);
    }
    putIfGiven(doc, "language", c.text("language", null));
    putIfGiven(doc, "owner_role", c.text("ownerRole", null));
    if (!c.map("constraints").isEmpty()) {
      doc.put("constraints", c.map("constraints"));
    }
    doc.put("created_at", Mplp.time(c.now()));
    doc.put("updated_at", Mplp.time(c.now()));
    Call.addEvent(doc, c.event("context.created", fields("title", doc.get("title"))));
    Map<String, Object> saved = c.entities().create(TYPE, id, owner(c), doc);
    c.publish("context.created", fields("contextId", id, "runId", c.runId()));
    return result(c, saved);
  }

  private Object update(Call c) {
    Map<String, Object> doc = find(c);
    String status = c.text("status", null);
    if (status != null && !STATUSES.contains(status)) {
      throw c.badInput("status '" + status + "' is not one of " + STATUSES);
    }
    Map<String, Object> updated =
        c.entities()
            .update(
                TYPE,
                (String) doc.get("context_id"),
                d -> {
                  putIfGiven(d, "title", c.text("title", null));
                  putIfGiven(d, "summary", c.text("summary", null));
                  if (!c.list("tags").isEmpty()) {
                    d.put("tags", c.list("tags").stream().map(String::valueOf).toList());
                  }
                  variables(d).putAll(c.map("variables"));
                  if (status != null && !status.equals(d.get("status"))) {
                    d.put("status", status);
                    Call.addEvent(d, c.event("context.status.changed", fields("status", status)));
                  }
                  d.put("updated_at", Mplp.time(c.now()));
                });
    return result(c, updated);
  }

  private Object setVariable(Call c) {
    String name = c.required("name");
    Map<String, Object> doc = find(c);
    Map<String, Object> updated =
        c.entities()
            .update(
                TYPE,
                (String) doc.get("context_id"),
                d -> {
                  variables(d).put(name, c.get("value"));
                  d.put("updated_at", Mplp.time(c.now()));
                });
    return result(c, updated);
  }

  private Object getVariable(Call c) {
    String name = c.required("name");
    Map<String, Object> doc = find(c);
    return fields(
        "contextId", doc.get("context_id"), "name", name, "value", variables(doc).get(name));
  }

  private Object list(Call c) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> doc : c.entities().list(TYPE, c.text("runId", null), 1000)) {
      out.add(result(c, doc));
    }
    return fields("contexts", out);
  }

  private Object close(Call c) {
    String status = c.text("status", "closed");
    if (!Set.of("closed", "archived").contains(status)) {
      throw c.badInput("a context is closed or archived, not '" + status + "'");
    }
    Map<String, Object> in = new LinkedHashMap<>(c.input());
    in.put("status", status);
    in.put("contextId", find(c).get("context_id"));
    return update(new Call(TYPE, "update-context", in, c.step().orElse(null), c.services()));
  }

  /** The context named by {@code contextId}, else the run's latest one. */
  private static Map<String, Object> find(Call c) {
    String id = c.text("contextId", null);
    if (id != null) {
      return c.entities().get(TYPE, id);
    }
    List<Map<String, Object>> own = c.entities().list(TYPE, owner(c), 1000);
    if (own.isEmpty()) {
      throw c.badInput(
          "no contextId was given and "
              + (c.runId() == null ? "no run" : "run " + c.runId())
              + " has no context; create one with context.create-context");
    }
    return own.getLast();
  }

  private Map<String, Object> ensure(Call c) {
    String id = c.text("contextId", null);
    if (id != null) {
      if (!Mplp.isId(id)) {
        throw c.badInput("contextId '" + id + "' is not an MPLP id (a UUID v4)");
      }
      return c.entities().get(TYPE, id);
    }
    List<Map<String, Object>> own = c.entities().list(TYPE, owner(c), 1000);
    if (!own.isEmpty()) {
      return own.getLast();
    }
    String title = c.runId() == null ? "Baton system context" : "Context of run " + c.runId();
    Map<String, Object> in = fields("name", title, "type", c.runId() == null ? "system" : "run");
    @SuppressWarnings("unchecked")
    Map<String, Object> made =
        (Map<String, Object>)
            create(new Call(TYPE, "create-context", in, c.step().orElse(null), c.services()));
    return c.entities().get(TYPE, (String) made.get("contextId"));
  }

  /** Contexts are owned by the run that made them, or by the API. */
  private static String owner(Call c) {
    return c.runId() == null ? "api" : c.runId();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> doc) {
    Map<String, Object> root = (Map<String, Object>) doc.get("root");
    return (Map<String, Object>) root.computeIfAbsent("variables", k -> new LinkedHashMap<>());
  }

  private static void putIfGiven(Map<String, Object> doc, String field, Object value) {
    if (value != null) {
      doc.put(field, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Call c, Map<String, Object> doc) {
    Map<String, Object> root = (Map<String, Object>) doc.get("root");
    return fields(
        "contextId", doc.get("context_id"),
        "name", doc.get("title"),
        "type", root.get("domain"),
        "status", doc.get("status"),
        "variables", variables(doc),
        "context", doc);
  }
}

package io.baton.modules.dialog;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.spi.TaskHandler;
import io.baton.modules.mplp.Mplp;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MPLP {@code dialog} module: conversations between agents and people (MPLP Dialog documents).
 * A message's sender travels in its {@code event.data.from}, since MPLP messages carry only a role
 * ({@code user}, {@code assistant}, {@code system}, {@code agent}). Summaries are made by the rules
 * or, once one is registered, by an agent with the {@code summarization} capability.
 *
 * <p>{@code facilitate-communication {participants}} → {@code {dialogId, participants, messages:
 * [{from, role, text, timestamp}], status, dialog}}.
 */
public final class DialogModule extends MplpModule {
  static final String TYPE = "dialog";

  /** The module, with its operations. */
  public DialogModule() {
    super(TYPE, "Conversations between agents and humans.");
    operation(
        "facilitate-communication",
        "Opens a dialog among participants on a topic; each joins.",
        this::open);
    operation("send", "Adds a message: dialogId, from, text (or content), role.", this::send);
    operation("history", "Returns a dialog's messages: dialogId.", c -> summary(dialog(c)));
    operation(
        "summarize", "Summarises a dialog (by an agent or the rules): dialogId.", this::summarize);
    operation("close", "Completes a dialog: dialogId.", this::close);
    operation(
        "list-dialogs",
        "Lists dialogs, those of a run when runId is given.",
        c ->
            fields(
                "dialogs",
                c.entities().list(TYPE, c.text("runId", null), 1000).stream()
                    .map(DialogModule::summary)
                    .toList()));
  }

  @Override
  public List<Reserved> reserved() {
    return List.of(new Reserved("summarize", "summarization", "Summarises a dialog."));
  }

  @Override
  public List<String> dependencies() {
    return List.of("context");
  }

  private Object open(Call c) {
    List<Object> participants = new ArrayList<>();
    for (Object p : c.list("participants")) {
      participants.add(
          p instanceof Map<?, ?> m ? (m.get("agent") != null ? m.get("agent") : m.get("role")) : p);
    }
    if (participants.isEmpty()) {
      throw c.badInput("'participants' must name at least one participant");
    }
    String topic = c.text("topic", "the work at hand");
    Object context =
        c.invoke("context", "ensure-context", fields("contextId", c.text("contextId", null)));
    String id = c.newId();
    Map<String, Object> doc = c.document("dialog_id", id);
    doc.put("context_id", ((Map<?, ?>) context).get("contextId"));
    doc.put("thread_id", c.newId());
    doc.put("status", "active");
    List<Object> messages = new ArrayList<>();
    messages.add(
        message(c, "system", "hub", "Dialog opened on " + topic + " among " + participants + "."));
    for (Object who : participants) {
      messages.add(
          message(
              c,
              "agent",
              String.valueOf(who),
              who + " joined: ready to collaborate on " + topic + "."));
    }
    doc.put("messages", messages);
    doc.put("started_at", Mplp.time(c.now()));
    Call.addEvent(doc, c.event("dialog.opened", fields("topic", topic)));
    Map<String, Object> saved =
        c.entities().create(TYPE, id, c.runId() == null ? "api" : c.runId(), doc);
    c.publish("dialog.opened", fields("dialogId", id, "participants", participants));
    Map<String, Object> out = summary(saved);
    out.put("participants", participants);
    return out;
  }

  private Object send(Call c) {
    Map<String, Object> doc = dialog(c);
    if (!"active".equals(doc.get("status"))) {
      throw c.badInput(
          "dialog "
              + doc.get("dialog_id")
              + " is "
              + doc.get("status")
              + "; messages go to active dialogs");
    }
    String role = c.text("role", "agent");
    if (!List.of("user", "assistant", "system", "agent").contains(role)) {
      throw c.badInput("role '" + role + "' is not one of [user, assistant, system, agent]");
    }
    String text = c.text("text", c.required("content"));
    Map<String, Object> msg = message(c, role, c.text("from", c.actor()), text);
    Map<String, Object> updated =
        c.entities().update(TYPE, (String) doc.get("dialog_id"), d -> messages(d).add(msg));
    c.publish(
        "dialog.message",
        fields("dialogId", doc.get("dialog_id"), "from", c.text("from", c.actor())));
    return summary(updated);
  }

  private Object summarize(Call c) throws Exception {
    Map<String, Object> doc = dialog(c);
    List<Map<String, Object>> msgs = messages(doc);
    Optional<TaskHandler> agent = c.services().agentFor(TYPE, "summarize");
    Object summary;
    if (agent.isPresent()) {
      summary =
          agent
              .get()
              .handle(
                  "summarization",
                  fields("dialogId", doc.get("dialog_id"), "messages", msgs),
                  c.step().orElse(null));
    } else {
      List<Object> speakers =
          msgs.stream().map(m -> from(m)).distinct().map(Object.class::cast).toList();
      Map<String, Object> last = msgs.getLast();
      summary =
          msgs.size()
              + " messages among "
              + speakers
              + "; last, from "
              + from(last)
              + ": "
              + last.get("content");
    }
    return fields(
        "dialogId",
        doc.get("dialog_id"),
        "summary",
        summary,
        "summarizedBy",
        agent.isPresent() ? "agent" : "rules");
  }

  private Object close(Call c) {
    Map<String, Object> doc = dialog(c);
    return summary(
        c.entities()
            .update(
                TYPE,
                (String) doc.get("dialog_id"),
                d -> {
                  d.put("status", "completed");
                  d.put("ended_at", Mplp.time(c.now()));
                  Call.addEvent(d, c.event("dialog.completed", null));
                }));
  }

  private static Map<String, Object> dialog(Call c) {
    return c.entities().get(TYPE, c.required("dialogId"));
  }

  private static Map<String, Object> message(Call c, String role, String from, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("content", text);
    m.put("timestamp", Mplp.time(c.now()));
    m.put("event", c.event("dialog.message", fields("from", from)));
    return m;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> messages(Map<String, Object> doc) {
    return (List<Map<String, Object>>) doc.get("messages");
  }

  private static Object from(Map<String, Object> message) {
    return message.get("event") instanceof Map<?, ?> e && e.get("data") instanceof Map<?, ?> d
        ? d.get("from")
        : message.get("role");
  }

  private static Map<String, Object> summary(Map<String, Object> doc) {
    List<Object> messages =
        messages(doc).stream()
            .map(
                m ->
                    (Object)
                        fields(
                            "from",
                            from(m),
                            "role",
                            m.get("role"),
                            "text",
                            m.get("content"),
                            "timestamp",
                            m.get("timestamp")))
            .toList();
    return fields(
        "dialogId",
        doc.get("dialog_id"),
        "contextId",
        doc.get("context_id"),
        "status",
        doc.get("status"),
        "messages",
        messages,
        "dialog",
        doc);
  }
}

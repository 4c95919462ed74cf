package io.baton.cli.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offline stand-in for the MPLP {@code dialog} module. {@code facilitate-communication} opens a
 * dialog among the participants and has each greet the others with a fixed line; {@code send}
 * echoes the message back as sent.
 */
final class DialogModule extends OfflineModule {

  DialogModule() {
    super("dialog");
    operation(
        "facilitate-communication",
        (p, ctx) -> {
          List<Object> participants = new ArrayList<>();
          List<Map<String, Object>> messages = new ArrayList<>();
          for (Object participant : list(p, "participants")) {
            Object who = participant instanceof Map<?, ?> m ? m.get("agent") : participant;
            participants.add(who);
            messages.add(fields("from", String.valueOf(who), "text", "ready to collaborate"));
          }
          return result(
              "dialogId", DerivedIds.of(ctx, "dialog"),
              "participants", participants,
              "messages", messages);
        });
    operation(
        "send",
        (p, ctx) ->
            result(
                "dialogId", text(p, "dialogId", null),
                "from", text(p, "from", "workflow"),
                "text", text(p, "text", ""),
                "delivered", true));
    operation(
        "history",
        (p, ctx) -> result("dialogId", text(p, "dialogId", null), "messages", List.of()));
  }
}

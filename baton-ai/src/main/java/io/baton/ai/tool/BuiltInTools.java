package io.baton.ai.tool;

import io.baton.ai.internal.JsonCodec;
import io.baton.ai.memory.ConversationStore;
import io.baton.api.spi.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools every installation has: the run's shared blackboard ({@code blackboard_read}, {@code
 * blackboard_write}; a team turn's agents share the blackboard of the run that owns the team step,
 * {@link Blackboards}) and {@code http_request}.
 */
public final class BuiltInTools {
  private BuiltInTools() {}

  /** The built-in tools, the blackboard kept in {@code store}. */
  public static List<Tool> all(ConversationStore store) {
    return List.of(read(store), write(store), new HttpRequestTool());
  }

  private static Tool read(ConversationStore store) {
    return Tool.of(
        "blackboard_read",
        "Reads the run's shared blackboard: one key, or every entry when no key is given.",
        Map.of("type", "object", "properties", Map.of("key", Map.of("type", "string"))),
        (args, ctx) -> {
          Map<String, Object> board = new LinkedHashMap<>();
          store
              .blackboard(Blackboards.runOf(ctx))
              .forEach((k, v) -> board.put(k, JsonCodec.read(v)));
          Object key = args.get("key");
          return key == null ? board : board.get(key.toString());
        });
  }

  private static Tool write(ConversationStore store) {
    return Tool.of(
        "blackboard_write",
        "Writes an entry of the run's shared blackboard, for the other agents of the run.",
        Map.of(
            "type", "object",
            "properties", Map.of("key", Map.of("type", "string"), "value", Map.of()),
            "required", List.of("key", "value")),
        (args, ctx) -> {
          store.writeBlackboard(
              Blackboards.runOf(ctx),
              args.get("key").toString(),
              JsonCodec.write(args.get("value")));
          return Map.of("written", args.get("key"));
        });
  }
}

package io.baton.ai.message;

import io.baton.ai.tool.Blackboards;
import io.baton.ai.tool.ToolCallContext;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import java.util.List;
import java.util.Map;

/**
 * The messaging tools agents (and {@code tool} steps) call: {@code send_message}, {@code
 * broadcast_message}, {@code read_messages}, {@code subscribe}. The sender is the calling agent (or
 * the step); a message's id is the tool call's idempotency key, so a step re-executed after a crash
 * does not send it twice. Messages go between the agents of the run their blackboard belongs to
 * ({@link Blackboards#runOf}): in the turns of a team step, the run that owns the team step, so its
 * members reach the agents of the steps around it.
 */
public final class MessageTools {
  private static final Map<String, Object> TEXT = Map.of("type", "string");
  private static final Map<String, Object> CONTENT =
      Map.of("description", "what to say: a text or any JSON value");

  private MessageTools() {}

  /** The four tools over {@code messages}. */
  public static List<Tool> all(AgentMessages messages) {
    return List.of(send(messages), broadcast(messages), read(messages), subscribe(messages));
  }

  private static Tool send(AgentMessages messages) {
    return Tool.of(
        "send_message",
        "Sends a message to another agent of this run.",
        schema(Map.of("to", TEXT, "topic", TEXT, "content", CONTENT), List.of("to", "content")),
        (args, ctx) ->
            messages
                .send(
                    Blackboards.runOf(ctx),
                    ctx.idempotencyKey(),
                    sender(ctx),
                    args.get("to").toString(),
                    text(args.get("topic")),
                    args.get("content"))
                .toMap());
  }

  private static Tool broadcast(AgentMessages messages) {
    return Tool.of(
        "broadcast_message",
        "Sends a message on a topic to every agent of this run that subscribed to it, and wakes the"
            + " steps waiting on the topic.",
        schema(Map.of("topic", TEXT, "content", CONTENT), List.of("topic", "content")),
        (args, ctx) ->
            messages
                .send(
                    Blackboards.runOf(ctx),
                    ctx.idempotencyKey(),
                    sender(ctx),
                    null,
                    args.get("topic").toString(),
                    args.get("content"))
                .toMap());
  }

  private static Tool read(AgentMessages messages) {
    return Tool.of(
        "read_messages",
        "Reads the messages for you in this run: on one topic, or (without a topic) those sent to you"
            + " and those on the topics you subscribed to. Pass the last seq you saw as 'after' to"
            + " get only newer ones.",
        schema(Map.of("topic", TEXT, "after", Map.of("type", "integer")), List.of()),
        (args, ctx) -> {
          long after = args.get("after") instanceof Number n ? n.longValue() : 0;
          List<Map<String, Object>> found =
              messages
                  .read(Blackboards.runOf(ctx), sender(ctx), text(args.get("topic")), after)
                  .stream()
                  .map(AgentMessage::toMap)
                  .toList();
          return Map.of("messages", found);
        });
  }

  private static Tool subscribe(AgentMessages messages) {
    return Tool.of(
        "subscribe",
        "Subscribes you to a topic: read_messages without a topic then includes its broadcasts.",
        schema(Map.of("topic", TEXT), List.of("topic")),
        (args, ctx) -> {
          String topic = args.get("topic").toString();
          messages.subscribe(Blackboards.runOf(ctx), sender(ctx), topic);
          return Map.of("subscribed", topic);
        });
  }

  private static String sender(StepContext ctx) {
    return ctx instanceof ToolCallContext call ? call.caller() : ctx.stepId();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Map<String, Object> schema(Map<String, Object> props, List<String> required) {
    return Map.of("type", "object", "properties", props, "required", required);
  }
}

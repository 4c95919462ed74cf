package io.baton.ai.model;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.baton.ai.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Baton's built-in offline model: deterministic, not a language model, and labelled as such in
 * every answer it makes up. With a {@link OfflineScript} it answers what the script says (text,
 * JSON or tool calls); otherwise it derives an answer from its input: a value matching the output
 * schema when one is asked for, else a labelled echo with a digest of the conversation. Its token
 * counts are estimates (4 characters a token) and it costs nothing.
 */
public final class OfflineModel implements ChatModel {
  /** The prefix of every answer the offline model makes up (scripted answers are as written). */
  public static final String LABEL = "[offline model]";

  private final OfflineScript script;

  /** An offline model answering from {@code script}, or from its input when null. */
  public OfflineModel(OfflineScript script) {
    this.script = script;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return answer(ModelRequest.of(null, request.messages()));
  }

  /** Answers one call. */
  public ChatResponse answer(ModelRequest request) {
    List<ChatMessage> messages = request.messages();
    String input = lastUserText(messages);
    ToolExecutionResultMessage lastTool =
        messages.isEmpty()
            ? null
            : messages.getLast() instanceof ToolExecutionResultMessage t ? t : null;
    int number = 1 + (int) messages.stream().filter(AiMessage.class::isInstance).count();
    OfflineScript.Reply reply =
        script == null
            ? null
            : script.match(
                new OfflineScript.Turn(
                    request.agent(), input, number, lastTool == null ? null : lastTool.toolName()));
    AiMessage message;
    if (reply != null && !reply.toolCalls().isEmpty()) {
      message = AiMessage.from(toolCalls(reply.toolCalls(), number));
    } else if (reply != null) {
      message = AiMessage.from(reply.render(input, lastTool == null ? null : lastTool.text()));
    } else {
      message = AiMessage.from(madeUp(request, input, lastTool));
    }
    return ChatResponse.builder()
        .aiMessage(message)
        .modelName("offline")
        .finishReason(
            message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .tokenUsage(new TokenUsage(estimate(messages), estimate(List.of(message))))
        .build();
  }

  private static List<ToolExecutionRequest> toolCalls(List<Map<String, Object>> calls, int number) {
    List<ToolExecutionRequest> out = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      Map<String, Object> call = calls.get(i);
      Object args = call.get("arguments");
      out.add(
          ToolExecutionRequest.builder()
              .id("offline-call-" + number + "-" + (i + 1))
              .name(String.valueOf(call.get("name")))
              .arguments(JsonCodec.write(args == null ? Map.of() : args))
              .build());
    }
    return out;
  }

  private static String madeUp(
      ModelRequest request, String input, ToolExecutionResultMessage lastTool) {
    if (request.outputSchema() != null) {
      return JsonCodec.write(SchemaExample.of(request.outputSchema(), JsonCodec.abbreviate(input)));
    }
    String who = request.agent() == null ? "" : " " + request.agent();
    String about = lastTool != null ? lastTool.text() : input;
    return LABEL
        + who
        + ": "
        + JsonCodec.abbreviate(about.strip())
        + " (digest "
        + digest(request.messages())
        + ")";
  }

  static String lastUserText(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user) {
        return user.contents().stream()
            .filter(TextContent.class::isInstance)
            .map(c -> ((TextContent) c).text())
            .collect(Collectors.joining("\n"));
      }
    }
    return "";
  }

  private static String digest(List<ChatMessage> messages) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (ChatMessage m : messages) {
        sha.update(textOf(m).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static int estimate(List<? extends ChatMessage> messages) {
    int chars = 0;
    for (ChatMessage m : messages) {
      chars += textOf(m).length();
    }
    return (chars + 3) / 4;
  }

  private static String textOf(ChatMessage m) {
    return switch (m) {
      case SystemMessage s -> s.text();
      case UserMessage u -> lastUserText(List.of(u));
      case AiMessage a ->
          (a.text() == null ? "" : a.text())
              + a.toolExecutionRequests().stream()
                  .map(r -> r.name() + r.arguments())
                  .collect(Collectors.joining());
      case ToolExecutionResultMessage t -> t.text();
      default -> m.toString();
    };
  }
}

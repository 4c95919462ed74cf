package io.baton.ai.model;

import io.baton.ai.internal.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The offline model's script: replies chosen by matching the conversation, first match wins.
 *
 * <pre>{@code
 * replies:
 *   - when: {agent: researcher, contains: weather}      # all conditions optional
 *     toolCalls: [{name: get_weather, arguments: {city: Paris}}]
 *   - when: {afterTool: get_weather}                     # the last message is that tool's result
 *     text: "Paris: {{toolResult}}"                       # {{input}}: the last user message
 *   - when: {agent: critic}
 *     json: {score: 4, verdict: accept}
 *   - when: {turn: 2}                                     # the conversation's 2nd model call
 *     text: done
 * }</pre>
 *
 * @param replies the rules, in order
 */
public record OfflineScript(List<Reply> replies) {

  public OfflineScript {
    replies = List.copyOf(replies);
  }

  /**
   * Reads a script file (YAML or JSON).
   *
   * @throws IllegalArgumentException naming the file and what is wrong in it
   */
  public static OfflineScript load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the offline model's script " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a script from text; {@code source} names it in errors. */
  @SuppressWarnings("unchecked")
  public static OfflineScript parse(String text, String source) {
    Object root;
    try {
      root = YAMLMapper.builder().build().readValue(text, Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map) || !(map.get("replies") instanceof List<?> list)) {
      throw new IllegalArgumentException(source + ": expected a top-level 'replies:' list");
    }
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException(source + ": replies[" + i + "] is not an object");
      }
      replies.add(Reply.of((Map<String, Object>) entry, source + ": replies[" + i + "]"));
    }
    return new OfflineScript(replies);
  }

  /** The first reply whose conditions hold for {@code turn}, or null. */
  public Reply match(Turn turn) {
    for (Reply reply : replies) {
      if (reply.matches(turn)) {
        return reply;
      }
    }
    return null;
  }

  /**
   * What a script rule can look at.
   *
   * @param agent the calling agent, or null
   * @param input the last user message's text
   * @param number the model call's number in the conversation, from 1
   * @param afterTool the tool whose result is the last message, or null
   */
  public record Turn(String agent, String input, int number, String afterTool) {}

  /**
   * A scripted reply.
   *
   * @param when its conditions ({@code agent}, {@code contains}, {@code turn}, {@code afterTool})
   * @param text a text answer, or null
   * @param json a structured answer, or null
   * @param toolCalls tool calls ({@code name}, {@code arguments}), or empty
   */
  public record Reply(
      Map<String, Object> when, String text, Object json, List<Map<String, Object>> toolCalls) {

    @SuppressWarnings("unchecked")
    static Reply of(Map<String, Object> entry, String where) {
      Map<String, Object> when =
          entry.get("when") instanceof Map<?, ?> w ? (Map<String, Object>) w : Map.of();
      for (String key : when.keySet()) {
        if (!List.of("agent", "contains", "turn", "afterTool").contains(key)) {
          throw new IllegalArgumentException(
              where + ": unknown condition '" + key + "'; use agent, contains, turn or afterTool");
        }
      }
      List<Map<String, Object>> calls =
          entry.get("toolCalls") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
      Object text = entry.get("text");
      if (text == null && !entry.containsKey("json") && calls.isEmpty()) {
        throw new IllegalArgumentException(where + ": needs text, json or toolCalls");
      }
      return new Reply(when, text == null ? null : text.toString(), entry.get("json"), calls);
    }

    boolean matches(Turn turn) {
      for (Map.Entry<String, Object> c : when.entrySet()) {
        String expected = String.valueOf(c.getValue());
        boolean holds =
            switch (c.getKey()) {
              case "agent" -> expected.equals(turn.agent());
              case "contains" ->
                  turn.input().toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT));
              case "turn" -> expected.equals(String.valueOf(turn.number()));
              default -> expected.equals(turn.afterTool());
            };
        if (!holds) {
          return false;
        }
      }
      return true;
    }

    /** The text answer, placeholders filled; the JSON answer as text when there is one. */
    String render(String input, String toolResult) {
      if (json != null) {
        return JsonCodec.write(json);
      }
      if (text == null) {
        return null;
      }
      return text.replace("{{input}}", input)
          .replace("{{toolResult}}", toolResult == null ? "" : toolResult);
    }
  }
}

package io.baton.ai.memory;

import static dev.langchain4j.data.message.ChatMessageDeserializer.messagesFromJson;
import static dev.langchain4j.data.message.ChatMessageSerializer.messagesToJson;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.baton.ai.agent.MemoryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An agent's memory in a run, kept in the {@link ConversationStore} and trimmed by its {@link
 * MemoryPolicy}. Trimming never starts the kept part with a tool result whose call was dropped
 * (providers reject that), and with {@code summarize} the dropped part becomes one summary message
 * written by the agent's model.
 */
public final class AgentMemory {
  private final ConversationStore store;

  /** Memory kept in {@code store}. */
  public AgentMemory(ConversationStore store) {
    this.store = store;
  }

  /** What {@code agent} remembers in {@code runId} (system messages excluded). */
  public List<ChatMessage> load(String runId, String agent, MemoryPolicy policy) {
    if (policy.kind() == MemoryPolicy.Kind.NONE) {
      return List.of();
    }
    String json = store.loadConversation(runId, agent);
    return json == null ? List.of() : new ArrayList<>(messagesFromJson(json));
  }

  /**
   * Keeps {@code conversation} (system messages dropped) as trimmed by {@code policy}.
   *
   * @param summarizer writes a summary of dropped messages (called only with {@code summarize})
   */
  public void save(
      String runId,
      String agent,
      MemoryPolicy policy,
      List<ChatMessage> conversation,
      Function<List<ChatMessage>, String> summarizer) {
    if (policy.kind() == MemoryPolicy.Kind.NONE) {
      return;
    }
    List<ChatMessage> all =
        conversation.stream().filter(m -> !(m instanceof SystemMessage)).toList();
    int keepFrom = keepFrom(all, policy);
    List<ChatMessage> kept = new ArrayList<>();
    if (keepFrom > 0 && policy.summarize()) {
      kept.add(
          UserMessage.from(
              "Summary of the earlier conversation: "
                  + summarizer.apply(all.subList(0, keepFrom))));
    }
    kept.addAll(all.subList(keepFrom, all.size()));
    store.saveConversation(runId, agent, messagesToJson(kept));
  }

  /** The index of the first message kept. */
  static int keepFrom(List<ChatMessage> all, MemoryPolicy policy) {
    int from =
        switch (policy.kind()) {
          case WINDOW -> Math.max(0, all.size() - policy.window());
          case TOKENS -> {
            int tokens = 0;
            int i = all.size();
            while (i > 0 && tokens + estimate(all.get(i - 1)) <= policy.maxTokens()) {
              tokens += estimate(all.get(--i));
            }
            yield i;
          }
          case NONE -> all.size();
        };
    while (from < all.size() && all.get(from) instanceof ToolExecutionResultMessage) {
      from++;
    }
    return from;
  }

  /** About 4 characters a token: the estimate the token policy counts with. */
  static int estimate(ChatMessage m) {
    String text =
        switch (m) {
          case UserMessage u -> u.hasSingleText() ? u.singleText() : u.contents().toString();
          case AiMessage a -> String.valueOf(a.text()) + a.toolExecutionRequests();
          case ToolExecutionResultMessage t -> t.text();
          default -> m.toString();
        };
    return (text.length() + 3) / 4;
  }
}

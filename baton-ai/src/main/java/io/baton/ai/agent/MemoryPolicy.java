package io.baton.ai.agent;

/**
 * What an agent remembers of its earlier turns in the same run: nothing, the last {@code window}
 * messages, or as many recent messages as fit in {@code maxTokens}; with {@code summarize}, what
 * falls out is replaced by a summary the agent's model writes.
 *
 * @param kind the policy
 * @param window the number of messages kept ({@link Kind#WINDOW})
 * @param maxTokens the estimated tokens kept ({@link Kind#TOKENS})
 * @param summarize whether dropped messages are summarised
 */
public record MemoryPolicy(Kind kind, int window, int maxTokens, boolean summarize) {
  /** Remembers nothing between steps. */
  public static final MemoryPolicy NONE = new MemoryPolicy(Kind.NONE, 0, 0, false);

  /** The policies. */
  public enum Kind {
    NONE,
    WINDOW,
    TOKENS
  }

  public MemoryPolicy {
    if (kind == Kind.WINDOW && window < 1) {
      throw new IllegalArgumentException("memory: a window must keep at least 1 message");
    }
    if (kind == Kind.TOKENS && maxTokens < 1) {
      throw new IllegalArgumentException("memory: maxTokens must be at least 1");
    }
  }

  /** The last {@code messages} messages. */
  public static MemoryPolicy window(int messages) {
    return new MemoryPolicy(Kind.WINDOW, messages, 0, false);
  }

  /** Recent messages up to about {@code tokens} tokens. */
  public static MemoryPolicy tokens(int tokens) {
    return new MemoryPolicy(Kind.TOKENS, 0, tokens, false);
  }

  /** The same policy, summarising what it drops. */
  public MemoryPolicy summarizing() {
    return new MemoryPolicy(kind, window, maxTokens, true);
  }
}

package io.baton.ai.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire protocols Baton speaks to model providers, each through its LangChain4j module. */
public enum ProviderKind {
  /** OpenAI's API. */
  OPENAI("openai"),
  /** Any server speaking OpenAI's chat completions API at its own base URL (vLLM, DeepSeek, …). */
  OPENAI_COMPATIBLE("openai-compatible"),
  /** Azure OpenAI deployments (OpenAI's wire format, an {@code api-key} header, an API version). */
  AZURE_OPENAI("azure-openai"),
  /** Anthropic's Messages API. */
  ANTHROPIC("anthropic"),
  /** Google's Gemini API. */
  GEMINI("gemini"),
  /** Ollama's native API. */
  OLLAMA("ollama"),
  /** Baton's built-in deterministic offline model: not a language model. */
  OFFLINE("offline");

  private final String wireName;

  ProviderKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name written in configuration files. */
  public String wireName() {
    return wireName;
  }

  /**
   * The kind written {@code text} ({@code openai}, {@code openai-compatible}, …).
   *
   * @throws IllegalArgumentException naming the kinds there are
   */
  public static ProviderKind parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ProviderKind kind : values()) {
      if (kind.wireName.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown provider kind '"
            + text
            + "'; the kinds are: "
            + Arrays.stream(values())
                .map(ProviderKind::wireName)
                .collect(Collectors.joining(", ")));
  }
}

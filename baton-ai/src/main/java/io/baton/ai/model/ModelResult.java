package io.baton.ai.model;

import dev.langchain4j.data.message.AiMessage;
import io.baton.ai.usage.Usage;
import java.util.List;

/**
 * A model's answer and how it was obtained.
 *
 * @param message the answer: text, tool calls, or both
 * @param provider the provider that answered
 * @param model the model that answered
 * @param usage its tokens and cost
 * @param offline whether the answer came from the offline model (not a language model)
 * @param failures what failed before it (earlier attempts, earlier models of the fallback chain)
 */
public record ModelResult(
    AiMessage message,
    String provider,
    String model,
    Usage usage,
    boolean offline,
    List<String> failures) {
  public ModelResult {
    failures = List.copyOf(failures);
  }

  /** The answer's text, or "" when it has none. */
  public String text() {
    return message.text() == null ? "" : message.text();
  }
}

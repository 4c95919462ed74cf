package io.baton.ai.agent;

import io.baton.ai.model.ModelRef;
import java.util.List;

/**
 * Which models an agent calls and how.
 *
 * <pre>{@code
 * model: {use: openai/gpt-4o, fallbacks: [anthropic/claude-sonnet-4, offline], temperature: 0.2}
 * }</pre>
 *
 * @param primary the model, or null for the configuration's default
 * @param fallbacks tried in order when the primary fails (seed 002 degradation level 1)
 * @param temperature sampling temperature, or null
 * @param maxTokens the most output tokens, or null
 */
public record ModelSpec(
    ModelRef primary, List<ModelRef> fallbacks, Double temperature, Integer maxTokens) {
  /** The configuration's default model, no fallbacks. */
  public static final ModelSpec DEFAULT = new ModelSpec(null, List.of(), null, null);

  public ModelSpec {
    fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
  }

  /** {@code model} with {@code fallbacks}, provider defaults otherwise. */
  public static ModelSpec of(String model, String... fallbacks) {
    return new ModelSpec(
        model == null ? null : ModelRef.parse(model),
        java.util.Arrays.stream(fallbacks).map(ModelRef::parse).toList(),
        null,
        null);
  }
}

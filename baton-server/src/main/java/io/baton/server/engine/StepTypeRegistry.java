package io.baton.server.engine;

import io.baton.ai.AiStepTypes;
import io.baton.api.spi.StepExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step types registered on top of the language's built-in ones, with the JSON Schema of each
 * type's fields, as the engine was given them: the AI's ({@code llm}, {@code agent}, the agent and
 * team types) and the application's.
 */
public final class StepTypeRegistry {
  private final Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();

  StepTypeRegistry(List<StepExecutor<?>> executors) {
    AiStepTypes.schemas().forEach(schemas::put);
    for (StepExecutor<?> executor : executors) {
      schemas.put(executor.type(), executor.configSchema());
    }
  }

  /** The added step types by name, each with its config schema (empty: any fields). */
  public Map<String, Map<String, Object>> customTypes() {
    return Map.copyOf(schemas);
  }
}

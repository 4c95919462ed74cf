package io.baton.ai;

import io.baton.ai.agent.AgentType;
import io.baton.ai.step.CodeStepExecutor;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.team.TeamSteps;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.expression.Expressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The step types {@link BatonAi} adds and the JSON Schemas of their fields, and the expression
 * dialects it adds, for tools that check workflows without an engine (the CLI's {@code validate},
 * editors).
 */
public final class AiStepTypes {
  private AiStepTypes() {}

  /** Each AI step type and the schema of its fields. */
  public static Map<String, Map<String, Object>> schemas() {
    Map<String, Map<String, Object>> types = new LinkedHashMap<>();
    types.put("llm", ConfigSchemas.agentStep());
    types.put("agent", ConfigSchemas.agentStep());
    for (String type :
        List.of(
            AgentType.CHAT, AgentType.REACT, AgentType.PLAN, AgentType.RAG, AgentType.MULTIMODAL)) {
      types.put(type, ConfigSchemas.agentStep());
    }
    types.put(AgentType.CODE, new CodeStepExecutor(null, null).configSchema());
    for (StepExecutor<?> team : TeamSteps.all(null, null, null, () -> null)) {
      types.put(team.type(), team.configSchema());
    }
    return types;
  }

  /**
   * The expression dialects found on the class path ({@link ServiceLoader}), which replace the
   * engine's of the same name: baton-sandbox's {@code javascript} on GraalJS.
   */
  public static List<ExpressionDialect> dialects() {
    return ServiceLoader.load(ExpressionDialect.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  /** The engine's dialects with those of {@link #dialects()} in their place. */
  public static Expressions expressions() {
    Expressions out = Expressions.defaults();
    for (ExpressionDialect dialect : dialects()) {
      out = out.with(dialect);
    }
    return out;
  }
}

package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentTask;
import io.baton.api.spi.StepContext;

/**
 * How agents of one type do a step: the SPI through which agent types are added. The built-in types
 * are {@code chat}, {@code react}, {@code tool}, {@code multimodal} (the agent loop), {@code plan},
 * {@code rag} and {@code code}.
 *
 * <pre>{@code
 * ai.agentType("echo", (agent, task, ctx) -> Map.of("text", task.prompt()));
 * }</pre>
 */
@FunctionalInterface
public interface AgentBehaviour {
  /** Does {@code task} as {@code agent} and returns the step's output (JSON-like). */
  Object perform(AgentDefinition agent, AgentTask task, StepContext context) throws Exception;
}

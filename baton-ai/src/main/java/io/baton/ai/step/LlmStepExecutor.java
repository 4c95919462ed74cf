package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentType;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import java.util.Map;

/**
 * One prompt to a model: {@code type: llm}. No tools and no memory; an {@code outputSchema} is
 * checked, with repair requests, as for agents.
 *
 * <pre>{@code
 * - id: summary
 *   type: llm
 *   model: openai/gpt-4o-mini
 *   system: Answer in one sentence.
 *   input: {prompt: "Summarise: ${steps.fetch.output}"}
 * }</pre>
 */
public final class LlmStepExecutor implements StepExecutor<CustomStep> {
  private final AgentResolver resolver;
  private final AgentRunner runner;

  /**
   * @param resolver reads the step's fields
   * @param runner runs the call
   */
  public LlmStepExecutor(AgentResolver resolver, AgentRunner runner) {
    this.resolver = resolver;
    this.runner = runner;
  }

  @Override
  public String type() {
    return "llm";
  }

  @Override
  public Class<CustomStep> definitionType() {
    return CustomStep.class;
  }

  @Override
  public Object execute(CustomStep step, StepContext context) {
    AgentDefinition single = resolver.agentOf(step, AgentType.CHAT);
    AgentDefinition call =
        AgentDefinition.builder(single.name())
            .type(AgentType.CHAT)
            .role(single.role())
            .systemPrompt(single.systemPrompt())
            .model(single.model())
            .outputSchema(single.outputSchema())
            .maxIterations(1)
            .build();
    return runner.run(call, AgentResolver.taskOf(step, context), context).toOutput();
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.agentStep();
  }
}

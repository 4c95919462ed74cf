package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentTask;
import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one agent as a step. {@code type: agent} runs the agent as its own type says; {@code type:
 * chat}, {@code react}, {@code plan}, {@code rag}, {@code code}, {@code multimodal} run it (or an
 * agent defined by the step's fields) as that type.
 *
 * <pre>{@code
 * - id: research
 *   type: react
 *   agent: researcher
 *   input: {prompt: "Find three vector databases for ${inputs.goal}"}
 * }</pre>
 */
public final class AgentStepExecutor implements StepExecutor<CustomStep> {
  private final String type;
  private final AgentResolver resolver;
  private final Function<String, AgentBehaviour> behaviours;

  /**
   * @param type the step type
   * @param resolver finds the agent
   * @param behaviours the behaviour of each agent type
   */
  public AgentStepExecutor(
      String type, AgentResolver resolver, Function<String, AgentBehaviour> behaviours) {
    this.type = type;
    this.resolver = resolver;
    this.behaviours = behaviours;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Class<CustomStep> definitionType() {
    return CustomStep.class;
  }

  @Override
  public Object execute(CustomStep step, StepContext context) throws Exception {
    AgentDefinition agent = resolver.agentOf(step, type.equals("agent") ? null : type);
    AgentBehaviour behaviour = behaviours.apply(agent.type());
    if (behaviour == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "step '"
              + step.id()
              + "': agent '"
              + agent.name()
              + "' has type '"
              + agent.type()
              + "', which no behaviour is registered for; register one with BatonAi.agentType");
    }
    AgentTask task = AgentResolver.taskOf(step, context);
    return behaviour.perform(agent, task, context);
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.agentStep();
  }
}

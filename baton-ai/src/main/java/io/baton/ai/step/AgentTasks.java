package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.internal.JsonCodec;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.TaskHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs {@code task} steps — the iflow format's task types ({@code analysis}, {@code design}, {@code
 * development}, …) — on the agent registered for the task's capability: the first available one by
 * name ({@link AgentRegistry#discover}), as its own type. Without one, the task goes to {@code
 * fallback} (the CLI's offline stand-ins, the module hub's {@code core.execute-task}), or fails
 * with {@code not_found} when there is none.
 *
 * <p>The agent's request is the task's {@code prompt} input when it has one, else the task's id,
 * capability and input.
 */
public final class AgentTasks implements TaskHandler {
  private final AgentRegistry registry;
  private final Function<String, AgentBehaviour> behaviours;
  private final TaskHandler fallback;

  /**
   * @param registry where agents are found by capability
   * @param behaviours how each agent type does a step
   * @param fallback what handles tasks no agent can do; null: they fail
   */
  public AgentTasks(
      AgentRegistry registry, Function<String, AgentBehaviour> behaviours, TaskHandler fallback) {
    this.registry = registry;
    this.behaviours = behaviours;
    this.fallback = fallback;
  }

  @Override
  public Object handle(String capability, Map<String, Object> input, StepContext context)
      throws Exception {
    List<AgentDefinition> able = registry.discover(capability);
    if (able.isEmpty()) {
      if (fallback != null) {
        return fallback.handle(capability, input, context);
      }
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "task '"
              + context.stepId()
              + "': no available agent has the capability '"
              + capability
              + "'; registered agents: "
              + registry.names());
    }
    AgentDefinition agent = able.getFirst();
    AgentBehaviour behaviour = behaviours.apply(agent.type());
    if (behaviour == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "agent '"
              + agent.name()
              + "' has the type '"
              + agent.type()
              + "', which is not installed");
    }
    Object output =
        behaviour.perform(agent, AgentTask.of(request(capability, input, context)), context);
    Map<String, Object> out = new LinkedHashMap<>();
    if (output instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    } else {
      out.put("result", output);
    }
    out.put("agent", agent.name());
    out.put("capability", capability);
    return out;
  }

  private static String request(String capability, Map<String, Object> input, StepContext context) {
    if (input.get("prompt") instanceof String prompt) {
      return prompt;
    }
    return "Carry out the "
        + capability
        + " task '"
        + context.stepId()
        + "'"
        + (input.isEmpty() ? "." : " with this input: " + JsonCodec.write(input));
  }
}

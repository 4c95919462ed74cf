package io.baton.ai;

import io.baton.ai.agent.AgentType;
import io.baton.ai.step.CodeAgent;
import io.baton.ai.step.PlanAgent;
import io.baton.ai.step.RagAgent;
import io.baton.ai.step.ScriptRunner;
import java.util.Optional;
import java.util.ServiceLoader;

/** Wires the agent types that build on the agent loop: {@code plan}, {@code rag}, {@code code}. */
final class AiBehaviours {
  private AiBehaviours() {}

  static void install(BatonAi ai) {
    ai.agentType(AgentType.PLAN, new PlanAgent(ai.runner(), ai.agents(), ai::attachedBaton));
    ai.agentType(AgentType.RAG, new RagAgent(ai.runner(), ai.environment().workDirectory()));
    ai.agentType(AgentType.CODE, new CodeAgent(ai.runner(), ai::scriptRunner));
  }

  /** The provider of the sandbox on the class path (baton-sandbox), not yet instantiated. */
  static Optional<ServiceLoader.Provider<ScriptRunner>> sandboxProvider() {
    return ServiceLoader.load(ScriptRunner.class).stream().findFirst();
  }
}

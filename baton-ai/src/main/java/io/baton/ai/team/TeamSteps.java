package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.AgentResolver;
import io.baton.api.spi.StepExecutor;
import java.util.List;

/**
 * The multi-agent step types: {@code supervisor}, {@code handoff}, {@code debate}, {@code vote},
 * {@code swarm}, {@code group-chat}.
 */
public final class TeamSteps {
  private TeamSteps() {}

  /** Every team step type. */
  public static List<StepExecutor<?>> all(
      AgentResolver resolver, AgentRunner runner, AgentRegistry registry) {
    return List.of(
        new SupervisorStep(registry, runner),
        new HandoffStep(registry, runner),
        new DebateStep(registry, runner),
        new VoteStep(registry, runner),
        new SwarmStep(registry, runner),
        new GroupChatStep(registry, runner));
  }
}

package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.AgentResolver;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.Baton;
import java.util.List;
import java.util.function.Supplier;

/**
 * The multi-agent step types: {@code supervisor}, {@code handoff}, {@code debate}, {@code vote},
 * {@code swarm}, {@code group-chat} — and {@code supervisor-turn}, {@code handoff-turn} and {@code
 * group-chat-turn}, the steps the child runs of the first and the last two take each turn in.
 */
public final class TeamSteps {
  private TeamSteps() {}

  /**
   * Every team step type.
   *
   * @param baton the engine that runs the turns of supervisors, handoffs and group chats as child
   *     runs
   */
  public static List<StepExecutor<?>> all(
      AgentResolver resolver, AgentRunner runner, AgentRegistry registry, Supplier<Baton> baton) {
    return List.of(
        new SupervisorStep(registry, runner, baton),
        new SupervisorTurnStep(registry, runner),
        new HandoffStep(registry, runner, baton),
        new HandoffTurnStep(registry, runner),
        new DebateStep(registry, runner),
        new VoteStep(registry, runner),
        new SwarmStep(registry, runner),
        new GroupChatStep(registry, runner, baton),
        new GroupChatTurnStep(registry, runner));
  }
}

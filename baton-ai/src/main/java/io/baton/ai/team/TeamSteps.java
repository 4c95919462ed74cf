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
 * {@code swarm}, {@code group-chat} — and the {@code <type>-turn} step of each, which its child run
 * takes each turn in ({@link TurnSteps}).
 */
public final class TeamSteps {
  private TeamSteps() {}

  /**
   * Every team step type.
   *
   * @param baton the engine that runs the turns of team steps as child runs
   */
  public static List<StepExecutor<?>> all(
      AgentResolver resolver, AgentRunner runner, AgentRegistry registry, Supplier<Baton> baton) {
    return List.of(
        new SupervisorStep(registry, runner, baton),
        new SupervisorTurnStep(registry, runner),
        new HandoffStep(registry, runner, baton),
        new HandoffTurnStep(registry, runner),
        new DebateStep(registry, runner, baton),
        new DebateTurnStep(registry, runner),
        new VoteStep(registry, runner, baton),
        new VoteTurnStep(registry, runner),
        new SwarmStep(registry, runner, baton),
        new SwarmTurnStep(registry, runner),
        new GroupChatStep(registry, runner, baton),
        new GroupChatTurnStep(registry, runner));
  }
}

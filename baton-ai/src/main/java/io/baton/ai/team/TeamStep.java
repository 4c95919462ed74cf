package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;

/** What the multi-agent step types share: their agents, and a {@link Team} built per step. */
abstract class TeamStep implements StepExecutor<CustomStep> {
  protected final AgentRegistry registry;
  protected final AgentRunner runner;
  private final String type;

  TeamStep(String type, AgentRegistry registry, AgentRunner runner) {
    this.type = type;
    this.registry = registry;
    this.runner = runner;
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final Class<CustomStep> definitionType() {
    return CustomStep.class;
  }

  @Override
  public final Object execute(CustomStep step, StepContext context) throws Exception {
    return run(Team.of(step, registry, runner), step, agentsContext(context));
  }

  /** The context the step's agents work in: the step's own, except in a team's turn. */
  StepContext agentsContext(StepContext context) {
    return context;
  }

  /** Runs the step with its team. */
  abstract Object run(Team team, CustomStep step, StepContext context) throws Exception;
}

package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.api.spi.StepContext;

/**
 * A turn of a team step: a step of the team step's child run ({@link TurnSteps}), whose agents
 * share the blackboard of the run that owns the team step, not the child run's.
 */
abstract class TurnStep extends TeamStep {
  TurnStep(String type, AgentRegistry registry, AgentRunner runner) {
    super(type, registry, runner);
  }

  @Override
  final StepContext agentsContext(StepContext context) {
    return TurnSteps.context(context);
  }
}

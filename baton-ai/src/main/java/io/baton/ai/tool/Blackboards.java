package io.baton.ai.tool;

import io.baton.api.spi.StepContext;

/**
 * Which run's blackboard the agents of a step read and write ({@code blackboard_read}, {@code
 * blackboard_write}): the blackboard is shared per run, so it is their step's run's — except in the
 * turns of a team step ({@code group-chat}, {@code debate}, {@code vote}, {@code swarm}, …), which
 * run as steps of the team step's child run but work for the run that owns the team step, and share
 * its blackboard: what a member writes, the agents of the steps after the team step read. The
 * agents' messages ({@code send_message}, {@code broadcast_message}, …) go within the same run.
 */
public final class Blackboards {
  private Blackboards() {}

  /** The run whose blackboard the agents working in {@code context} share. */
  public static String runOf(StepContext context) {
    return context instanceof ForwardingStepContext forwarding
        ? forwarding.blackboardRunId()
        : context.runId();
  }

  /**
   * {@code context}, with its agents (and the tools they call) sharing the blackboard of run {@code
   * runId} instead of their own run's; everything else is {@code context}'s.
   */
  public static StepContext sharing(StepContext context, String runId) {
    return new Sharing(context, runId);
  }

  private static final class Sharing extends ForwardingStepContext {
    private final String blackboardRunId;

    Sharing(StepContext step, String blackboardRunId) {
      super(step);
      this.blackboardRunId = blackboardRunId;
    }

    @Override
    String blackboardRunId() {
      return blackboardRunId;
    }
  }
}

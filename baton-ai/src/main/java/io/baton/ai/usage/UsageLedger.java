package io.baton.ai.usage;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token usage and cost, summed per run, per step and per agent of a run, and per agent overall.
 * Parallel steps add to the same sums: each sum is updated atomically ({@link
 * ConcurrentHashMap#merge}). Budgets are checked before each call.
 */
public final class UsageLedger {
  private final Map<String, Usage> sums = new ConcurrentHashMap<>();
  private final java.util.Set<String> counted = ConcurrentHashMap.newKeySet();
  private final Budget runBudget;
  private final Budget agentBudget;

  /**
   * @param runBudget the limit of each run
   * @param agentBudget the limit of each agent within a run
   */
  public UsageLedger(Budget runBudget, Budget agentBudget) {
    this.runBudget = runBudget;
    this.agentBudget = agentBudget;
  }

  /**
   * Adds the usage of the call {@code callId}, just made, to its run, step and agent, and remembers
   * the call so that {@link #recordReplayed} does not count it again.
   */
  public void recordCall(String callId, String runId, String stepPath, String agent, Usage usage) {
    counted.add(callId);
    record(runId, stepPath, agent, usage);
  }

  /**
   * Adds the usage of the call {@code callId}, replayed from the journal, unless this ledger
   * counted it already (when it was made by this process): after a restart, the run's sums are
   * whole again.
   */
  public void recordReplayed(
      String callId, String runId, String stepPath, String agent, Usage usage) {
    if (counted.add(callId)) {
      record(runId, stepPath, agent, usage);
    }
  }

  /** Adds one call's usage to its run, step and agent. */
  public void record(String runId, String stepPath, String agent, Usage usage) {
    sums.merge("run:" + runId, usage, Usage::plus);
    sums.merge("step:" + runId + "/" + stepPath, usage, Usage::plus);
    if (agent != null) {
      sums.merge("agent:" + runId + "/" + agent, usage, Usage::plus);
      sums.merge("agent:" + agent, usage, Usage::plus);
    }
  }

  /**
   * Refuses a call that would go over a budget.
   *
   * @throws StepException of kind PERMISSION_DENIED (not retryable: retrying cannot help) naming
   *     the budget and how to raise it
   */
  public void checkBudget(String runId, String agent) {
    String over = runBudget.exceededBy(run(runId));
    if (over != null) {
      throw new StepException(
          ErrorKind.PERMISSION_DENIED,
          "budget exceeded: run "
              + runId
              + " has "
              + over
              + "; raise budgets.run in the AI configuration to let it go on");
    }
    if (agent != null) {
      String agentOver = agentBudget.exceededBy(agentInRun(runId, agent));
      if (agentOver != null) {
        throw new StepException(
            ErrorKind.PERMISSION_DENIED,
            "budget exceeded: agent '"
                + agent
                + "' in run "
                + runId
                + " has "
                + agentOver
                + "; raise budgets.agent in the AI configuration");
      }
    }
  }

  /** What a run has used. */
  public Usage run(String runId) {
    return sums.getOrDefault("run:" + runId, Usage.NONE);
  }

  /** What one step of a run has used (all its attempts). */
  public Usage step(String runId, String stepPath) {
    return sums.getOrDefault("step:" + runId + "/" + stepPath, Usage.NONE);
  }

  /** What an agent has used in a run. */
  public Usage agentInRun(String runId, String agent) {
    return sums.getOrDefault("agent:" + runId + "/" + agent, Usage.NONE);
  }

  /** What an agent has used in every run. */
  public Usage agent(String agent) {
    return sums.getOrDefault("agent:" + agent, Usage.NONE);
  }
}

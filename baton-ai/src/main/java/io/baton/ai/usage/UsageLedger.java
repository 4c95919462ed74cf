package io.baton.ai.usage;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token usage and cost, summed per run, per step and per agent of a run, and per agent overall.
 * Parallel steps add to the same sums: each sum is updated atomically, by compare-and-set rather
 * than under a lock, since every call of a run adds to its run's and its agent's sums (1,000
 * concurrent calls queued on those locks, W7). Budgets are checked before each call.
 *
 * <p>A long-lived process must not keep every run it ever ran: when a run ends, the ids of its
 * calls are let go (only an unfinished run replays calls), and the sums of the most recently ended
 * runs are kept — {@link #DEFAULT_ENDED_RUNS_KEPT} of them by default — so that they can still be
 * read after the end; older ones are dropped. The journal keeps every step's usage for good.
 */
public final class UsageLedger {
  /** How many ended runs keep their sums in memory by default. */
  public static final int DEFAULT_ENDED_RUNS_KEPT = 10_000;

  private final Map<String, RunSums> runs = new ConcurrentHashMap<>();
  private final Map<String, AtomicReference<Usage>> agents = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> callsByRun = new ConcurrentHashMap<>();
  private final ArrayDeque<String> endedRuns = new ArrayDeque<>();
  private final int endedRunsKept;
  private final Budget runBudget;
  private final Budget agentBudget;

  /**
   * @param runBudget the limit of each run
   * @param agentBudget the limit of each agent within a run
   */
  public UsageLedger(Budget runBudget, Budget agentBudget) {
    this(runBudget, agentBudget, DEFAULT_ENDED_RUNS_KEPT);
  }

  /**
   * @param runBudget the limit of each run
   * @param agentBudget the limit of each agent within a run
   * @param endedRunsKept how many ended runs keep their sums in memory, newest first
   */
  public UsageLedger(Budget runBudget, Budget agentBudget, int endedRunsKept) {
    if (endedRunsKept < 0) {
      throw new IllegalArgumentException("endedRunsKept must not be negative: " + endedRunsKept);
    }
    this.runBudget = runBudget;
    this.agentBudget = agentBudget;
    this.endedRunsKept = endedRunsKept;
  }

  /**
   * Adds the usage of the call {@code callId}, just made, to its run, step and agent, and remembers
   * the call so that {@link #recordReplayed} does not count it again.
   */
  public void recordCall(String callId, String runId, String stepPath, String agent, Usage usage) {
    callsOf(runId).add(callId);
    record(runId, stepPath, agent, usage);
  }

  /**
   * Adds the usage of the call {@code callId}, replayed from the journal, unless this ledger
   * counted it already (when it was made by this process): after a restart, the run's sums are
   * whole again.
   */
  public void recordReplayed(
      String callId, String runId, String stepPath, String agent, Usage usage) {
    if (callsOf(runId).add(callId)) {
      record(runId, stepPath, agent, usage);
    }
  }

  private Set<String> callsOf(String runId) {
    Set<String> calls = callsByRun.get(runId);
    return calls != null
        ? calls
        : callsByRun.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet());
  }

  /**
   * The run ended: its calls' ids are let go, and its sums are kept until {@code endedRunsKept}
   * runs ended after it.
   */
  public void runEnded(String runId) {
    callsByRun.remove(runId);
    List<String> dropped = new ArrayList<>();
    synchronized (endedRuns) {
      endedRuns.addLast(runId);
      while (endedRuns.size() > endedRunsKept) {
        dropped.add(endedRuns.removeFirst());
      }
    }
    dropped.forEach(runs::remove);
  }

  /** Adds one call's usage to its run, step and agent. */
  public void record(String runId, String stepPath, String agent, Usage usage) {
    RunSums run = runs.get(runId);
    if (run == null) {
      run = runs.computeIfAbsent(runId, id -> new RunSums());
    }
    run.total.accumulateAndGet(usage, Usage::plus);
    sumOf(run.steps, stepPath).accumulateAndGet(usage, Usage::plus);
    if (agent != null) {
      sumOf(run.agents, agent).accumulateAndGet(usage, Usage::plus);
      sumOf(agents, agent).accumulateAndGet(usage, Usage::plus);
    }
  }

  /** The sum under {@code key}, made empty if there is none; read first, without a lock. */
  private static AtomicReference<Usage> sumOf(
      Map<String, AtomicReference<Usage>> sums, String key) {
    AtomicReference<Usage> sum = sums.get(key);
    return sum != null ? sum : sums.computeIfAbsent(key, k -> new AtomicReference<>(Usage.NONE));
  }

  private static Usage valueOf(Map<String, AtomicReference<Usage>> sums, String key) {
    AtomicReference<Usage> sum = sums.get(key);
    return sum == null ? Usage.NONE : sum.get();
  }

  /** The sums of one run: the whole run's, each step's (by path) and each agent's (by name). */
  private static final class RunSums {
    final AtomicReference<Usage> total = new AtomicReference<>(Usage.NONE);
    final Map<String, AtomicReference<Usage>> steps = new ConcurrentHashMap<>();
    final Map<String, AtomicReference<Usage>> agents = new ConcurrentHashMap<>();
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
    RunSums run = runs.get(runId);
    return run == null ? Usage.NONE : run.total.get();
  }

  /** What one step of a run has used (all its attempts). */
  public Usage step(String runId, String stepPath) {
    RunSums run = runs.get(runId);
    return run == null ? Usage.NONE : valueOf(run.steps, stepPath);
  }

  /** What an agent has used in a run. */
  public Usage agentInRun(String runId, String agent) {
    RunSums run = runs.get(runId);
    return run == null ? Usage.NONE : valueOf(run.agents, agent);
  }

  /** What an agent has used in every run. */
  public Usage agent(String agent) {
    return valueOf(agents, agent);
  }
}

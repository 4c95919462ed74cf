package io.baton.engine.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's configuration. Accepts the keys of the iflow orchestration configuration of seed 004
 * ({@code orchestration.max_concurrent_tasks}, {@code scheduling.strategy}, …) through {@link
 * EngineConfigLoader}.
 *
 * @param maxConcurrentTasks the most steps running at once on this engine ({@code
 *     max_concurrent_tasks})
 * @param taskTimeout the timeout of a step that declares none, or null for none ({@code
 *     task_timeout}, seconds)
 * @param retryAttempts retries of a step that declares no retry policy ({@code retry_attempts})
 * @param strategy how ready steps are ordered ({@code scheduling.strategy})
 * @param agingInterval how long a ready step waits before its effective priority rises one level
 * @param maxConcurrentPerWorkflow the most running steps of one workflow (0 = no limit)
 * @param maxConcurrentPerRun the most running steps of one run (0 = no limit)
 * @param maxConcurrentPerStepType the most running steps of a type, by type (e.g. {@code agent: 4})
 * @param options every other key as read, for components that use them ({@code load_threshold},
 *     {@code sync_mode}, …)
 * @param resourcePools the capacity of each named resource pool that steps' {@code resources} take
 *     slots from ({@code resources.pools})
 * @param conflictResolution which queued step gets a contended pool or lock first ({@code
 *     coordination.conflict_resolution})
 */
public record EngineConfig(
    int maxConcurrentTasks,
    Duration taskTimeout,
    int retryAttempts,
    SchedulingStrategy strategy,
    Duration agingInterval,
    int maxConcurrentPerWorkflow,
    int maxConcurrentPerRun,
    Map<String, Integer> maxConcurrentPerStepType,
    Map<String, Object> options,
    Map<String, Integer> resourcePools,
    ConflictResolution conflictResolution) {

  /**
   * The defaults: 256 concurrent steps, no default timeout or retries, priority-based, aging every
   * 30 s.
   */
  public static final EngineConfig DEFAULTS =
      new EngineConfig(
          256,
          null,
          0,
          SchedulingStrategy.PRIORITY_BASED,
          Duration.ofSeconds(30),
          0,
          0,
          Map.of(),
          Map.of(),
          Map.of(),
          ConflictResolution.PRIORITY);

  public EngineConfig {
    if (maxConcurrentTasks <= 0) {
      throw new IllegalArgumentException(
          "max_concurrent_tasks must be positive, was " + maxConcurrentTasks);
    }
    if (retryAttempts < 0) {
      throw new IllegalArgumentException("retry_attempts must be >= 0, was " + retryAttempts);
    }
    strategy = Objects.requireNonNullElse(strategy, SchedulingStrategy.PRIORITY_BASED);
    agingInterval = Objects.requireNonNullElse(agingInterval, Duration.ofSeconds(30));
    maxConcurrentPerStepType =
        maxConcurrentPerStepType == null ? Map.of() : Map.copyOf(maxConcurrentPerStepType);
    options = options == null ? Map.of() : Map.copyOf(options);
    resourcePools = resourcePools == null ? Map.of() : Map.copyOf(resourcePools);
    resourcePools.forEach(
        (pool, capacity) -> {
          if (capacity <= 0) {
            throw new IllegalArgumentException(
                "resource pool '" + pool + "' must have a positive capacity, was " + capacity);
          }
        });
    conflictResolution =
        Objects.requireNonNullElse(conflictResolution, ConflictResolution.PRIORITY);
  }

  /** A copy with these resource pools and conflict rule. */
  public EngineConfig withResources(Map<String, Integer> pools, ConflictResolution conflicts) {
    return copy(maxConcurrentTasks, strategy, pools, conflicts);
  }

  /** A copy with another global limit. */
  public EngineConfig withMaxConcurrentTasks(int max) {
    return copy(max, strategy, resourcePools, conflictResolution);
  }

  /** A copy with another strategy. */
  public EngineConfig withStrategy(SchedulingStrategy newStrategy) {
    return copy(maxConcurrentTasks, newStrategy, resourcePools, conflictResolution);
  }

  private EngineConfig copy(
      int max,
      SchedulingStrategy newStrategy,
      Map<String, Integer> pools,
      ConflictResolution conflicts) {
    return new EngineConfig(
        max,
        taskTimeout,
        retryAttempts,
        newStrategy,
        agingInterval,
        maxConcurrentPerWorkflow,
        maxConcurrentPerRun,
        maxConcurrentPerStepType,
        options,
        pools,
        conflicts);
  }
}

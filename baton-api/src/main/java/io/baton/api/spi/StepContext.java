package io.baton.api.spi;

import io.baton.api.time.TimeSource;
import java.util.Map;

/**
 * What a step handler knows about the attempt it runs, and how it talks back. Passed explicitly:
 * Baton has no static facades or thread-locals.
 */
public interface StepContext {

  /** The run's id. */
  String runId();

  /** The id of the run's workflow. */
  String workflowId();

  /** The step's path in the run ({@code fanout[3]/summarise} inside composite steps). */
  String path();

  /** The id of the step's definition. */
  String stepId();

  /** The attempt, from 1. */
  int attempt();

  /**
   * {@code runId/path/attempt}: the same for every execution of this attempt, including one re-run
   * after a crash, so side effects can be de-duplicated by it.
   */
  String idempotencyKey();

  /** The step's resolved input (templates replaced by values). */
  Object input();

  /** The resolved input as an object; empty when the input is not an object. */
  @SuppressWarnings("unchecked")
  default Map<String, Object> inputMap() {
    return input() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * The answer to the question this attempt asked by returning an {@link AwaitInput}, when the
   * handler is called again after it; null on a first call.
   */
  default AwaitInput.Answer answer() {
    return null;
  }

  /** The engine's clock. */
  TimeSource clock();

  /** Whether the attempt has been cancelled (the run was cancelled or the attempt timed out). */
  boolean isCancelled();

  /** Records a line of the step's log, shown with the step in the CLI and the UI. */
  void log(String message);

  /**
   * Publishes a transient event about this step (progress, streamed tokens) to the engine's
   * listeners. Not journaled.
   */
  void emit(String type, Object data);
}

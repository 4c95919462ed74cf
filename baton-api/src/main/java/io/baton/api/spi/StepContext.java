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
   * Journals a piece of this attempt's progress under {@code key} and returns once it is durable
   * (write-ahead): a re-execution of the same attempt after a crash finds it with {@link
   * #recorded}, so that a handler can skip work it already did — a model call it already paid for,
   * a tool call it already made. A value with a {@code usage} object of numbers ({@code
   * inputTokens}, {@code outputTokens}, {@code cost}, …) adds them to the step's {@link
   * io.baton.api.run.StepView#usage}, once.
   *
   * <pre>{@code
   * Object answer = ctx.recorded("model/1");
   * if (answer == null) {
   *   answer = model.call(prompt);
   *   ctx.record("model/1", answer);
   * }
   * }</pre>
   *
   * @param key unique within the attempt; recording a key again replaces its value
   * @param value a JSON value (maps, lists, strings, numbers, booleans), or a record or bean
   * @throws io.baton.api.run.StepException of kind {@code cancelled} when the attempt is no longer
   *     running (cancelled, timed out, or the engine closed) and the value was not journaled
   * @throws UnsupportedOperationException when this context cannot journal
   */
  default void record(String key, Object value) {
    throw new UnsupportedOperationException(
        "this step context (" + getClass().getSimpleName() + ") cannot journal progress");
  }

  /**
   * What this attempt recorded under {@code key}, in this execution or an earlier one (before a
   * crash) — as a JSON value — or null when nothing was.
   */
  default Object recorded(String key) {
    return null;
  }

  /**
   * Publishes a transient event about this step (progress, streamed tokens) to the engine's
   * listeners. Not journaled.
   */
  void emit(String type, Object data);
}

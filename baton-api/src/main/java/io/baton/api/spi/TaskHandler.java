package io.baton.api.spi;

import java.util.Map;

/**
 * Does the work of {@code task} steps of one capability ({@code analysis}, {@code design}, {@code
 * development}, …), the task types of the iflow format. Agents register themselves as task handlers
 * for their capabilities.
 */
@FunctionalInterface
public interface TaskHandler {
  /** Performs a task and returns its result. */
  Object handle(String capability, Map<String, Object> input, StepContext context) throws Exception;
}

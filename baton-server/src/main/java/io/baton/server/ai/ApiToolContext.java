package io.baton.server.ai;

import io.baton.api.spi.StepContext;
import io.baton.api.time.TimeSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of a tool called through the API rather than from a step: no run, one attempt, the
 * idempotency key {@code api/<id>} (the caller's {@code Idempotency-Key} when given), log lines to
 * the server's log.
 *
 * @param tool the tool's name
 * @param namespace the caller's namespace
 * @param idempotencyKey handed to the tool (and by HTTP tools to what they call)
 * @param input the arguments
 * @param clock the server's clock
 */
record ApiToolContext(
    String tool,
    String namespace,
    String idempotencyKey,
    Map<String, Object> input,
    TimeSource clock)
    implements StepContext {
  private static final Logger LOG = LoggerFactory.getLogger(ApiToolContext.class);

  @Override
  public String runId() {
    return "api";
  }

  @Override
  public String workflowId() {
    return "api";
  }

  @Override
  public String path() {
    return "tools/" + tool;
  }

  @Override
  public String stepId() {
    return tool;
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public void log(String message) {
    LOG.info("tool {}: {}", tool, message);
  }

  @Override
  public void emit(String type, Object data) {
    LOG.debug("tool {} emitted {}", tool, type);
  }
}

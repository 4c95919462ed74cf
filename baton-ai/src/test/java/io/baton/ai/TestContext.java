package io.baton.ai;

import io.baton.api.spi.StepContext;
import io.baton.api.time.TimeSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A step context for calling gateways and tools outside a run; records emitted events. */
public final class TestContext implements StepContext {
  private final TimeSource clock;
  private final String runId;
  private final int attempt;
  private final String call;
  public final List<Map.Entry<String, Object>> events = new CopyOnWriteArrayList<>();

  public TestContext(TimeSource clock, String runId) {
    this(clock, runId, 1, null);
  }

  /**
   * Attempt {@code attempt} of step {@code step}; with a {@code call} ({@code tool/writer/1}), the
   * context a tool call of it gets, whose idempotency key names the call.
   */
  public TestContext(TimeSource clock, String runId, int attempt, String call) {
    this.clock = clock;
    this.runId = runId;
    this.attempt = attempt;
    this.call = call;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String workflowId() {
    return "test";
  }

  @Override
  public String path() {
    return "step";
  }

  @Override
  public String stepId() {
    return "step";
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public String idempotencyKey() {
    return runId + "/step/" + attempt + (call == null ? "" : "/" + call);
  }

  @Override
  public Object input() {
    return Map.of();
  }

  @Override
  public TimeSource clock() {
    return clock;
  }

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public void log(String message) {
    emit("log", message);
  }

  @Override
  public void emit(String type, Object data) {
    events.add(Map.entry(type, data));
  }

  /** The events of {@code type}. */
  public List<Object> events(String type) {
    return events.stream().filter(e -> e.getKey().equals(type)).map(Map.Entry::getValue).toList();
  }
}

package io.baton.server.ai;

import io.baton.api.run.JournalEntry;
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Model calls, tokens and cost in Micrometer, from the {@code ai.call} event every model call of an
 * agent step emits (with its usage): {@code baton.model.calls{model, offline}}, {@code
 * baton.model.tokens{model, direction=input|output}}, {@code baton.model.cost{model}} (in the price
 * table's currency). {@code BatonAi.usage()} keeps the same figures per run, step and agent.
 */
@Component
public class AiMetrics implements RunListener {
  private final MeterRegistry registry;

  AiMetrics(MeterRegistry registry, Baton baton) {
    this.registry = registry;
    baton.addListener(this);
  }

  @Override
  public void onEvent(JournalEntry entry) {}

  @Override
  public void onStepEmit(String runId, String path, String type, Object data) {
    if (!"ai.call".equals(type) || !(data instanceof Map<?, ?> call)) {
      return;
    }
    String model = String.valueOf(call.get("model"));
    Map<?, ?> usage = call.get("usage") instanceof Map<?, ?> u ? u : Map.of();
    Counter.builder("baton.model.calls")
        .description("model calls")
        .tag("model", model)
        .tag("offline", String.valueOf(Boolean.TRUE.equals(call.get("offline"))))
        .register(registry)
        .increment();
    tokens(model, "input", usage.get("inputTokens"));
    tokens(model, "output", usage.get("outputTokens"));
    if (usage.get("cost") instanceof Number cost && cost.doubleValue() > 0) {
      Counter.builder("baton.model.cost")
          .description("what model calls cost, in the price table's currency")
          .tag("model", model)
          .register(registry)
          .increment(cost.doubleValue());
    }
  }

  private void tokens(String model, String direction, Object count) {
    if (count instanceof Number n && n.longValue() > 0) {
      Counter.builder("baton.model.tokens")
          .description("tokens of model calls")
          .tag("model", model)
          .tag("direction", direction)
          .register(registry)
          .increment(n.doubleValue());
    }
  }
}

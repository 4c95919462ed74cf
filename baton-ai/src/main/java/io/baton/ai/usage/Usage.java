package io.baton.ai.usage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens and cost of one or more model calls.
 *
 * @param calls how many calls
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param cost what they cost, in the price table's currency
 */
public record Usage(long calls, long inputTokens, long outputTokens, double cost) {
  /** Nothing used. */
  public static final Usage NONE = new Usage(0, 0, 0, 0);

  /** Input and output tokens together. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /** The sum of this and {@code other}. */
  public Usage plus(Usage other) {
    return new Usage(
        calls + other.calls,
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cost + other.cost);
  }

  /** As written into step outputs and events. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("calls", calls);
    map.put("inputTokens", inputTokens);
    map.put("outputTokens", outputTokens);
    map.put("totalTokens", totalTokens());
    map.put("cost", Math.round(cost * 1_000_000d) / 1_000_000d);
    return map;
  }
}

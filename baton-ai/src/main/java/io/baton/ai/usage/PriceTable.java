package io.baton.ai.usage;

import java.util.Map;

/**
 * Prices per million tokens, by model name ({@code gpt-4o-mini}) or by provider and model ({@code
 * openai/gpt-4o-mini}, which wins). Models without a price cost nothing, and say so in their usage.
 *
 * <pre>{@code
 * prices:
 *   gpt-4o-mini: {input: 0.15, output: 0.60}
 * }</pre>
 *
 * @param prices the price of each model
 */
public record PriceTable(Map<String, Price> prices) {
  /** No prices: every call costs 0. */
  public static final PriceTable EMPTY = new PriceTable(Map.of());

  public PriceTable {
    prices = Map.copyOf(prices);
  }

  /** The cost of a call to {@code model} of {@code provider}. */
  public double cost(String provider, String model, long inputTokens, long outputTokens) {
    Price price = prices.get(provider + "/" + model);
    if (price == null) {
      price = prices.get(model);
    }
    if (price == null) {
      return 0;
    }
    return (inputTokens * price.input() + outputTokens * price.output()) / 1_000_000d;
  }

  /**
   * A model's price.
   *
   * @param input per million input tokens
   * @param output per million output tokens
   */
  public record Price(double input, double output) {}
}

package io.baton.ai.usage;

/**
 * A limit on what a run (or one agent in a run) may use; 0 means no limit of that kind.
 *
 * @param maxTokens input plus output tokens
 * @param maxCost cost in the price table's currency
 * @param maxCalls model calls
 */
public record Budget(long maxTokens, double maxCost, long maxCalls) {
  /** No limit. */
  public static final Budget UNLIMITED = new Budget(0, 0, 0);

  /** What is exceeded by {@code used}, or null when nothing is. */
  String exceededBy(Usage used) {
    if (maxTokens > 0 && used.totalTokens() >= maxTokens) {
      return used.totalTokens() + " tokens used of a budget of " + maxTokens;
    }
    if (maxCost > 0 && used.cost() >= maxCost) {
      return String.format("a cost of %.4f reached of a budget of %.4f", used.cost(), maxCost);
    }
    if (maxCalls > 0 && used.calls() >= maxCalls) {
      return used.calls() + " model calls made of a budget of " + maxCalls;
    }
    return null;
  }
}

package io.baton.api.definition;

/**
 * A resource a step needs while it runs: {@code {pool: gpu, amount: 1}} or {@code {lock: repo-A}}.
 *
 * @param pool the named capacity, or null for a lock
 * @param amount the slots taken from the pool
 * @param lock the name of an exclusive lock, or null for a pool
 */
public record ResourceRequest(String pool, int amount, String lock) {
  public ResourceRequest {
    if ((pool == null) == (lock == null)) {
      throw new IllegalArgumentException("a resource request names either a pool or a lock");
    }
    if (pool != null && amount <= 0) {
      throw new IllegalArgumentException("amount must be positive, was " + amount);
    }
  }
}

package io.baton.engine.expression.internal;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent cache with a size bound. When full, it drops an arbitrary eighth of its entries:
 * compiled expressions are cheap to rebuild and the set in use is usually far below the bound, so a
 * precise LRU would buy nothing worth a lock or a dependency.
 */
public final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
  private final int maximumSize;

  /** A cache holding at most {@code maximumSize} entries. */
  public BoundedCache(int maximumSize) {
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
    }
    this.maximumSize = maximumSize;
  }

  /**
   * The value for {@code key}, computed by {@code load} when absent. {@code load} runs outside any
   * lock (compiling takes milliseconds), so two threads may compute the same value; one result
   * wins. Failures are not cached.
   */
  public V get(K key, Function<? super K, ? extends V> load) {
    V value = entries.get(key);
    if (value != null) {
      return value;
    }
    V loaded = load.apply(key);
    if (entries.size() >= maximumSize) {
      evict();
    }
    V raced = entries.putIfAbsent(key, loaded);
    return raced != null ? raced : loaded;
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  private void evict() {
    int toRemove = Math.max(1, maximumSize / 8);
    Iterator<K> keys = entries.keySet().iterator();
    while (toRemove-- > 0 && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}

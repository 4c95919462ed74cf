package io.baton.engine.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values loaded most recently, up to a total size: what keeps a run with many large outputs
 * from holding them all in heap. A value bigger than the whole cache is not kept.
 */
final class ValueCache {
  private record Held(Object value, long bytes) {}

  private final LinkedHashMap<String, Held> held = new LinkedHashMap<>(16, 0.75f, true);
  private long maxBytes;
  private long bytes;

  ValueCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized Object get(String valueId) {
    Held h = held.get(valueId);
    return h == null ? null : h.value();
  }

  synchronized void put(String valueId, Object value, long size) {
    if (size > maxBytes) {
      return;
    }
    Held old = held.put(valueId, new Held(value, size));
    bytes += size - (old == null ? 0 : old.bytes());
    trim();
  }

  synchronized void resize(long newMaxBytes) {
    maxBytes = newMaxBytes;
    trim();
  }

  /** The total size of the values held. */
  synchronized long bytes() {
    return bytes;
  }

  private void trim() {
    Iterator<Map.Entry<String, Held>> eldest = held.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().getValue().bytes();
      eldest.remove();
    }
  }
}

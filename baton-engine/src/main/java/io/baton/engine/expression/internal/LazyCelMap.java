package io.baton.engine.expression.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a JSON-like map whose values are converted to CEL values on access (see
 * {@link CelValueBridge}). A view instead of a copy: expressions usually read one field of a large
 * step output.
 */
final class LazyCelMap extends AbstractMap<Object, Object> {
  private final Map<?, ?> source;
  private final EvaluationScope scope;

  LazyCelMap(Map<?, ?> source, EvaluationScope scope) {
    this.source = source;
    this.scope = scope;
  }

  Map<?, ?> source() {
    return source;
  }

  @Override
  public Object get(Object key) {
    Object value = source.get(key);
    if (value == null && !source.containsKey(key)) {
      return null; // absent, not JSON null: CEL's optional field access relies on the difference
    }
    return CelValueBridge.toCel(value, scope);
  }

  @Override
  public boolean containsKey(Object key) {
    boolean present = source.containsKey(key);
    if (!present && scope != null) {
      scope.recordMiss(key, source);
    }
    return present;
  }

  @Override
  public int size() {
    return source.size();
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<? extends Entry<?, ?>> entries = source.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Entry<Object, Object> next() {
            Entry<?, ?> entry = entries.next();
            return new SimpleImmutableEntry<>(
                entry.getKey(), CelValueBridge.toCel(entry.getValue(), scope));
          }
        };
      }

      @Override
      public int size() {
        return source.size();
      }
    };
  }
}

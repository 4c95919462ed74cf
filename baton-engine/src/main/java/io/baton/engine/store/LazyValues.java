package io.baton.engine.store;

import io.baton.api.run.StoredValue;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stand-ins of {@link StoredValue}s: a map or a list that holds only the value's reference and
 * loads its content from {@link StoredValues} (through the cache) on each read.
 */
final class LazyValues {
  private LazyValues() {}

  /** Where a stand-in's content is. */
  record Reference(StoredValues owner, String valueId, long sizeBytes) {
    Object content() {
      return owner.load(valueId, sizeBytes);
    }
  }

  /** A JSON object kept apart. */
  static final class LazyMap extends AbstractMap<String, Object> implements StoredValue {
    private final Reference ref;

    LazyMap(Reference ref) {
      this.ref = ref;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> content() {
      return (Map<String, Object>) ref.content();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return content().entrySet();
    }

    @Override
    public Object get(Object key) {
      return content().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return content().containsKey(key);
    }

    @Override
    public int size() {
      return content().size();
    }

    @Override
    public String valueId() {
      return ref.valueId();
    }

    @Override
    public long sizeBytes() {
      return ref.sizeBytes();
    }
  }

  /** A JSON array kept apart. */
  static final class LazyList extends AbstractList<Object> implements StoredValue {
    private final Reference ref;

    LazyList(Reference ref) {
      this.ref = ref;
    }

    @Override
    public Object get(int index) {
      return ((List<?>) ref.content()).get(index);
    }

    @Override
    public int size() {
      return ((List<?>) ref.content()).size();
    }

    @Override
    public String valueId() {
      return ref.valueId();
    }

    @Override
    public long sizeBytes() {
      return ref.sizeBytes();
    }
  }
}

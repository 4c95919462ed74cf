package io.baton.engine.store;

import io.baton.api.run.StoredValue;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.ValueStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * A {@link ValueStore} with what the engine needs around it: step outputs over the inline limit are
 * written to it and replaced by {@link StoredValue} stand-ins, which load their content on demand
 * through a cache of bounded size. In JSON (journals, snapshots) a stored value is its reference,
 * {@code {"@baton.value": id, "bytes": n, "array": false}}; {@link #bind} turns such references
 * back into stand-ins.
 */
public final class StoredValues implements ValueStore {
  /** The key that marks a reference to a stored value in JSON. */
  public static final String MARKER = "@baton.value";

  /** The default size of the cache of loaded values: 32 MiB. */
  public static final long DEFAULT_CACHE_BYTES = 32L << 20;

  private static final SimpleModule REFERENCES =
      new SimpleModule("baton-stored-values")
          .addSerializer(
              StoredValue.class,
              new ValueSerializer<>() {
                @Override
                public void serialize(
                    StoredValue value, JsonGenerator gen, SerializationContext context) {
                  gen.writeStartObject();
                  gen.writeStringProperty(MARKER, value.valueId());
                  gen.writeNumberProperty("bytes", value.sizeBytes());
                  gen.writeBooleanProperty("array", value instanceof List<?>);
                  gen.writeEndObject();
                }
              });

  private final ValueStore store;
  private final ValueCache cache = new ValueCache(DEFAULT_CACHE_BYTES);
  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .addModule(REFERENCES)
          .build();
  private volatile long maxInlineBytes;

  /** Values kept in {@code store}; none until {@link #configure} sets an inline limit. */
  public StoredValues(ValueStore store) {
    this.store = store;
  }

  /** The stored values of a backend. */
  public static StoredValues of(StoreBackend backend) {
    return backend.values() instanceof StoredValues v ? v : new StoredValues(backend.values());
  }

  /**
   * The Jackson module that writes stored values as their references: for every mapper that writes
   * values to a journal or a snapshot.
   */
  public static SimpleModule references() {
    return REFERENCES;
  }

  /**
   * Sets the limits.
   *
   * @param maxInline outputs whose JSON is bigger are stored apart (0: none are)
   * @param cacheBytes how many bytes of loaded values are kept in memory at most
   */
  public void configure(long maxInline, long cacheBytes) {
    if (maxInline < 0 || cacheBytes < 0) {
      throw new IllegalArgumentException(
          "values.max_inline_bytes and values.cache_bytes must be >= 0, were "
              + maxInline
              + " and "
              + cacheBytes);
    }
    this.maxInlineBytes = maxInline;
    cache.resize(cacheBytes);
  }

  /**
   * {@code value}, or when it is an object or array whose JSON is over the inline limit, a stand-in
   * for it after it was stored under {@code valueId}.
   */
  public Object hold(String runId, String valueId, Object value) {
    long max = maxInlineBytes;
    if (max <= 0
        || value instanceof StoredValue
        || !(value instanceof Map || value instanceof List)) {
      return value;
    }
    String json = mapper.writeValueAsString(value);
    if ((long) json.length() * 3 <= max) {
      return value; // a char is at most 3 bytes in UTF-8: no need to encode it to know it fits
    }
    long size = json.getBytes(StandardCharsets.UTF_8).length;
    if (size <= max) {
      return value;
    }
    store.put(runId, valueId, json);
    return reference(valueId, size, value instanceof List);
  }

  private Object reference(String valueId, long size, boolean array) {
    LazyValues.Reference ref = new LazyValues.Reference(this, valueId, size);
    return array ? new LazyValues.LazyList(ref) : new LazyValues.LazyMap(ref);
  }

  /** The content of a stored value, from the cache or the store. */
  Object load(String valueId, long size) {
    Object cached = cache.get(valueId);
    if (cached != null) {
      return cached;
    }
    String json =
        store
            .find(valueId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "stored value "
                            + valueId
                            + " is missing from the value store: its run was purged, or the store"
                            + " was changed by hand or partly restored"));
    Object value = bind(mapper.readValue(json, Object.class));
    cache.put(valueId, value, size);
    return value;
  }

  /**
   * Gives run {@code runId} its own copy of every stored value that {@code value} refers to, and of
   * the values those refer to in turn, so that it keeps them when the run that stored them is
   * deleted (retention): for a fork or a restored run, whose first events are another run's, and
   * for a parent run given the outputs of a child. The copies keep their ids, so the references
   * need no change. Copying again is harmless.
   *
   * @param value events, outputs or any value that may hold stored values (or their references)
   * @return the ids of the values copied
   * @throws IllegalStateException when a value referred to is missing from the store
   */
  public Set<String> copyReferenced(String runId, Object value) {
    Set<String> copied = new LinkedHashSet<>();
    Deque<String> todo =
        new ArrayDeque<>(
            referencedIds(value instanceof JsonNode node ? node : mapper.valueToTree(value)));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!copied.add(id)) {
        continue;
      }
      String json =
          store
              .find(id)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "cannot give run "
                              + runId
                              + " its copy of stored value "
                              + id
                              + ": the value is missing from the value store (its run was purged,"
                              + " or the store was changed by hand or partly restored)"));
      store.put(runId, id, json);
      if (json.contains(MARKER)) {
        todo.addAll(referencedIds(mapper.readTree(json)));
      }
    }
    return copied;
  }

  private static List<String> referencedIds(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode id : node.findValues(MARKER)) {
      if (id.isString()) {
        out.add(id.asString());
      }
    }
    return out;
  }

  /** How many bytes of loaded values the cache holds now. */
  public long cachedBytes() {
    return cache.bytes();
  }

  /**
   * {@code value} with the references to stored values in it (as read from JSON) replaced by
   * stand-ins; the same object when it has none.
   */
  @SuppressWarnings("unchecked")
  public Object bind(Object value) {
    if (value instanceof StoredValue) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      if (map.get(MARKER) instanceof String id) {
        return reference(
            id,
            map.get("bytes") instanceof Number n ? n.longValue() : 0,
            Boolean.TRUE.equals(map.get("array")));
      }
      Map<String, Object> out = null;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object bound = bind(e.getValue());
        if (bound != e.getValue() && out == null) {
          out = new LinkedHashMap<>((Map<String, Object>) map);
        }
        if (out != null) {
          out.put((String) e.getKey(), bound);
        }
      }
      return out == null ? value : out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = null;
      for (int i = 0; i < list.size(); i++) {
        Object bound = bind(list.get(i));
        if (bound != list.get(i) && out == null) {
          out = new ArrayList<>(list);
        }
        if (out != null) {
          out.set(i, bound);
        }
      }
      return out == null ? value : out;
    }
    return value;
  }

  @Override
  public void put(String runId, String valueId, String json) {
    store.put(runId, valueId, json);
  }

  @Override
  public Optional<String> find(String valueId) {
    return store.find(valueId);
  }

  @Override
  public void deleteRun(String runId) {
    store.deleteRun(runId);
  }
}

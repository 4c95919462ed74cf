package io.baton.engine.language.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A located object.
 *
 * @param fields the members in source order
 * @param keys where each member's key was written (unknown fields are reported there)
 */
public record SourceObject(
    String pointer, Position position, Map<String, SourceNode> fields, Map<String, Position> keys)
    implements SourceNode {

  public SourceObject {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    keys = Map.copyOf(keys);
  }

  /** The member named {@code name}, or null. */
  public SourceNode get(String name) {
    return fields.get(name);
  }

  /** Where the key {@code name} was written, or this object's position when it is absent. */
  public Position keyPosition(String name) {
    return keys.getOrDefault(name, position);
  }

  @Override
  public Object toJava() {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v.toJava()));
    return out;
  }

  @Override
  public String describe() {
    return "an object";
  }
}

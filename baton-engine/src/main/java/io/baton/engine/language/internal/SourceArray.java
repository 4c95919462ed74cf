package io.baton.engine.language.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A located list.
 *
 * @param items the elements in order
 */
public record SourceArray(String pointer, Position position, List<SourceNode> items)
    implements SourceNode {

  public SourceArray {
    items = List.copyOf(items);
  }

  @Override
  public Object toJava() {
    List<Object> out = new ArrayList<>(items.size());
    items.forEach(item -> out.add(item.toJava()));
    return out;
  }

  @Override
  public String describe() {
    return "a list";
  }
}

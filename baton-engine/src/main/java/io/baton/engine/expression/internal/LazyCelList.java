package io.baton.engine.expression.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A read-only view of a JSON-like list whose elements are converted to CEL values on access. */
final class LazyCelList extends AbstractList<Object> implements RandomAccess {
  private final List<?> source;
  private final EvaluationScope scope;

  LazyCelList(List<?> source, EvaluationScope scope) {
    this.source = source;
    this.scope = scope;
  }

  @Override
  public Object get(int index) {
    return CelValueBridge.toCel(source.get(index), scope);
  }

  @Override
  public int size() {
    return source.size();
  }
}

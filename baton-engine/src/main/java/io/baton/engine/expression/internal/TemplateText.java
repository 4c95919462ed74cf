package io.baton.engine.expression.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a value reads inside a longer string: strings as they are, null as nothing, numbers and
 * booleans as JSON writes them, maps and lists as compact JSON.
 */
final class TemplateText {
  private TemplateText() {}

  static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> {}
      case String s -> out.append(s);
      case BigDecimal d -> out.append(d.toPlainString());
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      case Map<?, ?> m -> out.append(JsonMapper.shared().writeValueAsString(m));
      case Collection<?> c -> out.append(JsonMapper.shared().writeValueAsString(c));
      default -> out.append(value);
    }
  }
}

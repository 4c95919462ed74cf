package io.baton.server.events;

import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.CelDialect;
import io.baton.engine.expression.Condition;
import io.baton.engine.expression.Expressions;
import io.baton.engine.expression.Template;
import io.baton.server.api.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The engine's expressions with one more variable, {@code event} (id, type, source, subject,
 * correlationId, at, data), for triggers' CEL filters and input templates.
 */
final class EventExpressions {
  private static final Expressions EXPRESSIONS =
      Expressions.defaults().with(new CelDialect(Set.of("event")));

  private EventExpressions() {}

  /** Compiles a filter; a 422 pointing at {@code pointer} when it does not compile. */
  static Condition filter(String source, String pointer) {
    try {
      return EXPRESSIONS.condition(CelDialect.NAME, source);
    } catch (ExpressionException e) {
      throw ApiError.badField(pointer, "invalid-filter", "filter: " + e.getMessage());
    }
  }

  /** Parses an input template; a 422 pointing at {@code pointer} when it does not parse. */
  static Template template(Object input, String pointer) {
    try {
      return EXPRESSIONS.template(input);
    } catch (ExpressionException e) {
      throw ApiError.badField(pointer, "invalid-input", "input: " + e.getMessage());
    }
  }

  /** The variables an expression about {@code event} sees. */
  static Map<String, Object> variables(SystemEvent event) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", event.id());
    e.put("type", event.type());
    e.put("source", event.source());
    e.put("subject", event.subject());
    e.put("correlationId", event.correlationId());
    e.put("at", event.at().toString());
    e.put("data", event.data());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("event", e);
    return variables;
  }
}

package io.baton.engine.expression.internal;

import io.baton.engine.expression.Reference;
import java.util.List;
import java.util.Map;

/** The content of one {@code ${…}}: a path walked directly, or a compiled CEL expression. */
sealed interface Placeholder permits PathPlaceholder, ExpressionPlaceholder {
  /** The value, with its JSON type. */
  Object evaluate(Map<String, Object> variables);

  /** The steps it reads, positioned in its content. */
  List<Reference> references();
}

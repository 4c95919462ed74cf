package io.baton.engine.expression;

import java.util.List;
import java.util.Map;

/**
 * A JSON value whose strings may hold {@code ${…}} placeholders, parsed once and rendered many
 * times.
 *
 * <p>A string that is exactly one placeholder keeps the value's JSON type ({@code
 * "${inputs.count}"} renders as the number); placeholders inside longer strings are rendered as
 * text. A placeholder holds either a path ({@code inputs.goal}, {@code steps.plan.output.tasks[0]},
 * the seeds' alias {@code plan-creation.result.planId}) or a CEL expression ({@code inputs.amount *
 * 2}).
 */
public interface Template {

  /**
   * Renders the value against {@code variables}; throws {@link
   * io.baton.api.spi.ExpressionException}.
   */
  Object render(Map<String, Object> variables);

  /** Whether the value holds no placeholder at all (rendering returns it unchanged). */
  boolean isConstant();

  /** The step ids the placeholders read, with their positions, for validation. */
  List<Reference> references();
}

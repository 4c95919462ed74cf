package io.baton.engine.expression;

import java.util.List;
import java.util.Map;

/**
 * A JSON value whose strings may hold {@code ${…}} placeholders, parsed once and rendered many times (from many
 * threads). Obtain one from {@link Expressions#template(Object)}.
 *
 * <pre>{@code
 * Template t = expressions.template(Map.of(
 *     "tasks", "${steps.plan.output.tasks}",           // whole string: keeps the list's type
 *     "title", "Plan ${plan.result.planId} for ${inputs.goal}", // text
 *     "budget", "${inputs.amount * 2}",                 // CEL
 *     "raw", "$${not.a.placeholder}"));                 // renders "${not.a.placeholder}"
 * Object input = t.render(variables);
 * }</pre>
 *
 * <ul>
 *   <li>A string that is exactly one placeholder keeps the value's JSON type ({@code "${inputs.count}"} renders as
 *       the number). Placeholders inside longer strings render as text: strings as they are, {@code null} as
 *       nothing, numbers and booleans as JSON writes them, maps and lists as compact JSON.
 *   <li>{@code $${} is a literal {@code ${}. Map keys are not templated. Rendered maps and lists are unmodifiable.
 *   <li>A path renders the value exactly as the variables hold it (an {@code Integer} stays one); a CEL
 *       placeholder renders CEL's normalised result ({@code Long}, {@code Double}, unmodifiable collections).
 *   <li>Parse once (per definition) and render per run: parsing compiles the CEL placeholders.
 *   <li>A placeholder holds either a path — {@code root(.field|[int]|["key"]|['key'])*}, where names may contain
 *       {@code -} ({@code steps.context-setup.output}) — resolved by walking maps and lists without CEL, or otherwise
 *       a CEL expression ({@code inputs.amount * 2}; write spaces around a minus).
 *   <li>Path roots are the {@linkplain Variables variables}; any other root is the seeds' step alias: {@code
 *       X.result.rest} and {@code X.output.rest} read {@code steps.X.output.rest}, {@code X.status} and {@code
 *       X.error} read {@code steps.X.status} and {@code steps.X.error}. Anything else is rejected at parse time.
 *   <li>A path that does not resolve fails with a message naming the missing segment and what is there ("steps.plan
 *       .output has no field 'tasks'; available: [a, b]"), positioned in the string; a lenient template ({@link
 *       Expressions#lenientTemplate}) renders it as null instead.
 * </ul>
 */
public interface Template {

  /**
   * Renders the value against {@code variables}; throws {@link
   * io.baton.api.spi.ExpressionException}.
   */
  Object render(Map<String, Object> variables);

  /** Whether the value holds no placeholder at all (rendering returns it unchanged). */
  boolean isConstant();

  /**
   * The step ids the placeholders read, for validation. Each reference's text is the placeholder's
   * content (between {@code ${} and {@code }}) and its position the offset of the step id in it.
   */
  List<Reference> references();
}

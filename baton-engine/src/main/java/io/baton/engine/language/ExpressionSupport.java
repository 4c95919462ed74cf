package io.baton.engine.language;

import io.baton.engine.expression.Reference;
import java.util.List;
import java.util.Set;

/**
 * What the workflow language needs from the expression engine to validate a definition: syntax
 * checks and the steps that expressions and {@code ${…}} templates read. The language depends on
 * expressions only through this interface.
 *
 * <pre>{@code
 * ExpressionSupport support = ...; // adapted from the engine's expression dialects and templates
 * support.check("cel", "inputs.amount > 1000");
 * support.references("cel", "steps.review.output.approved"); // [Reference("review", …, 0)]
 * support.templateReferences(Map.of("id", "${steps.plan.output.id}")); // [Reference("plan", …)]
 * }</pre>
 */
public interface ExpressionSupport {

  /** The expression dialects that can be checked ({@code cel}, {@code javascript}, …). */
  Set<String> dialects();

  /**
   * Checks the syntax of an expression.
   *
   * @param dialect one of {@link #dialects()}
   * @param source the expression
   * @throws io.baton.api.spi.ExpressionException with the 0-based position of the problem in {@code
   *     source}
   */
  void check(String dialect, String source);

  /**
   * The steps an expression reads.
   *
   * @param dialect one of {@link #dialects()}
   * @param source a syntactically valid expression
   * @return one reference per step read, with its position in {@code source}
   */
  List<Reference> references(String dialect, String source);

  /**
   * The steps the {@code ${…}} placeholders of a JSON value read.
   *
   * @param value a JSON value (map, list, string, number, boolean or null)
   * @return one reference per step read; {@link Reference#text()} is the placeholder or string it
   *     occurs in and {@link Reference#position()} its offset there
   * @throws io.baton.api.spi.ExpressionException when a placeholder is malformed; {@code
   *     expression()} is the placeholder or string, {@code position()} the offset of the problem in
   *     it
   */
  List<Reference> templateReferences(Object value);

  /**
   * The support to use for one workflow: the same, unless the workflow declares variables of its
   * own (a map step's {@code as: doc} makes {@code doc} a variable of its body).
   */
  default ExpressionSupport forWorkflow(io.baton.api.definition.WorkflowDefinition definition) {
    return this;
  }
}

package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.TOO_MANY_STEPS;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.LanguageContext;
import java.util.List;

/**
 * Every semantic check of a definition, run on the model so that files and definitions built in
 * Java are judged alike. Findings carry canonical pointers; a loader translates them into the
 * source's.
 */
public final class DefinitionRules {
  private final LanguageContext context;
  private final TypeRules types;

  /**
   * @throws IllegalArgumentException when a custom step type's schema is not a valid JSON Schema
   */
  public DefinitionRules(LanguageContext context) {
    this.context = context;
    this.types = new TypeRules(context);
  }

  /** Every problem of {@code definition}, in rule order. */
  public List<Finding> check(WorkflowDefinition definition) {
    StepIndex index = StepIndex.of(definition);
    Findings out = new Findings();
    int max = context.limits().maxSteps();
    if (index.entries().size() > max) {
      out.add(
          Finding.error(
              TOO_MANY_STEPS,
              "/steps",
              "the workflow has " + index.entries().size() + " steps; the limit is " + max));
      return out.all();
    }
    new IdRules().check(definition, index, out);
    types.check(index, out);
    new ShapeRules().check(definition, index, out);
    new ReferenceRules().check(index, out);
    new GraphRules().check(index, out);
    new ExpressionRules(context.expressions().forWorkflow(definition))
        .check(definition, index, out);
    return out.all();
  }
}

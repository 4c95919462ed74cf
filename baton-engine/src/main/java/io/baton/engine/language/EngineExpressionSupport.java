package io.baton.engine.language;

import io.baton.api.definition.MapStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.expression.CelDialect;
import io.baton.engine.expression.Expressions;
import io.baton.engine.expression.JavaScriptDialect;
import io.baton.engine.expression.Reference;
import io.baton.engine.expression.Variables;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@link ExpressionSupport} of the engine's own expression dialects and templates. */
public final class EngineExpressionSupport implements ExpressionSupport {
  private final Expressions expressions;

  /** Support backed by {@code expressions}. */
  public EngineExpressionSupport(Expressions expressions) {
    this.expressions = expressions;
  }

  /**
   * {@code expressions} with the variables {@code definition} declares: the item names of its map
   * steps ({@code as: doc}).
   */
  public static Expressions declaring(Expressions expressions, WorkflowDefinition definition) {
    Set<String> names = new TreeSet<>();
    for (StepDef step : definition.allSteps()) {
      if (step instanceof MapStep m && !Variables.WELL_KNOWN.contains(m.as())) {
        names.add(m.as());
      }
    }
    if (names.isEmpty()) {
      return expressions;
    }
    Expressions declared = expressions.with(new CelDialect(names));
    // a javascript dialect that took the built-in one's place (the GraalJS sandbox's) reads any
    // variable it is given: it stays
    return expressions.find(JavaScriptDialect.NAME) instanceof JavaScriptDialect
        ? declared.with(new JavaScriptDialect(names))
        : declared;
  }

  @Override
  public ExpressionSupport forWorkflow(WorkflowDefinition definition) {
    Expressions declared = declaring(expressions, definition);
    return declared == expressions ? this : new EngineExpressionSupport(declared);
  }

  @Override
  public Set<String> dialects() {
    return expressions.dialects();
  }

  @Override
  public void check(String dialect, String source) {
    expressions.compile(dialect, source);
  }

  @Override
  public List<Reference> references(String dialect, String source) {
    return expressions.references(dialect, source);
  }

  @Override
  public List<Reference> templateReferences(Object value) {
    return expressions.template(value).references();
  }
}

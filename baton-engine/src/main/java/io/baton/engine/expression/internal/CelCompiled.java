package io.baton.engine.expression.internal;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import java.util.Map;

/**
 * A compiled CEL program; evaluation is thread-safe, the only per-call state being the {@link
 * EvaluationScope}.
 *
 * @param program the planned CEL program
 * @param source the text the user wrote, for messages and positions
 * @param translated whether {@code source} was translated to CEL (JavaScript): then unset variables
 *     read as undefined (null), and CEL's own positions, which refer to the translation, are not
 *     reported
 */
public record CelCompiled(CelRuntime.Program program, String source, boolean translated)
    implements ExpressionDialect.Compiled {

  @Override
  public Object evaluate(Map<String, Object> variables) {
    EvaluationScope scope = new EvaluationScope(variables, translated);
    Object result;
    try {
      result = program.eval(scope);
    } catch (CelEvaluationException e) {
      throw failure(e, scope);
    }
    if (result instanceof CelUnknownSet) {
      throw CelFailures.unsetVariable(source, scope);
    }
    return CelValueBridge.toJava(result);
  }

  private ExpressionException failure(CelEvaluationException e, EvaluationScope scope) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsEvaluationError js) {
        return new ExpressionException(
            js.getMessage() + " at position " + js.position() + " of '" + source + "'",
            source,
            js.position());
      }
    }
    return CelFailures.evaluation(e, source, scope, !translated);
  }

  @Override
  public String toString() {
    return source;
  }
}

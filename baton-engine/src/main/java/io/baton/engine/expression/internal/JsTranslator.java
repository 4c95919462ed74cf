package io.baton.engine.expression.internal;

import java.util.Set;

/** The entry point of the JavaScript subset: parse, check and translate to CEL. */
public final class JsTranslator {
  private JsTranslator() {}

  /**
   * The CEL text equivalent to the JavaScript expression {@code source}.
   *
   * @throws io.baton.api.spi.ExpressionException positioned in {@code source}, for syntax errors,
   *     constructs outside the subset and unknown variables
   */
  public static String toCel(String source, Set<String> variables) {
    return JsToCel.translate(JsParser.parse(source), source, variables, false);
  }

  /** Like {@link #toCel}, but the CEL yields the expression's JavaScript truthiness as a bool. */
  public static String conditionToCel(String source, Set<String> variables) {
    return JsToCel.translate(JsParser.parse(source), source, variables, true);
  }

  /** A CEL environment that declares {@code variables} and the functions translations call. */
  public static CelEnvironment environment(Set<String> variables) {
    return new CelEnvironment(variables, JsFunctions.DECLARATIONS, JsFunctions.BINDINGS);
  }
}

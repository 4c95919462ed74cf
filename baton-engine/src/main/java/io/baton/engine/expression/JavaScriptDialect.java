package io.baton.engine.expression;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.internal.CelCompiled;
import io.baton.engine.expression.internal.CelEnvironment;
import io.baton.engine.expression.internal.JsTranslator;
import java.util.Set;

/**
 * The {@code javascript} dialect: the JavaScript-style conditions of imported MPLP workflows
 * ({@code result === "A"}), translated to CEL and evaluated by CEL — fast and sandboxed by
 * construction, since the subset has no calls, assignments or loops.
 *
 * <pre>{@code
 * ExpressionDialect.Compiled c = new JavaScriptDialect().compile("result === \"A\" && !steps.review.output.rejected");
 * c.evaluate(Map.of("result", "A", "steps", steps)); // true
 * }</pre>
 *
 * <h2>The subset</h2>
 *
 * <ul>
 *   <li>literals: numbers ({@code 3}, {@code 2.5}, {@code 1e3}), strings in single or double quotes
 *       with the usual escapes, {@code true}, {@code false}, {@code null}, {@code undefined};
 *   <li>variables: the {@linkplain Variables#WELL_KNOWN well-known names} and the extra names given
 *       to the constructor; a variable the caller did not set is {@code undefined}. The seeds' step
 *       alias is accepted: {@code plan.result.x} (or {@code plan.output.x}) reads {@code
 *       steps.plan.output.x}, {@code plan.status} and {@code plan.error} read {@code
 *       steps.plan.status} and {@code .error};
 *   <li>member access {@code a.b} and {@code a[expr]}; a missing property is {@code undefined},
 *       reading a property of {@code null}/{@code undefined} is an error (a TypeError in
 *       JavaScript); {@code .length} of strings and arrays;
 *   <li>operators, with JavaScript precedence: {@code ? :}, {@code ||}, {@code &&}, {@code === !==
 *       == !=}, {@code < <= > >=}, {@code + - * / %}, unary {@code ! - +}, parentheses.
 * </ul>
 *
 * <h2>Semantics, and where they differ from JavaScript</h2>
 *
 * <ul>
 *   <li>{@code null} and {@code undefined} are one value: {@code x === undefined}, {@code x ===
 *       null} and {@code x == null} all hold for a missing field and for a null one;
 *   <li>{@code ==} is strict like {@code ===} (no type coercion: {@code "1" == 1} is false);
 *       objects and arrays compare by content, not identity;
 *   <li>{@code &&} and {@code ||} short-circuit and return an operand ({@code name ||
 *       "anonymous"}); {@code !}, conditions and ternary tests use JavaScript truthiness ({@link
 *       Expressions#truthy});
 *   <li>arithmetic follows JavaScript numbers ({@code 7 / 2} is 3.5, {@code 6 / 2} is 3, {@code 1 /
 *       0} is Infinity), {@code +} concatenates when either side is a string; arithmetic on other
 *       types is an error instead of a coercion;
 *   <li>{@code < <= > >=} compare two numbers or two strings; with {@code null}/{@code undefined}
 *       on either side they are false; other mixes are an error.
 * </ul>
 *
 * <p>Anything else — function and method calls, assignments, {@code ++}, arrow functions, template
 * literals, object and array literals, {@code typeof}, {@code new}, regular expressions, {@code
 * ?.}, {@code ??} — is rejected at compile time with an {@link ExpressionException} at the
 * construct's position, naming the baton-sandbox module, whose GraalJS dialect runs full JavaScript
 * (and takes this one's place when it is on the class path).
 */
public final class JavaScriptDialect implements ExpressionDialect {
  /** The dialect's name. */
  public static final String NAME = "javascript";

  private final Set<String> variables;
  private final CelEnvironment environment;

  /** A dialect with the well-known variables only. */
  public JavaScriptDialect() {
    this(Set.of());
  }

  /**
   * A dialect with the well-known variables and {@code extraVariables}.
   *
   * @throws IllegalArgumentException if a name cannot be a variable
   */
  public JavaScriptDialect(Set<String> extraVariables) {
    this.variables = CelDialect.declared(extraVariables);
    this.environment = JsTranslator.environment(variables);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The variable names expressions may use. */
  public Set<String> variables() {
    return variables;
  }

  /**
   * The CEL expression {@code source} is translated to (for diagnostics).
   *
   * @throws ExpressionException positioned in {@code source}
   */
  public String translate(String source) {
    if (source == null) {
      throw new ExpressionException("expression is empty", "null", 0);
    }
    return JsTranslator.toCel(source, variables);
  }

  @Override
  public Compiled compile(String source) {
    return compileTranslation(source, translate(source));
  }

  /**
   * Compiles {@code source} as a condition: evaluation yields its JavaScript truthiness as a {@code
   * Boolean}. Faster than {@link #compile} followed by {@link Expressions#truthy}, as {@code &&}
   * and {@code ||} need not keep their operands' values.
   *
   * @throws ExpressionException positioned in {@code source}
   */
  public Compiled compileCondition(String source) {
    if (source == null) {
      throw new ExpressionException("expression is empty", "null", 0);
    }
    return compileTranslation(source, JsTranslator.conditionToCel(source, variables));
  }

  private Compiled compileTranslation(String source, String cel) {
    try {
      return new CelCompiled(environment.compile(cel), source, true);
    } catch (ExpressionException e) {
      // a translation CEL rejects is a defect of the translator, not of the user's expression
      throw new ExpressionException(
          "internal error: the CEL translation of '"
              + source
              + "' does not compile: "
              + e.getMessage(),
          source,
          -1);
    }
  }

  @Override
  public String toString() {
    return "JavaScriptDialect" + variables;
  }
}

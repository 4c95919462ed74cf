package io.baton.engine.expression;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.internal.CelCompiled;
import io.baton.engine.expression.internal.CelEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code cel} dialect: the Common Expression Language (cel.dev) — safe, side-effect free, not
 * Turing-complete, with a linear evaluation cost.
 *
 * <pre>{@code
 * ExpressionDialect.Compiled c = new CelDialect().compile("inputs.amount > 100 && steps.review.status == 'COMPLETED'");
 * boolean big = (Boolean) c.evaluate(variables);
 * }</pre>
 *
 * <p><b>Variables</b> are the {@linkplain Variables#WELL_KNOWN well-known names} plus the extra
 * names given to the constructor, all of type {@code dyn}. Reading a variable the caller did not
 * set is an evaluation error naming it; referring to an undeclared name is a compile error. A
 * step's result is {@code steps.<id>.output}, or {@code steps['<id>'].output} when the id contains
 * a {@code -}.
 *
 * <p><b>Values</b> are plain JSON-like Java values. Going in, integers become CEL {@code int},
 * {@code BigDecimal} and floats become {@code double}, {@code null} is CEL's {@code null}; maps and
 * lists are read lazily, so a large step output costs nothing unless walked. Results come back as
 * {@code Long}, {@code Double}, {@code String}, {@code Boolean}, unmodifiable {@code List}/{@code
 * Map}, or {@code null}. Numbers compare across int and double ({@code 1 == 1.0}, {@code x > 2.5}),
 * but arithmetic does not mix them: write {@code double(x) * 1.5}.
 *
 * <p><b>Missing fields</b>: reading an absent map key is an error ("no field 'x'; available: [a,
 * b]"); test with {@code has(inputs.x)} or read optionally with {@code inputs.?x.orValue(default)}.
 * Besides the standard library, the {@code strings}, {@code math}, {@code lists}, {@code encoders}
 * and {@code bindings} extensions are enabled; comprehensions stop after 10 000 iterations.
 *
 * <p>Compiled expressions are immutable and safe to evaluate from many threads.
 */
public final class CelDialect implements ExpressionDialect {
  /** The dialect's name. */
  public static final String NAME = "cel";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private final CelEnvironment environment;

  /** A dialect with the well-known variables only. */
  public CelDialect() {
    this(Set.of());
  }

  /**
   * A dialect with the well-known variables and {@code extraVariables}.
   *
   * @throws IllegalArgumentException if a name is not a CEL identifier or is a reserved word
   */
  public CelDialect(Set<String> extraVariables) {
    this.environment = new CelEnvironment(declared(extraVariables), List.of(), List.of());
  }

  static Set<String> declared(Set<String> extraVariables) {
    Set<String> names = new HashSet<>(Variables.WELL_KNOWN);
    for (String name : extraVariables) {
      if (!IDENTIFIER.matcher(name).matches() || RESERVED.contains(name)) {
        throw new IllegalArgumentException("not a usable variable name: '" + name + "'");
      }
      names.add(name);
    }
    return Set.copyOf(names);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The variable names expressions may use. */
  public Set<String> variables() {
    return environment.variables();
  }

  /**
   * {@inheritDoc}
   *
   * @throws ExpressionException with the 0-based position of the first error, e.g. an unknown
   *     variable
   */
  @Override
  public Compiled compile(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException("expression is empty", String.valueOf(source), 0);
    }
    return new CelCompiled(environment.compile(source), source, false);
  }

  @Override
  public String toString() {
    return "CelDialect" + variables();
  }
}

package io.baton.engine.expression;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.internal.BoundedCache;
import io.baton.engine.expression.internal.StepReferences;
import io.baton.engine.expression.internal.TemplateParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's entry point to expressions and templates: the dialects by name, a cache of compiled
 * expressions, template parsing, reference extraction for validation, and the rules for conditions.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Expressions expressions = Expressions.defaults();
 * Condition when = expressions.condition("javascript", "result === \"A\"");
 * Template input = expressions.template(Map.of("planId", "${plan-creation.result.planId}", "note", "for ${inputs.goal}"));
 * Map<String, Object> variables = Map.of("result", "A", "inputs", inputs, "steps", steps);
 * if (when.test(variables)) {
 *   Object rendered = input.render(variables); // {planId=p-1, note=for ship it}
 * }
 * }</pre>
 *
 * <p><b>Variables.</b> Every dialect sees the {@linkplain Variables#WELL_KNOWN well-known names}
 * ({@code inputs, steps, vars, item, index, iteration, previous, value, result, run, env}). To
 * declare more, replace the dialects: {@code defaults().with(new
 * CelDialect(Set.of("tenant"))).with(new JavaScriptDialect(Set.of("tenant")))}.
 *
 * <p><b>Conditions.</b> A CEL (or other non-JavaScript) condition must produce a boolean; anything
 * else is an error ("condition must be a boolean, got string \"yes\"") rather than a guess. A
 * {@code javascript} condition is interpreted with JavaScript truthiness ({@link #truthy}), as its
 * authors expect.
 *
 * <p><b>Templates</b> are described on {@link Template}; strict templates fail on a missing path
 * with a message naming the missing segment and what is available, lenient ones render it as null
 * (or "" inside text).
 */
public final class Expressions {
  private static final int CACHE_SIZE = 4096;
  private static final String CONDITION_PREFIX = "condition:";
  private static final Expressions DEFAULTS =
      new Expressions(Map.of()).with(new CelDialect()).with(new JavaScriptDialect());

  private final Map<String, ExpressionDialect> dialects;
  private final BoundedCache<Key, ExpressionDialect.Compiled> cache =
      new BoundedCache<>(CACHE_SIZE);

  private record Key(String dialect, String source) {}

  private Expressions(Map<String, ExpressionDialect> dialects) {
    this.dialects = Collections.unmodifiableMap(new LinkedHashMap<>(dialects));
  }

  /**
   * The built-in dialects, {@code cel} and {@code javascript}, with the well-known variables; a
   * shared instance.
   */
  public static Expressions defaults() {
    return DEFAULTS;
  }

  /**
   * A new instance with {@code dialect} added, replacing a dialect of the same name (so the
   * sandboxed GraalJS dialect can take over {@code javascript}). The new instance starts with an
   * empty cache.
   */
  public Expressions with(ExpressionDialect dialect) {
    Map<String, ExpressionDialect> more = new LinkedHashMap<>(dialects);
    more.put(dialect.name(), dialect);
    return new Expressions(more);
  }

  /** The dialect named {@code name}, or null. */
  public ExpressionDialect find(String name) {
    return dialects.get(name);
  }

  /** The names of the available dialects. */
  public Set<String> dialects() {
    return dialects.keySet();
  }

  /** Compiles a CEL expression; see {@link #compile(String, String)}. */
  public ExpressionDialect.Compiled compile(String source) {
    return compile(CelDialect.NAME, source);
  }

  /**
   * Compiles {@code source} in {@code dialect} ({@code null} means {@code cel}), or returns the
   * cached compilation.
   *
   * @throws ExpressionException for an unknown dialect (naming the known ones) or an expression
   *     that does not compile (with its position)
   */
  public ExpressionDialect.Compiled compile(String dialect, String source) {
    ExpressionDialect language = dialect(dialect, source);
    if (source == null) {
      throw new ExpressionException("expression is missing", "", -1);
    }
    return cache.get(new Key(language.name(), source), key -> language.compile(key.source()));
  }

  /**
   * Compiles a condition. In {@code javascript} the result is interpreted with {@link #truthy}; in
   * any other dialect it must be a {@code Boolean}.
   */
  public Condition condition(String dialect, String source) {
    ExpressionDialect language = dialect(dialect, source);
    if (language instanceof JavaScriptDialect js && source != null) {
      ExpressionDialect.Compiled compiled =
          cache.get(
              new Key(CONDITION_PREFIX + js.name(), source), key -> js.compileCondition(source));
      return variables -> (Boolean) compiled.evaluate(variables);
    }
    ExpressionDialect.Compiled compiled = compile(dialect, source);
    if (JavaScriptDialect.NAME.equals(language.name())) {
      return variables -> truthy(compiled.evaluate(variables));
    }
    return variables -> {
      Object result = compiled.evaluate(variables);
      if (result instanceof Boolean b) {
        return b;
      }
      throw new ExpressionException(
          "condition must be a boolean, got " + describe(result) + " from '" + source + "'",
          source,
          0);
    };
  }

  /**
   * Parses a template: a JSON-like value whose strings may hold {@code ${…}} placeholders. Missing
   * paths are errors.
   *
   * @throws ExpressionException for a malformed placeholder, an unknown path root or a CEL
   *     expression that does not compile, positioned in the string that holds it
   */
  public Template template(Object value) {
    return parser(false).parse(value);
  }

  /**
   * Parses a template whose missing paths render as null ("" inside text) instead of failing — for
   * optional data such as the outputs of steps that may have been skipped. CEL placeholders still
   * fail on errors.
   */
  public Template lenientTemplate(Object value) {
    return parser(true).parse(value);
  }

  private TemplateParser parser(boolean lenient) {
    return new TemplateParser(
        content -> compile(CelDialect.NAME, content), celVariables(), lenient);
  }

  /**
   * The steps {@code source} reads, positioned at the step id: {@code steps.X}, {@code steps["X"]},
   * and in {@code javascript} also the alias {@code X.result}. A text scan, so it works even when
   * {@code source} does not compile.
   */
  public List<Reference> references(String dialect, String source) {
    ExpressionDialect language = dialect(dialect, source);
    boolean javascript = JavaScriptDialect.NAME.equals(language.name());
    Set<String> variables =
        language instanceof JavaScriptDialect js ? js.variables() : celVariables();
    return StepReferences.scan(source == null ? "" : source, variables, javascript);
  }

  /**
   * JavaScript truthiness, used for {@code javascript} conditions: false for {@code null}, {@code
   * false}, zero and NaN of any number type, and the empty string; true for everything else,
   * including empty lists and maps.
   */
  public static boolean truthy(Object value) {
    return switch (value) {
      case null -> false;
      case Boolean b -> b;
      case String s -> !s.isEmpty();
      case BigDecimal d -> d.signum() != 0;
      case BigInteger i -> i.signum() != 0;
      case Double d -> d != 0 && !d.isNaN();
      case Float f -> f != 0 && !f.isNaN();
      case Number n -> n.longValue() != 0;
      default -> true;
    };
  }

  private ExpressionDialect dialect(String name, String source) {
    ExpressionDialect language = dialects.get(name == null ? CelDialect.NAME : name);
    if (language == null) {
      throw new ExpressionException(
          "unknown expression dialect '" + name + "'; known: " + dialects.keySet(),
          String.valueOf(source),
          -1);
    }
    return language;
  }

  private Set<String> celVariables() {
    return dialects.get(CelDialect.NAME) instanceof CelDialect cel
        ? cel.variables()
        : Variables.WELL_KNOWN;
  }

  private static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> "string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
      case Number n -> "number " + n;
      case Map<?, ?> m -> "a map";
      case List<?> l -> "a list";
      default -> value.getClass().getSimpleName();
    };
  }
}

package io.baton.sandbox;

import io.baton.ai.step.ScriptRunner.ScriptFailure;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Expressions;
import io.baton.engine.expression.JavaScriptDialect;
import io.baton.engine.expression.Reference;
import io.baton.engine.expression.Variables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code javascript} expression dialect on the GraalJS sandbox: imported MPLP conditions such
 * as {@code result === "A"} — and any other JavaScript expression — run as real JavaScript, with
 * the sandbox's limits (no host, file or network access; CPU time, statements, memory). It takes
 * over the engine's translated subset ({@link JavaScriptDialect}) when baton-sandbox is on the
 * class path ({@code BatonAi} registers it, found through {@link java.util.ServiceLoader}).
 *
 * <p>Variables: the names the expression uses among those the engine gives ({@code inputs}, {@code
 * steps}, {@code result}, {@code item}, …) become globals, copied as JSON (only the steps it names
 * are copied from {@code steps}); a well-known name without a value is {@code undefined}. The
 * seeds' step alias works: {@code plan.result.x} reads step {@code plan}'s output ({@code
 * plan.status}, {@code plan.error} too). A syntax error is reported when the workflow is loaded; an
 * expression that throws or is stopped by a limit fails with the expression and the script's
 * message.
 *
 * <pre>{@code
 * Baton.builder().dialect(new SandboxJavaScriptDialect());   // BatonAi.install does it for you
 * }</pre>
 */
public final class SandboxJavaScriptDialect implements ExpressionDialect {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(1);

  private final Supplier<GraalScriptRunner> runner;
  private final Duration limit;

  /** The dialect the service loader finds: a shared runner with default limits, 1 s of CPU. */
  public SandboxJavaScriptDialect() {
    this(SharedRunner::get, DEFAULT_LIMIT);
  }

  /**
   * A dialect on {@code runner}.
   *
   * @param limit the CPU time one evaluation may take
   */
  public SandboxJavaScriptDialect(Supplier<GraalScriptRunner> runner, Duration limit) {
    this.runner = runner;
    this.limit = limit;
  }

  @Override
  public String name() {
    return JavaScriptDialect.NAME;
  }

  @Override
  public Compiled compile(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException("javascript expression is empty", String.valueOf(source), 0);
    }
    try {
      runner.get().checkSyntax(source);
    } catch (ScriptFailure e) {
      throw new ExpressionException(
          "javascript expression '" + source + "' does not parse: " + e.getMessage(), source, -1);
    }
    Set<String> names = identifiers(source);
    List<Reference> steps = Expressions.defaults().references(JavaScriptDialect.NAME, source);
    return variables -> evaluate(source, names, steps, variables);
  }

  private Object evaluate(
      String source, Set<String> names, List<Reference> steps, Map<String, Object> variables) {
    Map<String, Object> globals = new LinkedHashMap<>();
    List<String> undefined = new ArrayList<>();
    for (String name : names) {
      if (name.equals(Variables.STEPS)) {
        globals.put(name, namedSteps(steps, variables));
      } else if (variables.containsKey(name)) {
        globals.put(name, variables.get(name));
      } else if (Variables.WELL_KNOWN.contains(name)) {
        undefined.add(name);
      } else if (step(variables, name) instanceof Map<?, ?> state) {
        globals.put(name, alias(state)); // the seeds' alias: plan.result.x
      }
    }
    try {
      return runner.get().evaluate(source, globals, undefined, limit);
    } catch (ScriptFailure e) {
      throw new ExpressionException(
          "javascript expression '" + source + "' failed: " + e.getMessage(), source, -1);
    }
  }

  /** The states of the steps the expression names, by id. */
  private static Map<String, Object> namedSteps(List<Reference> refs, Map<String, Object> vars) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Reference ref : refs) {
      Object state = step(vars, ref.stepId());
      if (state != null) {
        out.put(ref.stepId(), state);
      }
    }
    return out;
  }

  private static Object step(Map<String, Object> variables, String id) {
    return variables.get(Variables.STEPS) instanceof Map<?, ?> steps ? steps.get(id) : null;
  }

  private static Map<String, Object> alias(Map<?, ?> state) {
    Map<String, Object> out = new LinkedHashMap<>();
    state.forEach((k, v) -> out.put(String.valueOf(k), v));
    out.put("result", state.get("output"));
    return out;
  }

  /** The identifiers in {@code source} (also inside strings: harmless, they bind nothing more). */
  private static Set<String> identifiers(String source) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(source);
    while (m.find()) {
      int before = m.start() - 1;
      if (before < 0 || source.charAt(before) != '.') {
        out.add(m.group());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "SandboxJavaScriptDialect[" + limit + "]";
  }

  /**
   * One runner for every dialect of the process, made when first needed (GraalJS is slow to start).
   */
  private static final class SharedRunner {
    private static final GraalScriptRunner RUNNER = new GraalScriptRunner();

    static GraalScriptRunner get() {
      return RUNNER;
    }
  }
}

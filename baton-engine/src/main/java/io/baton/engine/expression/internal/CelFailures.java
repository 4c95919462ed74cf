package io.baton.engine.expression.internal;

import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.runtime.CelEvaluationException;
import io.baton.api.spi.ExpressionException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns CEL's compile and evaluation failures into {@link ExpressionException}s with 0-based
 * character positions and messages that say what was expected. CEL reports positions in code
 * points, and evaluation positions only inside its message text ("evaluation error at
 * &lt;input&gt;:4: …"), hence the parsing here.
 */
public final class CelFailures {
  private static final Pattern EVALUATION =
      Pattern.compile("^evaluation error(?: at [^:]*:(\\d+))?: (.*)$", Pattern.DOTALL);
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
  private static final Pattern MISSING_KEY =
      Pattern.compile("key '(.*)' is not present in map\\.?");
  private static final Pattern NO_OVERLOAD =
      Pattern.compile("No matching overload for function '([^']*)'\\. Overload candidates: (.*)");
  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("_+_", "+"),
          Map.entry("_-_", "-"),
          Map.entry("_*_", "*"),
          Map.entry("_/_", "/"),
          Map.entry("_%_", "%"),
          Map.entry("_<_", "<"),
          Map.entry("_<=_", "<="),
          Map.entry("_>_", ">"),
          Map.entry("_>=_", ">="),
          Map.entry("_==_", "=="),
          Map.entry("_!=_", "!="),
          Map.entry("-_", "unary -"),
          Map.entry("!_", "!"),
          Map.entry("_[_]", "[]"),
          Map.entry("_?_:_", "?:"),
          Map.entry("@in", "in"));

  private CelFailures() {}

  /** The first error of a failed compilation, positioned in {@code source}. */
  public static ExpressionException compile(
      CelValidationResult result, String source, Set<String> variables) {
    CelIssue issue = result.getErrors().getFirst();
    int position =
        result
            .getSource()
            .getLocationOffset(issue.getSourceLocation())
            .map(o -> charOffset(source, o))
            .orElse(-1);
    String detail = explainCompileIssue(issue.getMessage(), source, position, variables);
    int more = result.getErrors().size() - 1;
    String suffix = more > 0 ? " (and " + more + " more error" + (more > 1 ? "s" : "") + ")" : "";
    return new ExpressionException(
        "expression does not compile: " + detail + suffix + where(source, position),
        source,
        position);
  }

  private static String explainCompileIssue(
      String message, String source, int position, Set<String> variables) {
    Matcher undeclared = UNDECLARED.matcher(message);
    if (!undeclared.matches()) {
      return message;
    }
    String name = undeclared.group(1);
    if (isCall(source, position, name)) {
      return "unknown function '" + name + "'";
    }
    return "unknown variable '"
        + name
        + "'; the variables are "
        + new TreeSet<>(variables)
        + " (a step's result is steps.<id>.output, or steps['<id>'].output when the id has a '-')";
  }

  private static boolean isCall(String source, int position, String name) {
    // CEL points at the '(' of a global call and at the name of a member call
    if (position < 0 || position >= source.length()) {
      return false;
    }
    int after = position + name.length();
    return source.charAt(position) == '('
        || (source.startsWith(name, position)
            && after < source.length()
            && source.charAt(after) == '(');
  }

  /**
   * An evaluation failure of {@code source}, with the lookup details {@code scope} remembered;
   * {@code positioned} is false when CEL ran a translation of {@code source}, whose positions would
   * mislead.
   */
  public static ExpressionException evaluation(
      CelEvaluationException e, String source, EvaluationScope scope, boolean positioned) {
    Matcher m = EVALUATION.matcher(String.valueOf(e.getMessage()));
    int position = -1;
    String detail = String.valueOf(e.getMessage());
    if (m.matches()) {
      position =
          m.group(1) == null || !positioned ? -1 : charOffset(source, Integer.parseInt(m.group(1)));
      detail = m.group(2);
    }
    detail = explainEvaluation(e.getErrorCode(), detail, scope);
    return new ExpressionException(
        "expression failed: " + detail + where(source, position), source, position);
  }

  private static String explainEvaluation(CelErrorCode code, String detail, EvaluationScope scope) {
    if (code == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
      Matcher key = MISSING_KEY.matcher(detail);
      if (key.matches()) {
        String available = scope.keysAround(key.group(1)).map(k -> "; available: " + k).orElse("");
        return "no field '" + key.group(1) + "'" + available;
      }
    }
    if (code == CelErrorCode.OVERLOAD_NOT_FOUND) {
      Matcher overload = NO_OVERLOAD.matcher(detail);
      if (overload.matches()) {
        String function = overload.group(1);
        String name =
            OPERATORS.containsKey(function)
                ? "operator '" + OPERATORS.get(function) + "'"
                : "function '" + function + "'";
        return name
            + " does not apply to these argument types (it takes: "
            + overload.group(2)
            + "; CEL does not mix int and double or convert types implicitly)";
      }
    }
    if (code == CelErrorCode.DIVIDE_BY_ZERO) {
      return "division by zero";
    }
    return detail;
  }

  /** An error for a declared variable the expression read but the caller did not set. */
  public static ExpressionException unsetVariable(String source, EvaluationScope scope) {
    String name = scope.unsetVariable();
    return new ExpressionException(
        "variable '"
            + name
            + "' is not set here; the variables set are "
            + scope.setVariables()
            + where(source, -1),
        source,
        name == null ? -1 : firstWord(source, name));
  }

  private static int firstWord(String source, String word) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(source);
    return m.find() ? m.start() : -1;
  }

  /** The UTF-16 index of the {@code codePoints}-th code point of {@code source}. */
  public static int charOffset(String source, int codePoints) {
    if (codePoints < 0) {
      return -1;
    }
    if (codePoints > source.codePointCount(0, source.length())) {
      return source.length();
    }
    return source.offsetByCodePoints(0, codePoints);
  }

  private static String where(String source, int position) {
    return position < 0
        ? " in '" + source + "'"
        : " at position " + position + " of '" + source + "'";
  }
}

package io.baton.engine.language;

import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the expression engine: an expression is invalid when it holds {@code @@} (at that position) or
 * unbalanced parentheses; it reads step X when it holds {@code steps.X}. A template reads step X through
 * {@code ${steps.X…}} or the alias {@code ${X.result…}} / {@code ${X.output…}}; an unclosed {@code ${} is
 * malformed.
 */
public final class FakeExpressions implements ExpressionSupport {
  private static final Pattern STEPS = Pattern.compile("steps\\.([A-Za-z0-9_-]+)");
  private static final Pattern ALIAS =
      Pattern.compile("^\\$\\{\\s*([A-Za-z0-9_-]+)\\.(result|output)\\b");
  private static final Set<String> ROOTS = Set.of("inputs", "vars", "steps", "item", "index");

  @Override
  public Set<String> dialects() {
    return Set.of("cel", "javascript");
  }

  @Override
  public void check(String dialect, String source) {
    int bad = source.indexOf("@@");
    if (bad >= 0) {
      throw new ExpressionException("unexpected '@@'", source, bad);
    }
    int depth = 0;
    for (int i = 0; i < source.length(); i++) {
      depth += source.charAt(i) == '(' ? 1 : source.charAt(i) == ')' ? -1 : 0;
      if (depth < 0) {
        throw new ExpressionException("unbalanced ')'", source, i);
      }
    }
    if (depth > 0) {
      throw new ExpressionException("missing ')'", source, source.length());
    }
  }

  @Override
  public List<Reference> references(String dialect, String source) {
    List<Reference> out = new ArrayList<>();
    Matcher m = STEPS.matcher(source);
    while (m.find()) {
      out.add(new Reference(m.group(1), source, m.start()));
    }
    return out;
  }

  @Override
  public List<Reference> templateReferences(Object value) {
    List<Reference> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(Object value, List<Reference> out) {
    switch (value) {
      case Map<?, ?> map -> map.values().forEach(v -> collect(v, out));
      case List<?> list -> list.forEach(v -> collect(v, out));
      case String s -> placeholders(s, out);
      default -> {}
    }
  }

  private static void placeholders(String s, List<Reference> out) {
    int from = 0;
    while ((from = s.indexOf("${", from)) >= 0) {
      int end = s.indexOf('}', from);
      if (end < 0) {
        throw new ExpressionException("unclosed placeholder", s, from);
      }
      String placeholder = s.substring(from, end + 1);
      Matcher steps = STEPS.matcher(placeholder);
      Matcher alias = ALIAS.matcher(placeholder);
      if (steps.find()) {
        out.add(new Reference(steps.group(1), placeholder, steps.start()));
      } else if (alias.find() && !ROOTS.contains(alias.group(1))) {
        out.add(new Reference(alias.group(1), placeholder, alias.start(1)));
      }
      from = end + 1;
    }
  }
}

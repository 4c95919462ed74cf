package io.baton.engine.expression;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SCAFFOLD: replaced by the real implementation on the expressions branch. Paths only. */
public final class Expressions {
  public static Expressions defaults() {
    return new Expressions();
  }

  public Expressions with(ExpressionDialect dialect) {
    return this;
  }

  public Set<String> dialects() {
    return Set.of("cel");
  }

  public ExpressionDialect.Compiled compile(String source) {
    return compile("cel", source);
  }

  public ExpressionDialect.Compiled compile(String dialect, String source) {
    String s = source.trim();
    if (s.equals("true")) return v -> true;
    if (s.equals("false")) return v -> false;
    int eq = s.indexOf("==");
    if (eq > 0) {
      String l = s.substring(0, eq).trim();
      String r = s.substring(eq + 2).trim().replace("\"", "").replace("'", "");
      return v -> String.valueOf(path(l, v)).equals(r);
    }
    return v -> path(s, v);
  }

  public static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value);
  }

  public List<Reference> references(String dialect, String source) {
    return List.of();
  }

  public Template template(Object value) {
    return new Template() {
      @Override
      public Object render(Map<String, Object> variables) {
        return renderValue(value, variables);
      }

      @Override
      public boolean isConstant() {
        return !String.valueOf(value).contains("${");
      }

      @Override
      public List<Reference> references() {
        return List.of();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Object renderValue(Object value, Map<String, Object> vars) {
    if (value instanceof String s) {
      if (s.startsWith("${") && s.endsWith("}") && s.indexOf("${", 2) < 0) {
        return path(s.substring(2, s.length() - 1), vars);
      }
      return s;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, renderValue(v, vars)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(renderValue(v, vars)));
      return out;
    }
    return value;
  }

  private static Object path(String p, Map<String, Object> vars) {
    String[] parts = p.trim().split("\\.");
    Object cur = vars;
    int start = 0;
    if (!Set.of("inputs", "steps", "vars", "item", "index", "iteration", "previous", "result")
        .contains(parts[0])) {
      cur = ((Map<?, ?>) vars.get("steps")).get(parts[0]);
      start = 1;
      if (parts.length > 1 && parts[1].equals("result")) {
        cur = ((Map<?, ?>) cur).get("output");
        start = 2;
      }
    }
    for (int i = start; i < parts.length; i++) {
      if (!(cur instanceof Map<?, ?> m)) {
        throw new ExpressionException("no field " + parts[i], p, 0);
      }
      cur = m.get(parts[i]);
    }
    return cur;
  }
}

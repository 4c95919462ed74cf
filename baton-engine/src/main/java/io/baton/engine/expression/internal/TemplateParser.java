package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Reference;
import io.baton.engine.expression.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses JSON-like values into {@link Template}s: finds the {@code ${…}} placeholders of every
 * string, decides path or CEL for each, expands step aliases, collects references, and reports
 * malformed placeholders with their position.
 */
public final class TemplateParser {
  private final Function<String, ExpressionDialect.Compiled> cel;
  private final Set<String> variables;
  private final boolean lenient;

  /**
   * @param cel compiles a placeholder's CEL expression (the caller's cache)
   * @param variables the variable names; other path roots are step aliases
   * @param lenient whether unresolvable paths render as null instead of failing
   */
  public TemplateParser(
      Function<String, ExpressionDialect.Compiled> cel, Set<String> variables, boolean lenient) {
    this.cel = cel;
    this.variables = variables;
    this.lenient = lenient;
  }

  /** The template for {@code value}. */
  public Template parse(Object value) {
    return parse(value, "");
  }

  private Template parse(Object value, String pointer) {
    return switch (value) {
      case null -> new TemplateNodes.Constant(null);
      case String s -> parseString(s, pointer);
      case Map<?, ?> map -> parseMap(map, pointer);
      case List<?> list -> parseList(list, pointer);
      default -> new TemplateNodes.Constant(value);
    };
  }

  private Template parseMap(Map<?, ?> map, String pointer) {
    Map<String, Template> entries = new LinkedHashMap<>();
    List<Reference> references = new ArrayList<>();
    boolean constant = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Template child = parse(entry.getValue(), pointer + "/" + escapePointer(key));
      entries.put(key, child);
      references.addAll(child.references());
      constant &= child.isConstant();
    }
    if (constant) {
      Map<String, Object> copy = new LinkedHashMap<>();
      entries.forEach((k, t) -> copy.put(k, t.render(Map.of())));
      return new TemplateNodes.Constant(Collections.unmodifiableMap(copy));
    }
    return new TemplateNodes.MapNode(Collections.unmodifiableMap(entries), List.copyOf(references));
  }

  private Template parseList(List<?> list, String pointer) {
    List<Template> elements = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    boolean constant = true;
    for (int i = 0; i < list.size(); i++) {
      Template child = parse(list.get(i), pointer + "/" + i);
      elements.add(child);
      references.addAll(child.references());
      constant &= child.isConstant();
    }
    if (constant) {
      List<Object> copy = new ArrayList<>();
      elements.forEach(t -> copy.add(t.render(Map.of())));
      return new TemplateNodes.Constant(Collections.unmodifiableList(copy));
    }
    return new TemplateNodes.ListNode(List.copyOf(elements), List.copyOf(references));
  }

  private Template parseString(String text, String pointer) {
    TemplateSite site = new TemplateSite(text, pointer);
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        literal.append("${"); // the escape of a literal "${"
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = closingBrace(text, i, site);
        if (!literal.isEmpty()) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(placeholder(new PlaceholderText(text.substring(i + 2, end), i + 2, site)));
        i = end + 1;
      } else {
        literal.append(text.charAt(i++));
      }
    }
    if (!literal.isEmpty()) {
      parts.add(literal.toString());
    }
    return stringTemplate(text, parts);
  }

  private static Template stringTemplate(String text, List<Object> parts) {
    List<Reference> references = new ArrayList<>();
    parts.forEach(
        p -> references.addAll(p instanceof Placeholder ph ? ph.references() : List.of()));
    if (parts.stream().noneMatch(Placeholder.class::isInstance)) {
      // no placeholder, but "$${" escapes may have been unescaped
      return new TemplateNodes.Constant(parts.isEmpty() ? text : (String) parts.getFirst());
    }
    if (parts.size() == 1) {
      return new TemplateNodes.Whole((Placeholder) parts.getFirst());
    }
    return new TemplateNodes.Text(List.copyOf(parts), List.copyOf(references));
  }

  /**
   * The index of the '}' closing the placeholder opened at {@code open}, skipping nested braces and
   * strings.
   */
  private static int closingBrace(String text, int open, TemplateSite site) {
    int depth = 0;
    for (int i = open + 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = stringEnd(text, i);
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && depth-- == 0) {
        return i;
      }
    }
    throw new ExpressionException(
        "unterminated placeholder: the '${' at position "
            + open
            + " has no closing '}'"
            + site.suffix(),
        text,
        open);
  }

  private static int stringEnd(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == text.charAt(quote)) {
        return i;
      }
    }
    return text.length();
  }

  private Placeholder placeholder(PlaceholderText text) {
    if (text.content().isBlank()) {
      throw new ExpressionException(
          "empty placeholder '${}'" + text.site().suffix(), text.site().text(), text.start() - 2);
    }
    return PathSyntax.parse(text.content())
        .<Placeholder>map(path -> pathPlaceholder(path, text))
        .orElseGet(() -> expressionPlaceholder(text));
  }

  private Placeholder expressionPlaceholder(PlaceholderText text) {
    ExpressionDialect.Compiled compiled;
    try {
      compiled = cel.apply(text.content());
    } catch (ExpressionException e) {
      throw text.error(e.getMessage(), e.position());
    }
    List<Reference> references = StepReferences.scan(text.content(), variables, false);
    return new ExpressionPlaceholder(compiled, text, references);
  }

  private Placeholder pathPlaceholder(PathSyntax.Parsed path, PlaceholderText text) {
    StepPaths.Resolved resolved = StepPaths.resolve(path, variables, text);
    return new PathPlaceholder(resolved.segments(), text, lenient, resolved.references());
  }

  private static String escapePointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

package io.baton.engine.expression.internal;

import io.baton.engine.expression.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the step ids an expression reads, by a light scan of its text (string literals skipped):
 * {@code steps.X}, {@code steps["X"]}, {@code steps['X']}, and with aliases {@code X.result},
 * {@code X.output}, {@code X.status}, {@code X.error} where {@code X} is not a variable. A scan,
 * not a parse, so it also works on expressions that do not compile, and for any dialect with C-like
 * syntax. Method calls on {@code steps} ({@code steps.exists(…)}) are not step ids.
 */
public final class StepReferences {
  private static final Set<String> ALIAS_FIELDS = Set.of("result", "output", "status", "error");

  private final String source;
  private final Set<String> variables;
  private final boolean aliases;
  private final List<Reference> found = new ArrayList<>();
  private int index;

  private StepReferences(String source, Set<String> variables, boolean aliases) {
    this.source = source;
    this.variables = variables;
    this.aliases = aliases;
  }

  /** The references in {@code source}, positioned at the step id. */
  public static List<Reference> scan(String source, Set<String> variables, boolean aliases) {
    StepReferences scanner = new StepReferences(source, variables, aliases);
    scanner.run();
    return List.copyOf(scanner.found);
  }

  private void run() {
    while (index < source.length()) {
      char c = source.charAt(index);
      if (c == '\'' || c == '"' || c == '`') {
        index = stringEnd(index);
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = index;
        String name = identifier();
        if (isRoot(start)) {
          root(name, start);
        }
      } else if (Character.isDigit(c)) {
        while (index < source.length() && Character.isLetterOrDigit(source.charAt(index))) {
          index++;
        }
      } else {
        index++;
      }
    }
  }

  private void root(String name, int start) {
    int after = skipSpaces(index);
    if (name.equals("steps")) {
      stepsAccess(after);
    } else if (aliases
        && !variables.contains(name)
        && after < source.length()
        && source.charAt(after) == '.') {
      int field = skipSpaces(after + 1);
      String fieldName = identifierAt(field);
      if (ALIAS_FIELDS.contains(fieldName)) {
        found.add(new Reference(name, source, start));
      }
    }
  }

  private void stepsAccess(int at) {
    if (at >= source.length()) {
      return;
    }
    if (source.charAt(at) == '.') {
      int idStart = skipSpaces(at + 1);
      String id = identifierAt(idStart);
      int afterId = skipSpaces(idStart + id.length());
      boolean call = afterId < source.length() && source.charAt(afterId) == '(';
      if (!id.isEmpty() && !call) {
        found.add(new Reference(id, source, idStart));
      }
    } else if (source.charAt(at) == '[') {
      int quote = skipSpaces(at + 1);
      if (quote < source.length()
          && (source.charAt(quote) == '"' || source.charAt(quote) == '\'')) {
        int end = stringEnd(quote);
        if (end <= source.length()
            && source.charAt(end - 1) == source.charAt(quote)
            && end - 1 > quote) {
          found.add(new Reference(source.substring(quote + 1, end - 1), source, quote + 1));
        }
      }
    }
  }

  private boolean isRoot(int start) {
    int before = start - 1;
    while (before >= 0 && Character.isWhitespace(source.charAt(before))) {
      before--;
    }
    return before < 0 || source.charAt(before) != '.';
  }

  private String identifier() {
    String name = identifierAt(index);
    index += name.length();
    return name;
  }

  private String identifierAt(int at) {
    int end = at;
    while (end < source.length()
        && (end == at
            ? Character.isJavaIdentifierStart(source.charAt(end))
            : Character.isJavaIdentifierPart(source.charAt(end)))) {
      end++;
    }
    return source.substring(at, end);
  }

  private int skipSpaces(int at) {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
    return at;
  }

  /** The index just past the string literal opening at {@code quote} (or the end of the source). */
  private int stringEnd(int quote) {
    char q = source.charAt(quote);
    int i = quote + 1;
    while (i < source.length()) {
      char c = source.charAt(i++);
      if (c == '\\') {
        i++;
      } else if (c == q) {
        return i;
      }
    }
    return source.length();
  }
}

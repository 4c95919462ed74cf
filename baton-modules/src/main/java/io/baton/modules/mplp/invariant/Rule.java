package io.baton.modules.mplp.invariant;

import io.baton.modules.mplp.Mplp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule of an MPLP invariant file, in the forms those files use: {@code uuid-v4}, {@code
 * non-empty-string}, {@code optional-string}, {@code iso-datetime}, {@code exists}, {@code
 * enum(a,b,"c")}, {@code min-length(n)}, {@code eq(scope.path)} — checked at each location of the
 * invariant's path — and the rules that carry their own path: {@code exists(path)} (the path
 * reaches at least one value) and {@code path != null} (every value it reaches is set).
 */
public sealed interface Rule {
  /** A rule checked at each location of the invariant's {@code path}. */
  sealed interface ValueRule extends Rule {
    /** Why {@code value} breaks the rule, or null when it satisfies it. */
    String failure(Object value);
  }

  /** {@code uuid-v4}: a lower-case UUID version 4. */
  record UuidV4() implements ValueRule {
    @Override
    public String failure(Object value) {
      return Mplp.isId(value) ? null : "expected a UUID v4, found " + show(value);
    }
  }

  /** {@code non-empty-string}: a string with a non-blank character. */
  record NonEmptyString() implements ValueRule {
    @Override
    public String failure(Object value) {
      return value instanceof String s && !s.isBlank()
          ? null
          : "expected a non-empty string, found " + show(value);
    }
  }

  /** {@code optional-string}: a string when present. */
  record OptionalString() implements ValueRule {
    @Override
    public String failure(Object value) {
      return value == null || value instanceof String
          ? null
          : "expected a string, found " + show(value);
    }
  }

  /** {@code iso-datetime}: an ISO 8601 date-time with an offset. */
  record IsoDateTime() implements ValueRule {
    @Override
    public String failure(Object value) {
      if (value instanceof String s) {
        try {
          OffsetDateTime.parse(s);
          return null;
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      return "expected an ISO 8601 date-time such as 2025-01-01T00:00:00.000Z, found "
          + show(value);
    }
  }

  /** {@code exists}: the location has a value. */
  record Exists() implements ValueRule {
    @Override
    public String failure(Object value) {
      return value == null ? "expected a value, found null" : null;
    }
  }

  /** {@code enum(a,b)}: one of the listed values. */
  record OneOf(List<String> values) implements ValueRule {
    @Override
    public String failure(Object value) {
      return value instanceof String s && values.contains(s)
          ? null
          : "expected one of " + values + ", found " + show(value);
    }
  }

  /** {@code min-length(n)}: an array (or string) of at least {@code n} items. */
  record MinLength(int min) implements ValueRule {
    @Override
    public String failure(Object value) {
      int length =
          value instanceof Collection<?> c
              ? c.size()
              : value instanceof String s
                  ? s.length()
                  : value instanceof Map<?, ?> m ? m.size() : -1;
      if (length < 0) {
        return "expected an array of at least " + min + " items, found " + show(value);
      }
      return length >= min ? null : "expected at least " + min + " items, found " + length;
    }
  }

  /**
   * {@code eq(scope.path)}: equal to the value at {@code path} of the document of {@code scope}
   * (another document of the same flow).
   */
  record EqualTo(String scope, DocPath path) implements Rule {}

  /** {@code exists(path)}: {@code path} reaches at least one value. */
  record AnyExists(DocPath path) implements Rule {}

  /** {@code path != null}: {@code path} reaches at least one value and none is null. */
  record NotNull(DocPath path) implements Rule {}

  /**
   * Parses a rule.
   *
   * @throws IllegalArgumentException naming the forms that exist when {@code text} is none of them
   */
  static Rule parse(String text) {
    String t = text.strip();
    Matcher call = Pattern.compile("^([a-z][a-z0-9-]*)\\((.*)\\)$").matcher(t);
    if (call.matches()) {
      String args = call.group(2).strip();
      return switch (call.group(1)) {
        case "enum" -> new OneOf(Arrays.stream(args.split(",")).map(Rule::unquote).toList());
        case "min-length" -> new MinLength(Integer.parseInt(args));
        case "eq" -> equalTo(args, text);
        case "exists" -> new AnyExists(DocPath.parse(args));
        default -> throw unknown(text);
      };
    }
    if (t.endsWith("!= null")) {
      return new NotNull(DocPath.parse(t.substring(0, t.length() - "!= null".length()).strip()));
    }
    return switch (t) {
      case "uuid-v4" -> new UuidV4();
      case "non-empty-string" -> new NonEmptyString();
      case "optional-string" -> new OptionalString();
      case "iso-datetime" -> new IsoDateTime();
      case "exists" -> new Exists();
      default -> throw unknown(text);
    };
  }

  private static Rule equalTo(String args, String text) {
    int dot = args.indexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException(
          "rule '" + text + "': eq() takes scope.path, such as eq(context.context_id)");
    }
    return new EqualTo(args.substring(0, dot), DocPath.parse(args.substring(dot + 1)));
  }

  private static IllegalArgumentException unknown(String text) {
    return new IllegalArgumentException(
        "unknown invariant rule '"
            + text
            + "'; the rules are uuid-v4, non-empty-string, optional-string, iso-datetime, exists,"
            + " enum(a,b), min-length(n), eq(scope.path), exists(path), path != null");
  }

  private static String unquote(String s) {
    String v = s.strip();
    return v.length() >= 2
            && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /** A value as a failure message shows it. */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    return value instanceof String s ? "\"" + s + "\"" : value.toString();
  }
}

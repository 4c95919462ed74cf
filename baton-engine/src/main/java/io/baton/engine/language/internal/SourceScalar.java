package io.baton.engine.language.internal;

/**
 * A located string, number, boolean or null.
 *
 * @param value a {@code String}, a {@code Number} ({@code Integer}, {@code Long}, {@code
 *     BigInteger} or {@code Double}), a {@code Boolean}, or null
 */
public record SourceScalar(String pointer, Position position, Object value) implements SourceNode {

  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public String describe() {
    return switch (value) {
      case null -> "null";
      case String s -> "the string \"" + abbreviate(s) + "\"";
      case Number n -> "the number " + n;
      case Boolean b -> "the boolean " + b;
      default -> value.getClass().getSimpleName();
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}

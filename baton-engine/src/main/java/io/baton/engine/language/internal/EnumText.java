package io.baton.engine.language.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Enum values as written in definitions: case-insensitive, in camelCase, kebab-case or snake_case
 * alike ({@code allSettled}, {@code all-settled}, {@code ALL_SETTLED}).
 */
public final class EnumText {
  private EnumText() {}

  /** The constant {@code text} names, or empty. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    String wanted = normalize(text);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> normalize(e.name()).equals(wanted))
        .findFirst();
  }

  /** {@code ALL_SETTLED} as {@code allSettled}: how the language writes most enums. */
  public static String camel(Enum<?> value) {
    String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return out.toString();
  }

  /** {@code NON_RETRYABLE} as {@code non_retryable}: how error kinds and categories are written. */
  public static String snake(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Every constant of {@code type} in camelCase, for messages. */
  public static List<String> camelNames(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumText::camel).toList();
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
  }
}

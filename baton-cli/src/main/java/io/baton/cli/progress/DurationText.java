package io.baton.cli.progress;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write and read them: {@code 12ms}, {@code 1.5s}, {@code 2m03s}; and parsed
 * from {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 1h30m} or ISO-8601 {@code
 * PT10M}.
 */
public final class DurationText {
  private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|h|m|s|d)");

  private DurationText() {}

  /** A short, human form of {@code duration}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = duration.toSeconds();
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what forms are accepted
   */
  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Matcher m = PARTS.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.lookingAt()) {
      total = total.plus(part(Long.parseLong(m.group(1)), m.group(2)));
      end = m.end();
      m.region(end, t.length());
    }
    if (end == 0 || end != t.length()) {
      throw invalid(text);
    }
    return total;
  }

  private static Duration part(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration; write it like 500ms, 30s, 10m, 1h30m or PT10M");
  }
}

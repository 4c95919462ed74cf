package io.baton.engine.language.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in definitions: a number with a unit ({@code 500ms}, {@code 30s}, {@code
 * 5m}, {@code 2h}, {@code 1d}), several of them ({@code 1h30m}), or ISO-8601 ({@code PT5M}). A bare
 * number has no unit and is rejected: seconds and milliseconds are both plausible guesses, and a
 * wrong guess is a silent bug.
 */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

  private DurationText() {}

  /** The duration {@code text} denotes, or empty when it is not a duration. */
  public static Optional<Duration> parse(String text) {
    String t = text.strip();
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        Duration d = Duration.parse(t);
        return d.isNegative() ? Optional.empty() : Optional.of(d);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (!WHOLE.matcher(t).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      total = total.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
    }
    return Optional.of(total);
  }

  /** How to fix {@code text}: {@code write 30s} for a bare number, the accepted forms otherwise. */
  public static String hint(String text) {
    String t = text.strip();
    if (t.matches("\\d+")) {
      return "write " + t + "s, or " + t + "ms: a duration needs a unit";
    }
    return "write a number with a unit (500ms, 30s, 5m, 2h, 1d) or ISO-8601 (PT5M)";
  }

  /**
   * The shortest text for {@code d} in the largest unit that divides it exactly ({@code 90s},
   * {@code 2h}).
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (!Duration.ofMillis(ms).equals(d)) {
      return d.toString();
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms != 0 && ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms == 0 ? "0s" : ms + "ms";
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}

package io.baton.server.degradation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Seed 002's degradation levels, each turning off more of the API than the one below it. Reads,
 * human inputs and the controls that shed load (stop, pause) keep working up to level 3; level 4
 * (maintenance) leaves only health and this setting.
 */
public enum DegradationLevel {
  /** Level 0: everything works. */
  NORMAL("normal", List.of()),
  /** Level 1: a provider's circuit is open; model calls go to the fallback models of the chain. */
  BACKUP_MODELS(
      "backup models",
      List.of("model calls skip providers whose circuit is open and use the fallback models")),
  /** Level 2: the store is exhausted (or the queue overflows): read-only. */
  READ_ONLY(
      "read-only",
      List.of(
          "new executions",
          "changes to workflows, agents, keys, secrets, modules and other resources")),
  /** Level 3: every model provider is down: orchestration only. */
  ORCHESTRATION_ONLY(
      "orchestration only",
      List.of(
          "new executions",
          "changes to workflows, agents, keys, secrets, modules and other resources",
          "agent chat and tool invocations through the API",
          "model calls: model steps end with their fallback, or wait until the level drops")),
  /** Level 4: maintenance, set by an administrator. */
  MAINTENANCE("maintenance", List.of("every API request but health and the degradation setting"));

  private static final Pattern KEPT_CHANGES =
      Pattern.compile(
          "/api/v1/(inputs/.*|executions/[^/]+/(stop|pause)|workflows/validate"
              + "|alerts/[^/]+/resolve|degradation)");
  private static final Pattern ALWAYS_OPEN = Pattern.compile("/api/v1/(health|degradation)");

  private final String title;
  private final List<String> turnedOff;

  DegradationLevel(String title, List<String> turnedOff) {
    this.title = title;
    this.turnedOff = turnedOff;
  }

  /** The level's number, 0 to 4. */
  public int number() {
    return ordinal();
  }

  /** The level numbered {@code number}. */
  public static DegradationLevel of(int number) {
    if (number < 0 || number >= values().length) {
      throw new IllegalArgumentException("a degradation level is 0, 1, 2, 3 or 4, was " + number);
    }
    return values()[number];
  }

  /** Its name in a sentence ({@code read-only}). */
  public String title() {
    return title;
  }

  /** What it turns off, one phrase each. */
  public List<String> turnedOff() {
    return turnedOff;
  }

  /** Whether a request with {@code method} on {@code path} is refused at this level. */
  public boolean refuses(String method, String path) {
    if (!(path.startsWith("/api/") || path.startsWith("/ws/")) || this.compareTo(READ_ONLY) < 0) {
      return false;
    }
    if (this == MAINTENANCE) {
      return !ALWAYS_OPEN.matcher(path).matches();
    }
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    return !read && !KEPT_CHANGES.matcher(path).matches();
  }
}

package io.baton.api.definition;

import java.util.Locale;

/**
 * The five priority levels of seed 004, highest first. Runs and steps carry one; the scheduler
 * takes ready steps by priority, then by age.
 */
public enum Priority {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  BACKGROUND;

  /** The priority used when a definition names none. */
  public static final Priority DEFAULT = MEDIUM;

  /** The level as written in definitions: {@code critical}, {@code high}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a level as written in definitions, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted levels when {@code text} is none of them
   */
  public static Priority parse(String text) {
    for (Priority p : values()) {
      if (p.name().equalsIgnoreCase(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown priority '" + text + "'; expected one of critical, high, medium, low, background");
  }
}

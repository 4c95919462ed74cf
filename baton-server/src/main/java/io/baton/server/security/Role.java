package io.baton.server.security;

import java.util.Locale;

/**
 * What a caller may do in a namespace; each role includes the ones before it.
 *
 * <ul>
 *   <li>{@code viewer} — read everything (secrets by name only)
 *   <li>{@code operator} — also run workflows, control runs, answer human steps, publish events
 *   <li>{@code editor} — also create, change and delete workflows and agents
 *   <li>{@code admin} — also manage API keys and secrets, read the audit log
 * </ul>
 */
public enum Role {
  VIEWER,
  OPERATOR,
  EDITOR,
  ADMIN;

  /** Whether this role includes {@code other}. */
  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  /** The role's name in grants and documents ({@code admin}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a role name, in any case.
   *
   * @throws IllegalArgumentException naming the roles when it is none of them
   */
  public static Role parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + text + "': expected admin, editor, operator or viewer", e);
    }
  }
}

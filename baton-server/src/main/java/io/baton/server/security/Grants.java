package io.baton.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A caller's roles by namespace, written as {@code namespace:role} ({@code *:admin} for every
 * namespace). A caller without a grant for a namespace sees nothing of it.
 */
public final class Grants {
  /** The namespace pattern that matches every namespace. */
  public static final String ANY = "*";

  private final Map<String, Role> roles;

  private Grants(Map<String, Role> roles) {
    this.roles = Map.copyOf(roles);
  }

  /**
   * Reads grants such as {@code ["default:editor", "team-a:viewer"]}.
   *
   * @throws IllegalArgumentException on a malformed grant, saying which
   */
  public static Grants parse(Collection<String> texts) {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (String text : texts) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException(
            "grant '" + text + "' must be namespace:role, e.g. default:editor or *:admin");
      }
      String namespace = text.substring(0, colon).trim();
      Role role = Role.parse(text.substring(colon + 1));
      roles.merge(namespace, role, (a, b) -> a.includes(b) ? a : b);
    }
    return new Grants(roles);
  }

  /** The role the caller has in {@code namespace}, or null when none. */
  public Role roleIn(String namespace) {
    Role exact = roles.get(namespace);
    Role any = roles.get(ANY);
    if (exact == null) {
      return any;
    }
    return any == null || exact.includes(any) ? exact : any;
  }

  /** The role the caller has in at least one namespace, the highest, or null when none. */
  public Role highest() {
    return roles.values().stream().reduce((a, b) -> a.includes(b) ? a : b).orElse(null);
  }

  /** The grants as text, in a stable order. */
  public List<String> asText() {
    List<String> out = new ArrayList<>();
    roles.forEach((ns, role) -> out.add(ns + ":" + role.wireName()));
    return out;
  }

  /** Whether these grants include every grant of {@code other} (no escalation by delegation). */
  public boolean covers(Grants other) {
    for (Map.Entry<String, Role> grant : other.roles.entrySet()) {
      Role mine = grant.getKey().equals(ANY) ? roles.get(ANY) : roleIn(grant.getKey());
      if (mine == null || !mine.includes(grant.getValue())) {
        return false;
      }
    }
    return true;
  }
}

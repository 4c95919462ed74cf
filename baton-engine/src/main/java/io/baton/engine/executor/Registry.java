package io.baton.engine.executor;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Named extensions of one kind (tools, modules, task handlers, step executors), registered at any
 * time and looked up by the engine. Lookups that fail say what is registered.
 *
 * @param <T> what it holds
 */
public final class Registry<T> {
  private final String kind;
  private final Function<String, String> canonical;
  private final Map<String, T> entries = new ConcurrentHashMap<>();

  /**
   * @param kind what it holds, for messages ("tool", "module")
   * @param canonical how names are normalised before lookup
   */
  public Registry(String kind, Function<String, String> canonical) {
    this.kind = kind;
    this.canonical = canonical;
  }

  /** A registry whose names match exactly. */
  public static <T> Registry<T> exact(String kind) {
    return new Registry<>(kind, Function.identity());
  }

  /** Registers {@code entry} under {@code name}, replacing any entry of that name. */
  public void register(String name, T entry) {
    entries.put(canonical.apply(name), entry);
  }

  /** Removes the entry of {@code name}; true if there was one. */
  public boolean unregister(String name) {
    return entries.remove(canonical.apply(name)) != null;
  }

  /** The entry of {@code name}, or null. */
  public T find(String name) {
    return name == null ? null : entries.get(canonical.apply(name));
  }

  /** Every entry. */
  public Collection<T> all() {
    return entries.values();
  }

  /** The registered names, sorted, for messages. */
  public String names() {
    return String.join(", ", new TreeMap<>(entries).keySet());
  }

  /** What it holds, for messages. */
  public String kind() {
    return kind;
  }

  /**
   * The name as matched: lower case without {@code -}, {@code _} or spaces, so that {@code
   * create-context}, {@code createContext} and {@code create_context} are one name.
   */
  public static String looseName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '-' && c != '_' && c != ' ') {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}

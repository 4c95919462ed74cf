package io.baton.ai.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The agents Baton knows, each name with one or more versions. Steps name an agent ({@code
 * researcher}, the latest version) or a version ({@code researcher@2}); supervisors and modules
 * find agents by capability.
 */
public final class AgentRegistry {
  /** Versions compare as numbers where they are numbers ({@code 2 < 10}), else as text. */
  private static final Comparator<String> VERSIONS =
      (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
          int c =
              x[i].matches("\\d+") && y[i].matches("\\d+")
                  ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                  : x[i].compareTo(y[i]);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.length, y.length);
      };

  private final Map<String, NavigableMap<String, AgentDefinition>> agents =
      new ConcurrentHashMap<>();
  private volatile Predicate<AgentDefinition> available = agent -> true;

  /**
   * Which agents {@link #discover} offers: remote agents only while their heartbeats arrive (see
   * {@link io.baton.ai.remote.RemoteAgents}). All by default.
   */
  public void availability(Predicate<AgentDefinition> rule) {
    this.available = Objects.requireNonNull(rule, "rule");
  }

  /** Adds an agent, or replaces the same version of it. */
  public void register(AgentDefinition agent) {
    agents.compute(
        agent.name(),
        (k, versions) -> {
          NavigableMap<String, AgentDefinition> next =
              versions == null ? new TreeMap<>(VERSIONS) : new TreeMap<>(versions);
          next.put(agent.version(), agent);
          return next;
        });
  }

  /** Removes every version of {@code name}; true if there was one. */
  public boolean unregister(String name) {
    return agents.remove(name) != null;
  }

  /** Removes one version; true if there was one. */
  public boolean unregister(String name, String version) {
    boolean[] removed = {false};
    agents.computeIfPresent(
        name,
        (k, versions) -> {
          NavigableMap<String, AgentDefinition> next = new TreeMap<>(versions);
          removed[0] = next.remove(version) != null;
          return next.isEmpty() ? null : next;
        });
    return removed[0];
  }

  /**
   * The agent written {@code name} or {@code name@version}.
   *
   * @throws IllegalArgumentException naming the registered agents or versions
   */
  public AgentDefinition require(String reference) {
    int at = reference.indexOf('@');
    String name = at < 0 ? reference : reference.substring(0, at);
    NavigableMap<String, AgentDefinition> versions = agents.get(name);
    if (versions == null) {
      throw new IllegalArgumentException(
          "no agent named '" + name + "' is registered; registered agents: " + names());
    }
    if (at < 0) {
      return versions.lastEntry().getValue();
    }
    AgentDefinition agent = versions.get(reference.substring(at + 1));
    if (agent == null) {
      throw new IllegalArgumentException(
          "agent '"
              + name
              + "' has no version "
              + reference.substring(at + 1)
              + "; its versions: "
              + versions.keySet());
    }
    return agent;
  }

  /** The latest version of every available agent that can do {@code capability}, by name. */
  public List<AgentDefinition> discover(String capability) {
    List<AgentDefinition> found = new ArrayList<>();
    for (var versions : new TreeMap<>(agents).values()) {
      AgentDefinition latest = versions.lastEntry().getValue();
      if (latest.can(capability) && available.test(latest)) {
        found.add(latest);
      }
    }
    return found;
  }

  /** The versions of {@code name}, oldest first. */
  public List<String> versions(String name) {
    var versions = agents.get(name);
    return versions == null ? List.of() : List.copyOf(versions.keySet());
  }

  /** The registered names, sorted. */
  public List<String> names() {
    return List.copyOf(new TreeMap<>(agents).keySet());
  }
}

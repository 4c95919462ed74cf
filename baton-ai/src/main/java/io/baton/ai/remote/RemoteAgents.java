package io.baton.ai.remote;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentType;
import io.baton.ai.memory.ConversationStore;
import io.baton.api.time.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents that run in other processes and take tasks over HTTP (the contract is in {@code
 * docs/agents.md}): each registers with a base URL and a heartbeat interval, and is {@linkplain
 * #available available} — offered by {@link AgentRegistry#discover} and called by steps — while its
 * heartbeats arrive. After {@link #MISSED_BEATS} intervals without one, on the engine's clock, it
 * is unavailable until the next. Heartbeats are kept in the {@link ConversationStore}, so that
 * after a restart (or on another node sharing the store) an agent that kept beating is available at
 * once; the store is read only when this process's own record says the agent is late.
 *
 * <pre>{@code
 * ai.remoteAgents().register("translator", URI.create("http://10.0.0.7:9000"),
 *     Duration.ofSeconds(10), List.of("translation"), "Translates text");
 * ai.remoteAgents().heartbeat("translator");     // every 10 s, from the agent's side
 * }</pre>
 */
public final class RemoteAgents {
  /** How many heartbeat intervals may pass without one before an agent is unavailable. */
  public static final int MISSED_BEATS = 2;

  private final AgentRegistry registry;
  private final TimeSource clock;
  private final ConversationStore store;
  private final Map<String, Instant> lastBeat = new ConcurrentHashMap<>();

  /**
   * Remote agents kept in {@code registry}, their heartbeats timed by {@code clock} and kept in
   * {@code store}.
   */
  public RemoteAgents(AgentRegistry registry, TimeSource clock, ConversationStore store) {
    this.registry = registry;
    this.clock = clock;
    this.store = store;
    registry.availability(this::available);
  }

  /**
   * Registers (or re-registers) a remote agent; registering counts as its first heartbeat.
   *
   * @param baseUrl where it takes tasks: {@code POST <baseUrl>/tasks}
   * @param heartbeatInterval how often it promises a heartbeat; zero: it is never checked
   * @throws IllegalArgumentException when the URL is not http(s) or the interval is negative
   */
  public AgentDefinition register(
      String name,
      URI baseUrl,
      Duration heartbeatInterval,
      List<String> capabilities,
      String description) {
    if (!List.of("http", "https").contains(String.valueOf(baseUrl.getScheme()))) {
      throw new IllegalArgumentException(
          "remote agent '" + name + "': base URL must be http or https, was " + baseUrl);
    }
    if (heartbeatInterval.isNegative()) {
      throw new IllegalArgumentException(
          "remote agent '" + name + "': heartbeat interval is negative: " + heartbeatInterval);
    }
    AgentDefinition agent =
        AgentDefinition.builder(name)
            .type(AgentType.REMOTE)
            .description(description)
            .capabilities(capabilities.toArray(String[]::new))
            .options(
                Map.of(
                    RemoteAgentCall.URL,
                    baseUrl.toString(),
                    RemoteAgentCall.HEARTBEAT,
                    heartbeatInterval.toMillis() + "ms"))
            .build();
    registry.register(agent);
    beat(name);
    return agent;
  }

  /** Records a heartbeat of {@code name}; false when no such remote agent is registered. */
  public boolean heartbeat(String name) {
    if (!isRemote(registry.names().contains(name) ? registry.require(name) : null)) {
      return false;
    }
    beat(name);
    return true;
  }

  private void beat(String name) {
    Instant now = clock.now();
    store.saveHeartbeat(name, now);
    lastBeat.put(name, now);
  }

  /** The last heartbeat of {@code name}, if it had one (here, or kept in the store). */
  public Optional<Instant> lastHeartbeat(String name) {
    Instant known = lastBeat.get(name);
    return Optional.ofNullable(known != null ? known : stored(name));
  }

  /** The store's heartbeat of {@code name} (maybe from before a restart or another node). */
  private Instant stored(String name) {
    Instant at = store.lastHeartbeat(name);
    if (at != null) {
      lastBeat.merge(name, at, (a, b) -> a.isAfter(b) ? a : b);
    }
    return at;
  }

  /**
   * Whether {@code agent} may be given work now: any local agent; a remote one whose last heartbeat
   * is at most {@link #MISSED_BEATS} intervals old (or that is not checked).
   */
  public boolean available(AgentDefinition agent) {
    if (!isRemote(agent)) {
      return true;
    }
    Duration interval = RemoteAgentCall.heartbeatInterval(agent);
    if (interval.isZero()) {
      return true;
    }
    Duration grace = interval.multipliedBy(MISSED_BEATS);
    Instant last = lastBeat.get(agent.name());
    if (last != null && !clock.now().isAfter(last.plus(grace))) {
      return true;
    }
    Instant stored = stored(agent.name());
    return stored != null && !clock.now().isAfter(stored.plus(grace));
  }

  /** Removes a remote agent; true if there was one. */
  public boolean unregister(String name) {
    lastBeat.remove(name);
    store.deleteHeartbeat(name);
    return registry.unregister(name);
  }

  private static boolean isRemote(AgentDefinition agent) {
    return agent != null && AgentType.REMOTE.equals(agent.type());
  }
}

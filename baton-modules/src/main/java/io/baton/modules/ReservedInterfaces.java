package io.baton.modules;

import io.baton.api.spi.TaskHandler;
import io.baton.api.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reserved interfaces of the seeds (L4 activation): operations a module serves with its rules
 * until an agent with the matching capability is registered, then hands to that agent. Every
 * activation and deactivation is recorded, logged, and published on the bus as {@code
 * hub.interface.activated} / {@code hub.interface.deactivated}.
 *
 * <pre>{@code
 * hub.agents().register("planner-1", Set.of("planning"), (capability, request, ctx) -> Map.of("tasks", …));
 * hub.agents().interfaces();   // plan.create-plan served by planner-1
 * }</pre>
 */
public final class ReservedInterfaces {
  private static final Logger LOG = LoggerFactory.getLogger("io.baton.modules.agents");

  /**
   * A reserved interface and who serves it now.
   *
   * @param servedBy the agent's id, or {@code rules}
   */
  public record Status(
      String module, String operation, String capability, String description, String servedBy) {}

  /**
   * An agent took over (or gave back) a reserved interface.
   *
   * @param activated true when the agent took it over, false when it went back to the rules
   */
  public record Activation(
      String module,
      String operation,
      String capability,
      String agentId,
      boolean activated,
      Instant at) {}

  /** A registered agent. */
  public record Agent(String agentId, Set<String> capabilities, TaskHandler handler, Instant at) {}

  private final TimeSource clock;
  private final ModuleBus bus;
  private final Map<String, Status> reserved = new LinkedHashMap<>();
  private final Map<String, Agent> agents = new LinkedHashMap<>();
  private final List<Activation> activations = new ArrayList<>();

  ReservedInterfaces(TimeSource clock, ModuleBus bus) {
    this.clock = clock;
    this.bus = bus;
  }

  /** Declares a reserved interface (modules' declarations, at registration). */
  synchronized void reserve(
      String module, String operation, String capability, String description) {
    reserved.put(
        key(module, operation), new Status(module, operation, capability, description, "rules"));
    agents.values().stream()
        .filter(a -> a.capabilities().contains(capability))
        .findFirst()
        .ifPresent(a -> activate(key(module, operation), a));
  }

  /** Removes a module's reserved interfaces (when it is unregistered). */
  synchronized void release(String module) {
    reserved.values().removeIf(s -> s.module().equals(module));
  }

  /**
   * Registers an agent with its capabilities; every reserved interface of those capabilities that
   * the rules still serve is handed to it. Returns the activations.
   */
  public synchronized List<Activation> register(
      String agentId, Set<String> capabilities, TaskHandler handler) {
    Agent agent = new Agent(agentId, Set.copyOf(capabilities), handler, clock.now());
    agents.put(agentId, agent);
    List<Activation> out = new ArrayList<>();
    for (Map.Entry<String, Status> e : List.copyOf(reserved.entrySet())) {
      Status s = e.getValue();
      if ("rules".equals(s.servedBy()) && capabilities.contains(s.capability())) {
        out.add(activate(e.getKey(), agent));
      }
    }
    return out;
  }

  /**
   * Unregisters an agent; what it served goes to another agent with the capability, or back to the
   * rules. Returns the deactivations.
   */
  public synchronized List<Activation> unregister(String agentId) {
    Agent gone = agents.remove(agentId);
    List<Activation> out = new ArrayList<>();
    if (gone == null) {
      return out;
    }
    for (Map.Entry<String, Status> e : List.copyOf(reserved.entrySet())) {
      Status s = e.getValue();
      if (agentId.equals(s.servedBy())) {
        reserved.put(
            e.getKey(),
            new Status(s.module(), s.operation(), s.capability(), s.description(), "rules"));
        out.add(record(s, agentId, false));
        agents.values().stream()
            .filter(a -> a.capabilities().contains(s.capability()))
            .findFirst()
            .ifPresent(a -> activate(e.getKey(), a));
      }
    }
    return out;
  }

  /** The agent serving {@code module.operation}, if an agent does. */
  public synchronized Optional<TaskHandler> agentFor(String module, String operation) {
    Status s = reserved.get(key(module, operation));
    if (s == null || "rules".equals(s.servedBy())) {
      return Optional.empty();
    }
    return Optional.of(agents.get(s.servedBy()).handler());
  }

  /** Every reserved interface and who serves it. */
  public synchronized List<Status> interfaces() {
    return List.copyOf(reserved.values());
  }

  /** The registered agents. */
  public synchronized List<Agent> agents() {
    return List.copyOf(agents.values());
  }

  /** Every activation and deactivation so far, oldest first. */
  public synchronized List<Activation> activations() {
    return List.copyOf(activations);
  }

  private Activation activate(String key, Agent agent) {
    Status s = reserved.get(key);
    reserved.put(
        key,
        new Status(s.module(), s.operation(), s.capability(), s.description(), agent.agentId()));
    return record(s, agent.agentId(), true);
  }

  private Activation record(Status s, String agentId, boolean activated) {
    Activation a =
        new Activation(s.module(), s.operation(), s.capability(), agentId, activated, clock.now());
    activations.add(a);
    LOG.info(
        "reserved interface {}.{} ({}) {} agent {}",
        s.module(),
        s.operation(),
        s.capability(),
        activated ? "activated: served by" : "deactivated: back to the rules from",
        agentId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("module", s.module());
    data.put("operation", s.operation());
    data.put("capability", s.capability());
    data.put("agentId", agentId);
    bus.publish("hub", activated ? "hub.interface.activated" : "hub.interface.deactivated", data);
    return a;
  }

  private static String key(String module, String operation) {
    return module + "." + operation;
  }
}

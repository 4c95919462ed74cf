package io.baton.modules;

import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.modules.ModuleMessage.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inter-module communication (the seeds' communication broker): requests from one module to another
 * with a correlation id, broadcasts, events, and subscriptions by event type. Every message is
 * logged (slf4j logger {@code io.baton.modules.bus}) and kept in a bounded history.
 *
 * <pre>{@code
 * hub.bus().subscribe("trace", Set.of("plan.created"), message -> …);
 * Object context = hub.bus().send("plan", "context", "get-context", Map.of("contextId", id));
 * }</pre>
 */
public final class ModuleBus {
  private static final Logger LOG = LoggerFactory.getLogger("io.baton.modules.bus");
  private static final int HISTORY = 1_000;

  private record Subscription(String subscriber, Set<String> types, Consumer<ModuleMessage> to) {
    boolean wants(String type) {
      for (String t : types) {
        if (t.equals("*")
            || t.equals(type)
            || (t.endsWith(".*") && type.startsWith(t.substring(0, t.length() - 1)))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Carries out a request: (target module, operation, payload) → result. */
  @FunctionalInterface
  interface Router {
    Object route(String to, String operation, Map<String, Object> payload);
  }

  private final TimeSource clock;
  private final IdGenerator ids;
  private final Router router;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Deque<ModuleMessage> history = new ArrayDeque<>();

  ModuleBus(TimeSource clock, IdGenerator ids, Router router) {
    this.clock = clock;
    this.ids = ids;
    this.router = router;
  }

  /**
   * Sends a request from module {@code from} to operation {@code operation} of module {@code to},
   * and returns the target's result. The request and its outcome are logged under one correlation
   * id.
   */
  public Object send(String from, String to, String operation, Map<String, Object> payload) {
    String correlationId = ids.newId();
    try {
      Object result = router.route(to, operation, payload);
      log(message(correlationId, Kind.REQUEST, from, to, operation, payload, "answered"));
      return result;
    } catch (RuntimeException e) {
      log(
          message(
              correlationId,
              Kind.REQUEST,
              from,
              to,
              operation,
              payload,
              "failed: " + e.getMessage()));
      throw e;
    }
  }

  /**
   * Sends {@code payload} to every subscriber of {@code type}; returns how many received it. A
   * subscriber that fails does not stop the others.
   */
  public int broadcast(String from, String type, Map<String, Object> payload) {
    return deliver(Kind.BROADCAST, from, type, payload);
  }

  /** Publishes an event of module {@code source}; returns how many subscribers received it. */
  public int publish(String source, String type, Map<String, Object> data) {
    return deliver(Kind.EVENT, source, type, data);
  }

  /**
   * Subscribes module {@code subscriber} to the event types {@code types} ({@code plan.created},
   * {@code plan.*}, or {@code *}).
   */
  public void subscribe(String subscriber, Set<String> types, Consumer<ModuleMessage> handler) {
    subscriptions.add(new Subscription(subscriber, Set.copyOf(types), handler));
  }

  /** Removes every subscription of {@code subscriber}; returns how many there were. */
  public int unsubscribe(String subscriber) {
    List<Subscription> gone = new ArrayList<>();
    subscriptions.forEach(
        s -> {
          if (s.subscriber().equals(subscriber)) gone.add(s);
        });
    subscriptions.removeAll(gone);
    return gone.size();
  }

  /** The last {@code limit} messages, oldest first. */
  public synchronized List<ModuleMessage> history(int limit) {
    List<ModuleMessage> all = new ArrayList<>(history);
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }

  private int deliver(Kind kind, String from, String type, Map<String, Object> payload) {
    ModuleMessage m = message(ids.newId(), kind, from, null, type, payload, "delivered");
    int delivered = 0;
    for (Subscription s : subscriptions) {
      if (s.wants(type)) {
        try {
          s.to().accept(m);
          delivered++;
        } catch (RuntimeException e) {
          LOG.warn("subscriber {} failed on {} {} from {}", s.subscriber(), kind, type, from, e);
        }
      }
    }
    log(m);
    return delivered;
  }

  private ModuleMessage message(
      String correlationId,
      Kind kind,
      String from,
      String to,
      String type,
      Map<String, Object> payload,
      String outcome) {
    return new ModuleMessage(
        ids.newId(),
        correlationId,
        kind,
        from,
        to,
        type,
        payload == null ? Map.of() : payload,
        clock.now(),
        outcome);
  }

  private synchronized void log(ModuleMessage m) {
    LOG.debug(
        "{} {} {} → {} [{}] {}",
        m.kind(),
        m.type(),
        m.from(),
        m.to() == null ? "*" : m.to(),
        m.correlationId(),
        m.outcome());
    history.addLast(m);
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
  }
}

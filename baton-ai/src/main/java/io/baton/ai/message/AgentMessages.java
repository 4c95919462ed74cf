package io.baton.ai.message;

import io.baton.ai.internal.JsonCodec;
import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.StoredMessage;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.WaitKind;
import io.baton.api.spi.RunListener;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages between the agents of a run: send to one agent, broadcast on a topic, subscribe, read —
 * kept in the {@link ConversationStore}, so that a recovered run still has them. A step waits for a
 * message with the engine's {@code wait} step on the event {@code message:<topic>} with the run's
 * id as correlation key:
 *
 * <pre>{@code
 * - id: verdict
 *   type: wait
 *   event: {name: "message:review", correlationKey: "${run.id}"}
 * }</pre>
 *
 * Each message on a topic wakes the steps of the run waiting on it at that moment (the message is
 * the step's output, and the engine journals it with the wait); a step that starts waiting when a
 * message on its topic was sent and no waiting step received it yet gets that message at once, the
 * oldest first. In Java:
 *
 * <pre>{@code
 * AgentMessages messages = ai.messages();
 * messages.send(runId, "msg-1", "planner", "writer", "outline", "Three sections");
 * List<AgentMessage> inbox = messages.read(runId, "writer", null, 0);
 * }</pre>
 */
public final class AgentMessages implements RunListener {
  /** The prefix of the engine event a message on a topic is delivered as. */
  public static final String EVENT_PREFIX = "message:";

  /** The topic of direct messages sent without one. */
  public static final String DIRECT = "direct";

  private static final Logger LOG = LoggerFactory.getLogger(AgentMessages.class);

  private final ConversationStore store;
  private final TimeSource clock;
  private final Supplier<Baton> engine;

  /**
   * @param store where messages are kept
   * @param clock stamps messages
   * @param engine the engine whose waiting steps messages wake (null until attached)
   */
  public AgentMessages(ConversationStore store, TimeSource clock, Supplier<Baton> engine) {
    this.store = store;
    this.clock = clock;
    this.engine = engine;
  }

  /**
   * Sends a message and wakes the steps of the run waiting on its topic.
   *
   * @param messageId unique per message; sending the same id again sends nothing (a re-executed
   *     step's tool call uses its idempotency key)
   * @param to the receiving agent, or null to broadcast to the topic's subscribers
   * @param topic what it is about; null for {@link #DIRECT}
   * @return the message as stored
   */
  public AgentMessage send(
      String runId, String messageId, String from, String to, String topic, Object content) {
    Objects.requireNonNull(from, "from");
    String on = topic == null || topic.isBlank() ? DIRECT : topic;
    if (to == null && on.equals(DIRECT)) {
      throw new IllegalArgumentException(
          "a broadcast needs a topic (message " + messageId + " from " + from + ")");
    }
    AgentMessage draft = new AgentMessage(0, on, from, to, content, clock.now().toString());
    long seq = store.appendMessage(runId, messageId, on, JsonCodec.write(draft.toMap()));
    AgentMessage sent = find(runId, seq);
    Baton baton = engine.get();
    if (baton != null && baton.signal(EVENT_PREFIX + on, runId, sent.toMap()) > 0) {
      store.markDelivered(runId, seq, true);
    }
    return sent;
  }

  /** Adds {@code topic} to what {@code agent} reads when it reads without a topic. */
  public void subscribe(String runId, String agent, String topic) {
    store.subscribe(runId, agent, topic);
  }

  /**
   * The messages {@code reader} sees numbered after {@code afterSeq}: on {@code topic} (broadcasts,
   * and those addressed to it), or with a null topic its direct messages and the broadcasts of the
   * topics it subscribed to. Never its own.
   */
  public List<AgentMessage> read(String runId, String reader, String topic, long afterSeq) {
    Set<String> subscribed = topic == null ? store.subscriptions(runId, reader) : Set.of();
    return store.messages(runId, afterSeq).stream()
        .map(AgentMessages::message)
        .filter(m -> m.addressedTo(reader, topic, subscribed))
        .toList();
  }

  /**
   * A step began waiting: when it waits for a message that was sent before and that no step
   * received yet, it gets it (on another thread: this one is the run's decider).
   */
  @Override
  public void onEvent(JournalEntry entry) {
    if (!(entry.event() instanceof StepWaiting w)
        || w.kind() != WaitKind.EVENT
        || !(w.details().get("event") instanceof String event)
        || !event.startsWith(EVENT_PREFIX)
        || !entry.runId().equals(w.details().get("correlationKey"))) {
      return;
    }
    String topic = event.substring(EVENT_PREFIX.length());
    Thread.ofVirtual()
        .name("message-delivery-" + w.waitId())
        .start(() -> deliverWaiting(entry.runId(), topic, w.waitId()));
  }

  private void deliverWaiting(String runId, String topic, String waitId) {
    try {
      for (StoredMessage m : store.messages(runId, 0)) {
        if (m.delivered()
            || !m.topic().equals(topic)
            || !store.markDelivered(runId, m.seq(), true)) {
          continue;
        }
        AgentMessage message = message(m);
        if (!engine.get().submitInput(waitId, message.toMap(), "message:" + message.from())) {
          // a message sent meanwhile woke the step: this one stays for the next waiting step
          store.markDelivered(runId, m.seq(), false);
        }
        return;
      }
    } catch (RuntimeException e) {
      LOG.warn("run {}: could not hand a message on '{}' to wait {}", runId, topic, waitId, e);
    }
  }

  private AgentMessage find(String runId, long seq) {
    return store.messages(runId, seq - 1).stream()
        .filter(m -> m.seq() == seq)
        .findFirst()
        .map(AgentMessages::message)
        .orElseThrow(() -> new IllegalStateException("message " + seq + " of " + runId + " lost"));
  }

  private static AgentMessage message(StoredMessage m) {
    Map<String, Object> fields = JsonCodec.readObject(m.json());
    return AgentMessage.fromMap(m.seq(), fields);
  }
}

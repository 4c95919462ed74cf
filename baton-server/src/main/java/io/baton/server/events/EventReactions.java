package io.baton.server.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a new event on the bus calls for, each a reaction of its own in the {@link EventOutbox}, in
 * order: {@code waits} — the runs of its namespace waiting for it with its correlation key wake up
 * (an answered wait takes no second answer); {@code trigger:<id>} — each trigger whose type it
 * matches starts its workflow (once per trigger and event id, see {@link TriggerFiring}); {@code
 * correlations} — the rules it completes publish their composite events (whose ids make them once
 * only), which react in turn; then {@code <name>:<receiver>} for each receiver an {@link
 * OutboxSubscriber} has for it — {@code route:<id>}, each route whose type it matches, which
 * delivers it to its webhook (the receiver drops a second delivery by the event id it is sent), or
 * {@code alert-webhook:…}, {@code alert-email:…}. The subscribers' reactions run on the outbox's
 * own thread.
 */
@Component
public class EventReactions {
  static final String WAITS = "waits";
  static final String CORRELATIONS = "correlations";
  static final String TRIGGER = "trigger:";

  private final EventWaits waits;
  private final EventTriggers triggers;
  private final TriggerFiring firing;
  private final CorrelationRules correlations;
  private final ObjectProvider<OutboxSubscriber> subscribers;
  private final int attempts;

  EventReactions(
      EventWaits waits,
      EventTriggers triggers,
      TriggerFiring firing,
      CorrelationRules correlations,
      ObjectProvider<OutboxSubscriber> subscribers,
      @Value("${baton.events.reaction-attempts:5}") int attempts) {
    this.waits = waits;
    this.triggers = triggers;
    this.firing = firing;
    this.correlations = correlations;
    this.subscribers = subscribers;
    this.attempts = Math.max(1, attempts);
  }

  /**
   * What the reactions did.
   *
   * @param deliveredToRuns how many waiting runs received the event
   * @param startedRuns the runs triggers started
   * @param composites the ids of the composite events correlation rules published
   */
  public record Outcome(int deliveredToRuns, List<String> startedRuns, List<String> composites) {
    /** Nothing happened (a duplicate). */
    public static final Outcome NONE = new Outcome(0, List.of(), List.of());
  }

  /**
   * Whether {@code reaction} runs on the outbox's thread rather than the publisher's: a
   * subscriber's, which calls out and should not hold the publisher up.
   */
  static boolean deferred(String reaction) {
    return !reaction.equals(WAITS)
        && !reaction.equals(CORRELATIONS)
        && !reaction.startsWith(TRIGGER);
  }

  /** What the reactions of one event did so far. */
  static final class Tally {
    private int delivered;
    private final List<String> started = new ArrayList<>();
    private final List<String> composites = new ArrayList<>();

    Outcome outcome() {
      return new Outcome(delivered, List.copyOf(started), List.copyOf(composites));
    }
  }

  /** The reactions {@code event} calls for, in the order they run. */
  List<String> reactionsTo(SystemEvent event) {
    List<String> out = new ArrayList<>();
    out.add(WAITS);
    for (EventTrigger trigger : triggers.matching(event)) {
      out.add(TRIGGER + trigger.id());
    }
    if (correlations.concern(event)) {
      out.add(CORRELATIONS);
    }
    subscribers
        .orderedStream()
        .forEach(s -> s.receiversOf(event).forEach(r -> out.add(s.name() + ":" + r)));
    return out;
  }

  /**
   * Runs {@code reaction} for {@code event}, adding what it did to {@code tally}; throws on
   * failure.
   */
  void run(String reaction, SystemEvent event, Tally tally) {
    if (reaction.equals(WAITS)) {
      tally.delivered += waits.wake(event);
    } else if (reaction.equals(CORRELATIONS)) {
      for (EventBus.Publication p : correlations.complete(event)) {
        tally.composites.add(p.event().id());
      }
    } else if (reaction.startsWith(TRIGGER)) {
      String id = reaction.substring(TRIGGER.length());
      Optional<EventTrigger> trigger = triggers.find(event.namespace(), id);
      if (trigger.isPresent()) {
        firing.fire(trigger.get(), event).ifPresent(tally.started::add);
      } else {
        firing.abandon(id, event, "trigger " + id + " was deleted before its run started");
      }
    } else {
      Subscribed subscribed = subscribed(reaction);
      subscribed.subscriber().deliver(subscribed.receiver(), event);
    }
  }

  /**
   * Called when {@code reaction} goes to the dead letters with {@code error}: a trigger's start is
   * given up ({@link TriggerFiring#abandon}).
   */
  void gaveUp(String reaction, SystemEvent event, String error) {
    if (reaction.startsWith(TRIGGER)) {
      firing.abandon(reaction.substring(TRIGGER.length()), event, error);
    }
  }

  /**
   * How many attempts {@code reaction} gets before it goes to the dead letters: a trigger's own
   * {@code maxAttempts}, a subscriber's (a route's {@code maxAttempts}, …), else {@code
   * baton.events.reaction-attempts} (5).
   */
  int attemptsAllowed(String reaction, SystemEvent event) {
    if (reaction.startsWith(TRIGGER)) {
      return triggers
          .find(event.namespace(), reaction.substring(TRIGGER.length()))
          .map(EventTrigger::maxAttempts)
          .orElse(attempts);
    }
    if (deferred(reaction)) {
      Subscribed subscribed = subscribed(reaction);
      return Math.max(1, subscribed.subscriber().attempts(subscribed.receiver(), event));
    }
    return attempts;
  }

  private record Subscribed(OutboxSubscriber subscriber, String receiver) {}

  /** The subscriber and receiver of reaction {@code <name>:<receiver>}. */
  private Subscribed subscribed(String reaction) {
    int colon = reaction.indexOf(':');
    String name = colon < 0 ? reaction : reaction.substring(0, colon);
    return subscribers
        .orderedStream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .map(s -> new Subscribed(s, reaction.substring(colon + 1)))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no reaction is called '"
                        + reaction
                        + "': none of the bus's own (waits, trigger:<id>, correlations) nor of a"
                        + " subscriber of this server"));
  }
}

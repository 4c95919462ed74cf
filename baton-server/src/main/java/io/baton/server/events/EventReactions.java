package io.baton.server.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What happens to a new event on the bus, in order: the runs of its namespace waiting for it with
 * its correlation key wake up, the triggers it matches start their workflows, and the correlation
 * rules it completes publish their composite events (which react in turn).
 */
@Component
public class EventReactions {
  private final EventWaits waits;
  private final TriggerFiring triggers;
  private final CorrelationRules correlations;

  EventReactions(EventWaits waits, TriggerFiring triggers, CorrelationRules correlations) {
    this.waits = waits;
    this.triggers = triggers;
    this.correlations = correlations;
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

  /** Delivers a newly published event. */
  public Outcome react(SystemEvent event) {
    int delivered = waits.wake(event);
    List<String> started = triggers.fire(event);
    List<String> composites = new ArrayList<>();
    for (EventBus.Publication p : correlations.complete(event)) {
      composites.add(p.event().id());
    }
    return new Outcome(delivered, started, composites);
  }
}

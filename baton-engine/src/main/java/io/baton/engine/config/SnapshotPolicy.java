package io.baton.engine.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the engine takes snapshots of runs by itself, and whether it compacts their journals to
 * them: the {@code snapshots} section of the engine configuration (seed 002's "full snapshot at key
 * points").
 *
 * @param everyEvents a snapshot each time a run's journal reaches a multiple of this many events (0
 *     = never; {@code snapshots.every_events})
 * @param onSuspend a snapshot when a step of a run starts waiting for a human, a timer or an event
 *     ({@code snapshots.on_suspend})
 * @param atSteps a snapshot when a step with one of these ids is scheduled, labelled {@code
 *     auto:before-step:<path>} ({@code snapshots.at_steps})
 * @param compact whether each automatic snapshot also compacts the run's journal: the events it
 *     holds leave the journal, which then stays about {@code everyEvents} long however long the run
 *     ({@code snapshots.compact})
 * @param keep how many automatic snapshots of a run are kept, the newest; older ones are deleted as
 *     new ones are taken. Manual snapshots are always kept ({@code snapshots.keep})
 */
public record SnapshotPolicy(
    int everyEvents, boolean onSuspend, Set<String> atSteps, boolean compact, int keep) {

  /** No automatic snapshots (the default). */
  public static final SnapshotPolicy NONE = new SnapshotPolicy(0, false, Set.of(), false, 3);

  /** The option keys {@link EngineConfigLoader} fills from the {@code snapshots} section. */
  static final List<String> KEYS =
      List.of("every_events", "on_suspend", "at_steps", "compact", "keep");

  public SnapshotPolicy {
    if (everyEvents < 0) {
      throw new IllegalArgumentException(
          "snapshots.every_events must be 0 (never) or positive, was " + everyEvents);
    }
    if (keep < 1) {
      throw new IllegalArgumentException(
          "snapshots.keep must be at least 1 (the newest snapshot holds a compacted journal's"
              + " events), was "
              + keep);
    }
    atSteps = atSteps == null ? Set.of() : Set.copyOf(atSteps);
  }

  /** Whether the engine takes any snapshot by itself. */
  public boolean automatic() {
    return everyEvents > 0 || onSuspend || !atSteps.isEmpty();
  }

  /** The policy of an engine configuration's {@code snapshots.*} options. */
  public static SnapshotPolicy of(EngineConfig config) {
    Map<String, Object> o = config.options();
    Object steps = o.get("snapshots.at_steps");
    return new SnapshotPolicy(
        o.get("snapshots.every_events") instanceof Number n ? n.intValue() : NONE.everyEvents(),
        Boolean.TRUE.equals(o.get("snapshots.on_suspend")),
        steps instanceof Collection<?> c ? toStrings(c) : Set.of(),
        Boolean.TRUE.equals(o.get("snapshots.compact")),
        o.get("snapshots.keep") instanceof Number n ? n.intValue() : NONE.keep());
  }

  private static Set<String> toStrings(Collection<?> values) {
    return Set.copyOf(values.stream().map(String::valueOf).toList());
  }
}

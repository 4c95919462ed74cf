package io.baton.server.execution;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunView;
import io.baton.api.spi.RunListener;
import io.baton.api.store.RunRecord;
import io.baton.engine.Baton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The views of ended runs, kept so that opening a finished run does not rebuild it from its journal
 * each time (a 1,000-branch map has 4,005 events to decode and fold). An ended run changes only
 * when it is retried, and a retry saves its record with a new version and journals new events: a
 * kept view is served only while the run's record still has the version it was kept at, and any
 * event of the run this server hears drops it. Only ended runs are kept — never a live run, which
 * may belong to another node.
 *
 * <p>Bounded by the number of steps the kept views hold together ({@code
 * baton.executions.ended-views.max-steps}); the least recently read goes first, and a view larger
 * than the bound is not kept.
 */
@Component
public class EndedRunViews implements RunListener {
  private final long maxSteps;
  private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
  // every run's events pass here: most are of runs not kept, told apart without taking the lock
  private final Set<String> keptIds = ConcurrentHashMap.newKeySet();
  private long steps;

  private record Kept(long recordVersion, RunView view) {
    long weight() {
      return view.steps().size() + 1L;
    }
  }

  /**
   * @param maxSteps how many steps the kept views may hold together; 0 keeps none
   */
  public EndedRunViews(long maxSteps) {
    if (maxSteps < 0) {
      throw new IllegalArgumentException(
          "baton.executions.ended-views.max-steps must be 0 (keep none) or more, was " + maxSteps);
    }
    this.maxSteps = maxSteps;
  }

  @Autowired
  EndedRunViews(
      Baton baton, @Value("${baton.executions.ended-views.max-steps:20000}") long maxSteps) {
    this(maxSteps);
    baton.addListener(this);
  }

  /**
   * The view of a run: the kept one when the run has ended and its record has not changed since,
   * else the one {@code read} gives (kept when the run has ended).
   *
   * @param record the run's record as stored now, empty when it has none
   * @param read reads the run's current view
   */
  public RunView view(String runId, Optional<RunRecord> record, Supplier<RunView> read) {
    boolean ended = record.isPresent() && record.get().status().isTerminal();
    if (ended) {
      RunView view = keptView(runId, record.get().version());
      if (view != null) {
        return view;
      }
    }
    RunView view = read.get();
    // The record was read first: a view read after it is at least as new, so a later version can
    // only make it miss, never serve something older than the record.
    if (ended && view.status().isTerminal()) {
      keep(runId, new Kept(record.get().version(), view));
    }
    return view;
  }

  private synchronized RunView keptView(String runId, long version) {
    Kept k = kept.get(runId);
    if (k == null) {
      return null;
    }
    if (k.recordVersion() != version) {
      drop(runId);
      return null;
    }
    return k.view();
  }

  private synchronized void keep(String runId, Kept k) {
    drop(runId);
    if (k.weight() > maxSteps) {
      return;
    }
    kept.put(runId, k);
    keptIds.add(runId);
    steps += k.weight();
    var eldest = kept.entrySet().iterator();
    while (steps > maxSteps && eldest.hasNext()) {
      var e = eldest.next();
      steps -= e.getValue().weight();
      keptIds.remove(e.getKey());
      eldest.remove();
    }
  }

  private synchronized void drop(String runId) {
    Kept k = kept.remove(runId);
    if (k != null) {
      steps -= k.weight();
      keptIds.remove(runId);
    }
  }

  /** How many views are kept. */
  public synchronized int size() {
    return kept.size();
  }

  /** A run that has journaled something is no longer what was kept of it. */
  @Override
  public void onEvent(JournalEntry entry) {
    if (keptIds.contains(entry.runId())) {
      drop(entry.runId());
    }
  }
}

package io.baton.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where new runs are decided (seed 004's load-balanced strategy): on the live node that holds the
 * fewest run leases, this node when it is among the fewest. The counts come from the tables at each
 * heartbeat, and each run placed since counts at once, so that a burst of starts on one node
 * spreads evenly rather than all going to the node that was idlest a heartbeat ago.
 */
final class RunPlacement {
  private final String self;
  private Map<String, Integer> leases = new TreeMap<>();

  RunPlacement(String self) {
    this.self = self;
  }

  /** The leases each live node held at the last heartbeat. */
  synchronized void refresh(Map<String, Integer> leasesByLiveNode) {
    leases = new TreeMap<>(leasesByLiveNode); // ties go to the first by id
  }

  /** The node to decide a new run: null for this node; counts the run against the one chosen. */
  synchronized String choose() {
    String best = self;
    int fewest = leases.getOrDefault(self, 0);
    for (var node : leases.entrySet()) {
      if (node.getValue() < fewest) {
        best = node.getKey();
        fewest = node.getValue();
      }
    }
    leases.merge(best, 1, Integer::sum);
    return best.equals(self) ? null : best;
  }
}

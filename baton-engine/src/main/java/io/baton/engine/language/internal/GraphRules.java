package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.CYCLE;
import static io.baton.engine.language.DiagnosticCodes.UNREACHABLE;

import io.baton.api.definition.EndStep;
import io.baton.api.definition.StartStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of each scope's graph: no cycles (printed as {@code a -> b -> c -> a}), no step after
 * an {@code end} step, and, when there is a {@code start} step, a warning for the steps that do not
 * follow it.
 */
final class GraphRules {

  void check(StepIndex index, Findings out) {
    for (StepScope scope : index.scopes()) {
      ScopeGraph graph = index.graph(scope);
      cycles(graph, out);
      afterEnd(scope, out);
      notFromStart(graph, out);
    }
  }

  private static void cycles(ScopeGraph graph, Findings out) {
    Set<String> remaining = inCyclesOrAfter(graph);
    Set<String> covered = new HashSet<>();
    Set<Set<String>> reported = new HashSet<>();
    for (StepEntry e : graph.scope().entries()) {
      if (remaining.contains(e.id()) && !covered.contains(e.id())) {
        List<ScopeGraph.Edge> cycle = cycleBehind(graph, e.id(), remaining, covered);
        if (cycle.isEmpty()) {
          continue;
        }
        Set<String> nodes = new HashSet<>();
        cycle.forEach(edge -> nodes.add(edge.from()));
        if (reported.add(nodes)) {
          out.add(describe(graph.scope(), cycle));
        }
      }
    }
  }

  /** Kahn's algorithm: what is left after removing every step with no remaining predecessor. */
  private static Set<String> inCyclesOrAfter(ScopeGraph graph) {
    Map<String, Integer> indegree = new HashMap<>();
    graph.scope().ids().forEach(id -> indegree.put(id, graph.incoming(id).size()));
    List<String> ready = new ArrayList<>();
    indegree.forEach(
        (id, n) -> {
          if (n == 0) {
            ready.add(id);
          }
        });
    Set<String> remaining = new LinkedHashSet<>(graph.scope().ids());
    while (!ready.isEmpty()) {
      String id = ready.removeLast();
      remaining.remove(id);
      for (ScopeGraph.Edge edge : graph.outgoing(id)) {
        if (indegree.merge(edge.to(), -1, Integer::sum) == 0) {
          ready.add(edge.to());
        }
      }
    }
    return remaining;
  }

  /**
   * Walks predecessors from {@code start} within {@code remaining} until a step repeats: that loop
   * is a cycle.
   */
  private static List<ScopeGraph.Edge> cycleBehind(
      ScopeGraph graph, String start, Set<String> remaining, Set<String> covered) {
    List<ScopeGraph.Edge> path = new ArrayList<>();
    List<String> visited = new ArrayList<>(List.of(start));
    String at = start;
    while (true) {
      ScopeGraph.Edge back = null;
      for (ScopeGraph.Edge edge : graph.incoming(at)) {
        if (remaining.contains(edge.from())) {
          back = edge;
          break;
        }
      }
      if (back == null) {
        return path; // cannot happen: Kahn leaves only steps with a remaining predecessor
      }
      path.add(back);
      covered.add(at);
      int seen = visited.indexOf(back.from());
      if (seen >= 0) {
        List<ScopeGraph.Edge> cycle = new ArrayList<>(path.subList(seen, path.size()));
        Collections.reverse(cycle);
        return cycle;
      }
      visited.add(back.from());
      at = back.from();
    }
  }

  /** The finding for a cycle, told from its step defined first, at the reference that closes it. */
  private static Finding describe(StepScope scope, List<ScopeGraph.Edge> cycle) {
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (order(scope, cycle.get(i).from()) < order(scope, cycle.get(first).from())) {
        first = i;
      }
    }
    List<ScopeGraph.Edge> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
    rotated.addAll(cycle.subList(0, first));
    StringBuilder text = new StringBuilder(rotated.get(0).from());
    rotated.forEach(edge -> text.append(" -> ").append(edge.to()));
    ScopeGraph.Edge closing = rotated.getLast();
    return Finding.error(CYCLE, closing.pointer(), "steps wait for each other in a cycle: " + text)
        .step(closing.holder())
        .hint("\"x -> y\" means y waits for x; remove one of these references");
  }

  private static int order(StepScope scope, String id) {
    return scope.entries().indexOf(scope.get(id));
  }

  private static void afterEnd(StepScope scope, Findings out) {
    for (StepEntry e : scope.entries()) {
      for (StepTarget t : StepTarget.of(e)) {
        StepEntry target = scope.get(t.target());
        if (t.isDependency() && target != null && target.step() instanceof EndStep) {
          out.add(
              Finding.error(
                      UNREACHABLE,
                      t.pointer(),
                      "step \""
                          + e.id()
                          + "\" depends on the end step \""
                          + t.target()
                          + "\" and can never run: the run ends when \""
                          + t.target()
                          + "\" runs")
                  .step(e.id())
                  .hint("make \"" + t.target() + "\" depend on \"" + e.id() + "\" instead"));
        }
      }
    }
  }

  private static void notFromStart(ScopeGraph graph, Findings out) {
    StepEntry start =
        graph.scope().entries().stream()
            .filter(e -> e.step() instanceof StartStep)
            .findFirst()
            .orElse(null);
    if (start == null) {
      return;
    }
    Set<String> reached = graph.descendants(start.id());
    for (StepEntry e : graph.scope().entries()) {
      if (e != start && !reached.contains(e.id()) && graph.incoming(e.id()).isEmpty()) {
        out.add(
            Finding.warning(
                    UNREACHABLE,
                    e.pointer(),
                    "step \""
                        + e.id()
                        + "\" does not follow the start step \""
                        + start.id()
                        + "\": it (and what follows it) starts as soon as the run starts")
                .step(e.id())
                .hint("add \"" + start.id() + "\" (or a step after it) to its dependsOn"));
      }
    }
  }
}

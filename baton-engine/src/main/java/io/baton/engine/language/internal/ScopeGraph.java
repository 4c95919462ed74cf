package io.baton.engine.language.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The "runs before" graph of one scope. An edge {@code a -> b} means {@code b} waits for {@code a}:
 * {@code b} depends on {@code a}, or {@code b} is a {@code then} / {@code else} / case / default
 * target of {@code a}, or {@code b} is {@code a}'s {@code onError: {goto: b}} fallback. Only edges
 * between siblings are kept; references to other scopes are reported elsewhere.
 */
public final class ScopeGraph {

  /**
   * One edge.
   *
   * @param from the step that runs first
   * @param to the step that waits for it
   * @param pointer the canonical pointer of the reference that makes the edge
   * @param holder the step whose field holds the reference
   */
  public record Edge(String from, String to, String pointer, String holder) {}

  private final StepScope scope;
  private final List<Edge> edges = new ArrayList<>();
  private final Map<String, List<Edge>> out = new HashMap<>();
  private final Map<String, List<Edge>> in = new HashMap<>();

  private ScopeGraph(StepScope scope) {
    this.scope = scope;
  }

  /** The graph of {@code scope}. */
  public static ScopeGraph of(StepScope scope) {
    ScopeGraph graph = new ScopeGraph(scope);
    scope.entries().forEach(graph::addEdgesOf);
    return graph;
  }

  private void addEdgesOf(StepEntry e) {
    for (StepTarget t : StepTarget.of(e)) {
      if (t.isDependency()) {
        add(new Edge(t.target(), e.id(), t.pointer(), e.id()));
      } else {
        add(new Edge(e.id(), t.target(), t.pointer(), e.id()));
      }
    }
  }

  private void add(Edge edge) {
    if (scope.get(edge.from()) == null || scope.get(edge.to()) == null) {
      return;
    }
    edges.add(edge);
    out.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
    in.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge);
  }

  /** The scope. */
  public StepScope scope() {
    return scope;
  }

  /** Every edge, in definition order of the referencing field. */
  public List<Edge> edges() {
    return edges;
  }

  /** The edges into {@code id}. */
  public List<Edge> incoming(String id) {
    return in.getOrDefault(id, List.of());
  }

  /** The edges out of {@code id}. */
  public List<Edge> outgoing(String id) {
    return out.getOrDefault(id, List.of());
  }

  /**
   * Whether {@code ancestor} always runs before {@code id}; searches backwards and stops when it
   * finds it.
   */
  public boolean precedes(String ancestor, String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      for (Edge edge : incoming(todo.pop())) {
        if (edge.from().equals(ancestor)) {
          return true;
        }
        if (seen.add(edge.from())) {
          todo.add(edge.from());
        }
      }
    }
    return false;
  }

  /** The steps that run after {@code id}: its transitive successors. */
  public Set<String> descendants(String id) {
    return walk(id, n -> out.getOrDefault(n, List.of()).stream().map(Edge::to).toList());
  }

  private static Set<String> walk(String start, Function<String, List<String>> next) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(next.apply(start));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(next.apply(n));
      }
    }
    return seen;
  }
}

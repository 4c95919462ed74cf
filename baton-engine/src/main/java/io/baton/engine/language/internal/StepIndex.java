package io.baton.engine.language.internal;

import io.baton.api.definition.Branch;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every step of a definition, with its scope and canonical pointer: what the rules walk. */
public final class StepIndex {
  private final List<StepScope> scopes = new ArrayList<>();
  private final List<StepEntry> entries = new ArrayList<>();
  private final Map<StepEntry, List<StepScope>> children = new IdentityHashMap<>();
  private final Map<String, StepEntry> firstById = new LinkedHashMap<>();
  private final Map<StepScope, ScopeGraph> graphs = new IdentityHashMap<>();

  private StepIndex() {}

  /** The index of {@code definition}'s steps. */
  public static StepIndex of(WorkflowDefinition definition) {
    StepIndex index = new StepIndex();
    index.addScope(new StepScope("/steps", null, null), definition.steps());
    return index;
  }

  private void addScope(StepScope scope, List<StepDef> steps) {
    scopes.add(scope);
    if (scope.owner() != null) {
      children.computeIfAbsent(scope.owner(), k -> new ArrayList<>()).add(scope);
    }
    for (int i = 0; i < steps.size(); i++) {
      StepEntry entry = new StepEntry(steps.get(i), Pointer.child(scope.pointer(), i), scope);
      scope.add(entry);
      entries.add(entry);
      firstById.putIfAbsent(entry.id(), entry);
      addChildren(entry);
    }
  }

  private void addChildren(StepEntry entry) {
    switch (entry.step()) {
      case ParallelStep p -> {
        List<Branch> branches = p.branches();
        for (int b = 0; b < branches.size(); b++) {
          String at = entry.pointer() + "/branches/" + b + "/steps";
          addScope(new StepScope(at, entry, entry.scope()), branches.get(b).steps());
        }
      }
      case MapStep m -> addScope(new StepScope(entry.at("steps"), entry, entry.scope()), m.steps());
      case LoopStep l ->
          addScope(new StepScope(entry.at("steps"), entry, entry.scope()), l.steps());
      default -> {}
    }
  }

  /** Every scope, the top level first. */
  public List<StepScope> scopes() {
    return scopes;
  }

  /** Every step, depth first in definition order. */
  public List<StepEntry> entries() {
    return entries;
  }

  /** The scopes a container step holds (branches, body); empty for simple steps. */
  public List<StepScope> childScopes(StepEntry entry) {
    return children.getOrDefault(entry, List.of());
  }

  /** The first step with id {@code id} anywhere in the definition, or null. */
  public StepEntry find(String id) {
    return firstById.get(id);
  }

  /** The "runs before" graph of {@code scope}, built once. */
  public ScopeGraph graph(StepScope scope) {
    return graphs.computeIfAbsent(scope, ScopeGraph::of);
  }

  /** Every step id of the definition, in definition order. */
  public List<String> allIds() {
    return List.copyOf(firstById.keySet());
  }
}

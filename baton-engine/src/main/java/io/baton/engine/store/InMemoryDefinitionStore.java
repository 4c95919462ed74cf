package io.baton.engine.store;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.store.DefinitionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflow definitions in memory; the latest version is the last saved. */
public final class InMemoryDefinitionStore implements DefinitionStore {
  private final Map<String, LinkedHashMap<String, WorkflowDefinition>> byId = new LinkedHashMap<>();

  @Override
  public synchronized void save(WorkflowDefinition definition) {
    LinkedHashMap<String, WorkflowDefinition> versions =
        byId.computeIfAbsent(definition.id(), k -> new LinkedHashMap<>());
    versions.remove(definition.version());
    versions.put(definition.version(), definition);
  }

  @Override
  public synchronized Optional<WorkflowDefinition> find(String workflowId, String version) {
    var versions = byId.get(workflowId);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  @Override
  public synchronized Optional<WorkflowDefinition> latest(String workflowId) {
    var versions = byId.get(workflowId);
    return versions == null || versions.isEmpty()
        ? Optional.empty()
        : Optional.of(versions.lastEntry().getValue());
  }

  @Override
  public synchronized List<WorkflowDefinition> list() {
    List<WorkflowDefinition> out = new ArrayList<>();
    byId.values().forEach(v -> out.add(v.lastEntry().getValue()));
    return out;
  }
}

package io.baton.api.store;

import io.baton.api.definition.WorkflowDefinition;
import java.util.List;
import java.util.Optional;

/** Workflow definitions by id and version; runs pin the version they start with. */
public interface DefinitionStore {

  /** Stores a definition under its id and version (replacing the same version). */
  void save(WorkflowDefinition definition);

  /** A given version. */
  Optional<WorkflowDefinition> find(String workflowId, String version);

  /** The most recently saved version. */
  Optional<WorkflowDefinition> latest(String workflowId);

  /** The latest version of every workflow. */
  List<WorkflowDefinition> list();
}

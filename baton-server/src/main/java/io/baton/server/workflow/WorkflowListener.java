package io.baton.server.workflow;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.server.security.Caller;

/**
 * Hears of workflows being saved and deleted, to keep what the definitions declare (event triggers)
 * in step; beans of this type are called by {@link WorkflowService}.
 */
public interface WorkflowListener {

  /**
   * Checks a definition before it is saved; throws an {@link io.baton.server.api.ApiError} pointing
   * into the definition to refuse it.
   */
  void check(Caller caller, WorkflowDefinition definition);

  /** A version of the definition was saved (created or updated). */
  void saved(Caller caller, WorkflowDefinition definition);

  /** The workflow was deleted. */
  void deleted(Caller caller, String workflowId);
}

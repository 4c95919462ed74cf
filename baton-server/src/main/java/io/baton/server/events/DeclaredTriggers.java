package io.baton.server.events;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowListener;
import org.springframework.stereotype.Component;

/**
 * The event triggers workflows declare in {@code metadata.triggers}: checked with the definition,
 * replaced by each saved version (the latest version's declaration holds), removed with the
 * workflow.
 */
@Component
class DeclaredTriggers implements WorkflowListener {
  private final EventTriggers triggers;

  DeclaredTriggers(EventTriggers triggers) {
    this.triggers = triggers;
  }

  @Override
  public void check(Caller caller, WorkflowDefinition definition) {
    triggers.declared(caller, definition.id(), definition.metadata().get("triggers"));
  }

  @Override
  public void saved(Caller caller, WorkflowDefinition definition) {
    triggers.replaceDeclared(
        caller.namespace(),
        definition.id(),
        triggers.declared(caller, definition.id(), definition.metadata().get("triggers")));
  }

  @Override
  public void deleted(Caller caller, String workflowId) {
    triggers.replaceDeclared(caller.namespace(), workflowId, java.util.List.of());
  }
}

package io.baton.server.ai;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowListener;
import org.springframework.stereotype.Component;

/**
 * Keeps workflows to their namespace's agents: a definition whose step names ({@code agent:}) an
 * agent another namespace registered is refused when it is saved, as if the agent did not exist.
 */
@Component
class AgentReferences implements WorkflowListener {
  private final AgentCatalog agents;

  AgentReferences(AgentCatalog agents) {
    this.agents = agents;
  }

  @Override
  public void check(Caller caller, WorkflowDefinition definition) {
    for (StepDef step : definition.allSteps()) {
      if (step instanceof CustomStep custom && custom.config().get("agent") instanceof String ref) {
        String name = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
        if (agents.ownedElsewhere(name, caller.namespace())) {
          throw ApiError.badField(
              "/steps",
              "unknown-agent",
              "step '"
                  + custom.id()
                  + "' names agent '"
                  + ref
                  + "', which this namespace does not have");
        }
      }
    }
  }

  @Override
  public void saved(Caller caller, WorkflowDefinition definition) {}

  @Override
  public void deleted(Caller caller, String workflowId) {}
}

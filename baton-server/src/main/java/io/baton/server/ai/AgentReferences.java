package io.baton.server.ai;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowListener;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps workflows to their namespace's agents: a definition whose step names ({@code agent:}, or a
 * team step's {@code agents:} members) an agent another namespace registered is refused when it is
 * saved, as if the agent did not exist; the error names the step and the member.
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
      if (!(step instanceof CustomStep custom)) {
        continue;
      }
      if (custom.config().get("agent") instanceof String ref) {
        refuseIfElsewhere(caller, ref, "step '" + custom.id() + "' names agent '" + ref + "'");
      }
      // team steps (group-chat, supervisor, handoff, …) name their members in a list
      if (custom.config().get("agents") instanceof List<?> members) {
        for (Object member : members) {
          if (member instanceof String ref) {
            refuseIfElsewhere(
                caller,
                ref,
                "step '" + custom.id() + "' has agent '" + ref + "' among its members");
          }
        }
      }
    }
  }

  private void refuseIfElsewhere(Caller caller, String ref, String what) {
    String name = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
    if (agents.ownedElsewhere(name, caller.namespace())) {
      throw ApiError.badField(
          "/steps",
          "unknown-agent",
          what
              + ", which this namespace does not have (register it in this namespace or name"
              + " one of this namespace's agents)");
    }
  }

  @Override
  public void saved(Caller caller, WorkflowDefinition definition) {}

  @Override
  public void deleted(Caller caller, String workflowId) {}
}

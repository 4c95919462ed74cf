package io.baton.server.degradation;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.spi.ExpressionException;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a workflow whose model steps declare a {@code fallback} that does not parse, when it is
 * saved rather than when the server reaches level 3 and needs it.
 */
@Component
class FallbackCheck implements WorkflowListener {

  @Override
  public void check(Caller caller, WorkflowDefinition definition) {
    for (StepDef step : definition.allSteps()) {
      try {
        ModelStepAdmission.parseFallback(step);
      } catch (ExpressionException e) {
        int top = definition.steps().indexOf(step);
        throw ApiError.badField(
            top >= 0 ? "/steps/" + top + "/" + ModelStepAdmission.FALLBACK : "/steps",
            "invalid-fallback",
            "step '" + step.id() + "': fallback: " + e.getMessage());
      }
    }
  }

  @Override
  public void saved(Caller caller, WorkflowDefinition definition) {}

  @Override
  public void deleted(Caller caller, String workflowId) {}
}

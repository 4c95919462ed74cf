package io.baton.server.stream;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import java.util.HashMap;
import java.util.Map;

/** The type of each step of a workflow by id, so that messages say what kind of node moved. */
final class StepTypes {
  private final Map<String, String> types = new HashMap<>();

  StepTypes(WorkflowDefinition definition) {
    if (definition != null) {
      for (StepDef step : definition.allSteps()) {
        types.put(step.id(), step.type());
      }
    }
  }

  /** The type of the step with {@code id}, or null when unknown. */
  String of(String id) {
    return types.get(id);
  }
}

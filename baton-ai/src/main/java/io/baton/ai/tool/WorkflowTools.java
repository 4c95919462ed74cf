package io.baton.ai.tool;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepFailure;
import io.baton.api.spi.Tool;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code workflow} tool: another workflow as a tool. Its name is the workflow's id, its
 * parameters the workflow's {@code inputs} schema; a call runs the workflow and answers its
 * outputs. A run that fails fails the call with the failed step's error kind and message. A step
 * re-executed after a crash, or retried, re-attaches to the run its call started unless that run
 * failed ({@link WorkflowCall#run(WorkflowDefinition, Map, io.baton.api.spi.StepContext,
 * java.util.function.BiConsumer)}).
 *
 * <pre>{@code
 * ai.tool(WorkflowTools.of(refundFlow, new WorkflowCall(ai::baton, Duration.ofMinutes(2))));
 * // an agent with tools: [refund] now starts the refund workflow
 * }</pre>
 */
public final class WorkflowTools {
  private WorkflowTools() {}

  /** {@code workflow} as a tool named after its id. */
  public static Tool of(WorkflowDefinition workflow, WorkflowCall call) {
    return Tool.of(
        workflow.id(),
        description(workflow),
        inputSchema(workflow),
        (arguments, context) -> {
          RunView end =
              call.run(
                  workflow,
                  arguments,
                  context,
                  (runId, started) ->
                      context.log((started ? "started run " : "re-attached to run ") + runId));
          if (end.status() == RunStatus.COMPLETED) {
            return end.outputs();
          }
          StepFailure cause = end.failure();
          ErrorKind kind = cause != null ? cause.kind() : ErrorKind.CANCELLED;
          throw new StepException(
              new StepFailure(
                  kind,
                  WorkflowCall.failure(end),
                  cause != null && cause.retryable(),
                  Map.of("runId", end.runId())));
        });
  }

  /** What the workflow does, for people and models: its description, else its name or id. */
  public static String description(WorkflowDefinition workflow) {
    if (workflow.description() != null && !workflow.description().isBlank()) {
      return workflow.description();
    }
    String name = workflow.name() != null && !workflow.name().isBlank() ? workflow.name() : null;
    return "Runs workflow " + (name != null ? name + " (" + workflow.id() + ")" : workflow.id());
  }

  /**
   * The workflow's {@code inputs} schema as the schema of a tool's arguments, which must describe
   * an object: {@code {"type": "object"}} is added where the schema says no type.
   */
  public static Map<String, Object> inputSchema(WorkflowDefinition workflow) {
    Map<String, Object> schema = new LinkedHashMap<>(workflow.inputs());
    schema.putIfAbsent("type", "object");
    return schema;
  }
}

package io.baton.ai.mcp.server;

import io.baton.ai.internal.JsonCodec;
import io.baton.ai.tool.WorkflowCall;
import io.baton.ai.tool.WorkflowTools;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.InvalidInputException;
import io.baton.engine.RunTimeoutException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workflows as MCP tools, independent of the transport (stdio in {@code baton mcp}, streamable HTTP
 * in the server). Each tool is named after its workflow, takes the workflow's {@code inputs} schema
 * as its input schema, and a call starts a run with the arguments as inputs, sends a progress
 * notification as each step ends (when the client asked for progress), waits for the run and
 * answers its outputs as structured content and as JSON text. A run that fails is a tool error
 * naming the failed step and its message; arguments that break the schema are a tool error listing
 * each problem with its JSON pointer.
 *
 * <pre>{@code
 * WorkflowMcpTools tools = new WorkflowMcpTools(baton, Duration.ofMinutes(10));
 * McpServer.sync(transport).serverInfo("baton", version).tools(tools.tools(workflows)).build();
 * }</pre>
 */
public final class WorkflowMcpTools {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowMcpTools.class);

  private final Runner runner;
  private final RunProgress progress = new RunProgress();

  /**
   * How a tool call runs its workflow: straight on the engine ({@link WorkflowCall}, the CLI), or
   * through the server's executions with the caller found in the request's transport context.
   */
  @FunctionalInterface
  public interface Runner {
    /**
     * Runs {@code workflow} with {@code arguments} and waits for it to end.
     *
     * @param caller what the transport knows of the caller (the server's authenticated caller)
     * @param started told the run's id once known (before it starts, where the runner can)
     * @throws IllegalArgumentException when the call is refused (arguments, an unknown workflow)
     */
    RunView run(
        WorkflowDefinition workflow,
        Map<String, Object> arguments,
        McpTransportContext caller,
        Consumer<String> started);
  }

  /**
   * Tools whose calls run on {@code baton} directly.
   *
   * @param timeout how long one call may wait for its run
   */
  public WorkflowMcpTools(Baton baton, Duration timeout) {
    this(baton, direct(new WorkflowCall(() -> baton, timeout)));
  }

  /**
   * Tools whose calls run through {@code runner}.
   *
   * @param baton the engine the runs are on (a listener is added to it for progress)
   */
  public WorkflowMcpTools(Baton baton, Runner runner) {
    this.runner = runner;
    baton.addListener(progress);
  }

  private static Runner direct(WorkflowCall call) {
    return (workflow, arguments, caller, started) -> call.run(workflow, arguments, started);
  }

  /** One tool per workflow. */
  public List<SyncToolSpecification> tools(List<WorkflowDefinition> workflows) {
    return workflows.stream().map(this::tool).toList();
  }

  /** The tool of one workflow. */
  public SyncToolSpecification tool(WorkflowDefinition workflow) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(workflow.id())
            .title(workflow.name())
            .description(WorkflowTools.description(workflow))
            .inputSchema(WorkflowTools.inputSchema(workflow))
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> call(workflow, exchange, request))
        .build();
  }

  /** Runs {@code workflow} for one tool call. */
  CallToolResult call(
      WorkflowDefinition workflow, McpSyncServerExchange exchange, CallToolRequest request) {
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    String[] runId = new String[1];
    // the engine's listener must be quick: notifications are sent, in order, by a thread of the
    // call
    ExecutorService sender =
        token == null ? null : Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    try {
      RunView end =
          runner.run(
              workflow,
              request.arguments(),
              exchange.transportContext(),
              id -> {
                runId[0] = id;
                if (token != null) {
                  progress.watch(
                      id,
                      (n, message) -> sender.execute(() -> notify(exchange, token, n, message)));
                }
              });
      return end.status() == RunStatus.COMPLETED ? completed(end) : failed(end);
    } catch (InvalidInputException e) {
      return error(
          "invalid arguments for tool '"
              + workflow.id()
              + "': "
              + String.join("; ", e.problems())
              + ". Expected: "
              + JsonCodec.write(workflow.inputs()),
          Map.of("problems", e.problems()));
    } catch (IllegalArgumentException e) {
      return error("tool '" + workflow.id() + "' refused the call: " + e.getMessage(), Map.of());
    } catch (RunTimeoutException e) {
      return error(e.getMessage(), Map.of("runId", String.valueOf(runId[0])));
    } finally {
      if (runId[0] != null) {
        progress.stop(runId[0]);
      }
      if (sender != null) {
        sender.close(); // waits for the notifications already queued
      }
    }
  }

  private static CallToolResult completed(RunView end) {
    Map<String, Object> outputs = WorkflowCall.outputObject(end);
    return CallToolResult.builder()
        .structuredContent(outputs)
        .addTextContent(JsonCodec.write(end.outputs()))
        .isError(false)
        .build();
  }

  private static CallToolResult failed(RunView end) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("runId", end.runId());
    details.put("status", end.status().name());
    String step = WorkflowCall.failedStepId(end);
    if (step != null) {
      details.put("step", step);
    }
    if (end.failure() != null) {
      details.put("kind", end.failure().kind().wireName());
      details.put("message", end.failure().message());
    }
    return error(WorkflowCall.failure(end), details);
  }

  private static CallToolResult error(String message, Map<String, Object> details) {
    Map<String, Object> structured = new LinkedHashMap<>(details);
    structured.put("error", message);
    return CallToolResult.builder()
        .addTextContent(message)
        .structuredContent(structured)
        .isError(true)
        .build();
  }

  private static void notify(
      McpSyncServerExchange exchange, Object token, int ended, String message) {
    try {
      exchange.progressNotification(
          new McpSchema.ProgressNotification(token, (double) ended, null, message));
    } catch (RuntimeException e) {
      // progress is advisory: a client that went away must not fail the run's listener
      LOG.debug("progress notification not sent: {}", e.toString());
    }
  }
}

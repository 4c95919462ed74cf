package io.baton.server.ai;

import io.baton.ai.mcp.server.WorkflowMcpTools;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.schema.JsonSchemaCheck;
import io.baton.server.api.ApiError;
import io.baton.server.api.Page;
import io.baton.server.execution.ExecutionService;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowCatalog;
import io.baton.server.workflow.WorkflowEntry;
import io.baton.server.workflow.WorkflowService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The server's MCP tools: the published workflows of every namespace, each tool visible to and
 * callable by callers of its namespace only. Kept in step with the catalogue as requests come in
 * ({@link #sync}); a call starts an execution in the caller's namespace (so it is indexed and
 * audited like one started over REST) and waits for it.
 */
final class PublishedWorkflowTools {
  /** The key of the caller in an MCP request's transport context. */
  static final String CALLER = Caller.ATTRIBUTE;

  private record Exposed(String namespace, String version) {}

  private final WorkflowCatalog catalog;
  private final WorkflowService workflows;
  private final ExecutionService executions;
  private final Baton baton;
  private final Duration timeout;
  private final Map<String, Exposed> exposed = new ConcurrentHashMap<>();
  private WorkflowMcpTools tools;
  private McpSyncServer server;

  PublishedWorkflowTools(
      WorkflowCatalog catalog,
      WorkflowService workflows,
      ExecutionService executions,
      Baton baton,
      Duration timeout) {
    this.catalog = catalog;
    this.workflows = workflows;
    this.executions = executions;
    this.baton = baton;
    this.timeout = timeout;
  }

  /** Serves the tools on {@code server}. */
  void attach(McpSyncServer mcp) {
    this.server = mcp;
    this.tools = new WorkflowMcpTools(baton, this::run);
  }

  /** Whether {@code tool} belongs to the namespace of the request's caller. */
  boolean visible(McpTransportContext context, String tool) {
    Exposed e = exposed.get(tool);
    return e != null
        && context.get(CALLER) instanceof Caller c
        && c.namespace().equals(e.namespace());
  }

  /** Brings the tools of {@code namespace} in line with its published workflows. */
  synchronized void sync(String namespace) {
    Map<String, String> published =
        catalog.list(namespace, Page.Request.of(1, Page.MAX_PAGE_SIZE)).items().stream()
            .filter(w -> w.publishedVersion() != null)
            .collect(
                Collectors.toMap(WorkflowEntry::id, w -> Integer.toString(w.publishedVersion())));
    boolean changed = false;
    for (var tool : Set.copyOf(exposed.entrySet())) {
      Exposed e = tool.getValue();
      if (e.namespace().equals(namespace) && !e.version().equals(published.get(tool.getKey()))) {
        server.removeTool(tool.getKey());
        exposed.remove(tool.getKey());
        changed = true;
      }
    }
    for (var entry : published.entrySet()) {
      if (!exposed.containsKey(entry.getKey())) {
        WorkflowDefinition definition =
            workflows.definition(entry.getKey(), Integer.parseInt(entry.getValue()));
        server.addTool(tools.tool(definition));
        exposed.put(entry.getKey(), new Exposed(namespace, entry.getValue()));
        changed = true;
      }
    }
    if (changed) {
      server.notifyToolsListChanged();
    }
  }

  private RunView run(
      WorkflowDefinition workflow,
      Map<String, Object> arguments,
      McpTransportContext context,
      Consumer<String> started) {
    if (!(context.get(CALLER) instanceof Caller caller)) {
      throw new IllegalArgumentException("the request carries no authenticated caller");
    }
    Map<String, Object> inputs =
        JsonSchemaCheck.withDefaults(workflow.inputs(), arguments == null ? Map.of() : arguments);
    String runId;
    try {
      runId =
          executions
              .execute(
                  caller,
                  workflow.id(),
                  new ExecutionService.ExecuteRequest(inputs, workflow.version(), null))
              .id();
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    started.accept(runId);
    return baton.await(runId, timeout);
  }
}

package io.baton.server.ai;

import io.baton.ai.mcp.server.McpWorkflowServer;
import io.baton.engine.Baton;
import io.baton.server.execution.ExecutionService;
import io.baton.server.security.Caller;
import io.baton.server.workflow.WorkflowCatalog;
import io.baton.server.workflow.WorkflowService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Baton as an MCP server over streamable HTTP at {@value #PATH}: each namespace's published
 * workflows are MCP tools for the callers of that namespace. The endpoint is under {@code /api/},
 * so the server's API keys and JWTs guard it like the REST API (listing needs {@code viewer},
 * calling a tool {@code operator}); a call is an execution of the caller's namespace.
 */
@Configuration(proxyBeanMethods = false)
public class McpEndpoint {
  /** Where MCP clients connect. */
  public static final String PATH = "/api/v1/mcp";

  @Bean
  PublishedWorkflowTools publishedWorkflowTools(
      WorkflowCatalog catalog,
      WorkflowService workflows,
      ExecutionService executions,
      Baton baton,
      @Value("${baton.mcp.call-timeout:10m}") Duration timeout) {
    return new PublishedWorkflowTools(catalog, workflows, executions, baton, timeout);
  }

  @Bean
  HttpServletStreamableServerTransportProvider mcpTransport(PublishedWorkflowTools tools) {
    return HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(McpJsonDefaults.getMapper())
        .mcpEndpoint(PATH)
        .contextExtractor(
            request -> {
              if (!(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
                return McpTransportContext.EMPTY;
              }
              tools.sync(caller.namespace());
              return McpTransportContext.create(Map.of(PublishedWorkflowTools.CALLER, caller));
            })
        .build();
  }

  @Bean(destroyMethod = "close")
  McpSyncServer mcpServer(
      HttpServletStreamableServerTransportProvider transport,
      PublishedWorkflowTools tools,
      @Value("${baton.mcp.call-timeout:10m}") Duration timeout) {
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo(McpWorkflowServer.NAME, McpWorkflowServer.version())
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .requestTimeout(timeout.plusSeconds(30))
            // the engine checks arguments against the workflow's schema, naming each problem
            .validateToolInputs(false)
            .addToolFilter((context, tool) -> tools.visible(context, tool.name()))
            .build();
    tools.attach(server);
    return server;
  }

  @Bean
  ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
      HttpServletStreamableServerTransportProvider transport) {
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet =
        new ServletRegistrationBean<>(transport, PATH);
    servlet.setAsyncSupported(true);
    servlet.setName("baton-mcp");
    return servlet;
  }
}

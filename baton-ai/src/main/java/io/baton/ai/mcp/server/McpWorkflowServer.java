package io.baton.ai.mcp.server;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.Baton;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Baton as an MCP server over stdio: the given workflows as tools ({@link WorkflowMcpTools}), the
 * protocol on {@code in} and {@code out} — nothing else may write to {@code out}. {@link #await}
 * returns when the client closes the input.
 *
 * <pre>{@code
 * try (McpWorkflowServer server = McpWorkflowServer.stdio(baton, workflows, System.in, System.out,
 *     Duration.ofMinutes(10))) {
 *   server.await();
 * }
 * }</pre>
 */
public final class McpWorkflowServer implements AutoCloseable {
  /** The name Baton gives itself to MCP clients. */
  public static final String NAME = "baton";

  private final McpSyncServer server;
  private final CountDownLatch inputEnded;

  private McpWorkflowServer(McpSyncServer server, CountDownLatch inputEnded) {
    this.server = server;
    this.inputEnded = inputEnded;
  }

  /**
   * Serves {@code workflows} over {@code in} / {@code out}.
   *
   * @param timeout how long one tool call may wait for its run
   */
  public static McpWorkflowServer stdio(
      Baton baton,
      List<WorkflowDefinition> workflows,
      InputStream in,
      OutputStream out,
      Duration timeout) {
    CountDownLatch ended = new CountDownLatch(1);
    var transport =
        new StdioServerTransportProvider(
            McpJsonDefaults.getMapper(), new EndSignallingInput(in, ended), out);
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo(NAME, version())
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .requestTimeout(timeout.plusSeconds(30))
            // the engine checks the arguments against the same schema, naming the tool and each
            // problem's JSON pointer, with the defaults filled in first
            .validateToolInputs(false)
            .tools(new WorkflowMcpTools(baton, timeout).tools(workflows))
            .build();
    return new McpWorkflowServer(server, ended);
  }

  /** Baton's version, from its jar, for the server's info. */
  public static String version() {
    String version = McpWorkflowServer.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  /** Waits until the client closes the input. */
  public void await() throws InterruptedException {
    inputEnded.await();
  }

  @Override
  public void close() {
    server.closeGracefully();
  }

  /** Counts down when the stream ends, so that the server knows its client has gone. */
  private static final class EndSignallingInput extends FilterInputStream {
    private final CountDownLatch ended;

    EndSignallingInput(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return signal(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return signal(super.read(b, off, len));
    }

    private int signal(int n) {
      if (n < 0) {
        ended.countDown();
      }
      return n;
    }
  }
}

package io.baton.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.BatonCli;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton mcp DIR} started as a real process, spoken to over stdio by the official MCP Java
 * SDK's client: the workflows are its tools, a call runs one, a failing run is a tool error, bad
 * arguments are refused with the schema's problems.
 */
class McpCommandTest {
  @TempDir static Path dir;

  private static final List<String> STDERR = new CopyOnWriteArrayList<>();
  private static final List<ProgressNotification> PROGRESS = new CopyOnWriteArrayList<>();
  private static final CountDownLatch TWO_STEPS = new CountDownLatch(2);
  private static McpSyncClient client;

  @BeforeAll
  static void startServer() throws Exception {
    Files.writeString(
        dir.resolve("add.yaml"),
        """
        id: add
        version: 1.0.0
        description: Adds two integers and says the sum in capitals.
        inputs:
          type: object
          required: [a, b]
          properties:
            a: {type: integer}
            b: {type: integer}
            label: {type: string, default: sum}
        steps:
          - {id: sum, type: transform, expression: "inputs.a + inputs.b"}
          - id: shout
            type: tool
            tool: uppercase
            dependsOn: [sum]
            input: {text: "${inputs.label} ${steps.sum.output}"}
        outputs:
          sum: ${steps.sum.output}
          text: ${steps.shout.output.text}
        """);
    Files.writeString(
        dir.resolve("broken.yaml"),
        """
        id: broken
        inputs: {type: object, properties: {order: {type: object}}}
        steps:
          - {id: read_order, type: transform, expression: "inputs.order.id"}
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ServerParameters server =
        ServerParameters.builder(java)
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                BatonCli.class.getName(),
                "mcp",
                dir.toString())
            .build();
    StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(STDERR::add);
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .progressConsumer(
                p -> {
                  PROGRESS.add(p);
                  TWO_STEPS.countDown();
                })
            .build();
    client.initialize();
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void listsEachWorkflowAsAToolWithItsInputSchema() {
    List<Tool> tools = client.listTools().tools();

    assertThat(tools).extracting(Tool::name).containsExactly("add", "broken");
    Tool add = tools.getFirst();
    assertThat(add.description()).isEqualTo("Adds two integers and says the sum in capitals.");
    assertThat(add.inputSchema())
        .containsEntry("type", "object")
        .containsEntry("required", List.of("a", "b"));
    assertThat(String.valueOf(add.inputSchema().get("properties")))
        .isEqualTo("{a={type=integer}, b={type=integer}, label={type=string, default=sum}}");
    assertThat(client.getServerInfo().name()).isEqualTo("baton");
  }

  @Test
  void aCallRunsTheWorkflowAndAnswersItsOutputsWithProgress() throws Exception {
    CallToolResult result =
        client.callTool(
            CallToolRequest.builder("add")
                .arguments(Map.of("a", 2, "b", 40))
                .progressToken("add-1")
                .build());

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isEqualTo(Map.of("sum", 42, "text", "SUM 42"));
    assertThat(text(result)).isEqualTo("{\"sum\":42,\"text\":\"SUM 42\"}");
    assertThat(TWO_STEPS.await(10, TimeUnit.SECONDS)).as("progress of both steps").isTrue();
    // the client may hand notifications to its consumer out of order: their progress says the order
    assertThat(PROGRESS).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("add-1"));
    assertThat(
            PROGRESS.stream()
                .sorted(Comparator.comparing(ProgressNotification::progress))
                .map(p -> p.progress() + " " + p.message()))
        .containsExactly("1.0 step sum completed", "2.0 step shout completed");
    assertThat(String.join("\n", STDERR)).contains("serving 2 workflows as MCP tools on stdio");
  }

  @Test
  void aFailedRunIsAToolErrorNamingTheStepAndItsMessage() {
    CallToolResult result =
        client.callTool(
            CallToolRequest.builder("broken").arguments(Map.of("order", Map.of())).build());

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .startsWith("workflow 'broken' (run ")
        .contains("failed at step 'read_order': ")
        .contains("id");
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) result.structuredContent();
    assertThat(details)
        .containsEntry("step", "read_order")
        .containsEntry("status", "FAILED")
        .containsEntry("kind", "expression");
  }

  @Test
  void argumentsThatBreakTheSchemaAreRefusedWithEachProblem() {
    CallToolResult result =
        client.callTool(CallToolRequest.builder("add").arguments(Map.of("a", "two")).build());

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .startsWith("invalid arguments for tool 'add': ")
        .contains("/a: ")
        .contains("integer")
        .contains("b");
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().getFirst()).text();
  }
}

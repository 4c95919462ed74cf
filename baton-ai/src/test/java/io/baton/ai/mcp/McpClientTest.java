package io.baton.ai.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.AiConfig;
import io.baton.ai.AiConfigLoader;
import io.baton.ai.AiEnvironment;
import io.baton.ai.BatonAi;
import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentType;
import io.baton.ai.model.ProviderConfig;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.test.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baton's MCP client against the real reference servers from npm ({@code server-everything}, {@code
 * server-filesystem}): configured in YAML, their tools, resources and prompts called by {@code
 * tool} steps and by an agent, over stdio, streamable HTTP and HTTP+SSE, and reconnecting when a
 * server's process dies.
 */
class McpClientTest {
  @TempDir Path dir;
  private TestEngine engine;
  private BatonAi ai;
  private Process http;

  @AfterEach
  void close() throws InterruptedException {
    if (engine != null) {
      engine.close();
    }
    if (ai != null) {
      ai.close();
    }
    if (http != null) {
      McpTestServers.kill(http);
    }
  }

  private void start(AiConfig config) {
    AtomicReference<BatonAi> installed = new AtomicReference<>();
    engine =
        TestEngine.create(
            b -> {
              installed.set(BatonAi.install(b, config, new AiEnvironment(null, null, null, dir)));
              return b;
            });
    ai = installed.get();
    ai.attach(engine.baton());
  }

  private RunView run(String yaml) {
    var baton = engine.baton();
    return baton
        .start(baton.loader().parse(yaml, "mcp.yaml").orThrow(), Map.of())
        .await(Duration.ofSeconds(60));
  }

  private static String yamlList(List<String> command) {
    return command.stream()
        .map(c -> "\"" + c + "\"")
        .reduce((a, b) -> a + ", " + b)
        .map(s -> "[" + s + "]")
        .orElseThrow();
  }

  @Test
  void serversConfiguredInYamlServeToolStepsWithTheirToolsResourcesAndPrompts() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path config = dir.resolve("baton-ai.yaml");
    Files.writeString(
        config,
        "mcpServers:\n"
            + "  everything: {command: "
            + yamlList(McpTestServers.everything("stdio"))
            + ", timeout: 30s}\n"
            + "  files: {command: "
            + yamlList(McpTestServers.filesystem(data.toRealPath()))
            + "}\n");
    start(AiConfigLoader.load(config));
    String note = data.toRealPath().resolve("note.txt").toString();
    RunView done =
        run(
            """
            id: mcp-tools
            steps:
              - {id: echo, type: tool, tool: everything_echo, input: {message: "hello MCP"}}
              - {id: sum, type: tool, tool: everything_get-sum, input: {a: 2, b: 3}}
              - {id: resources, type: tool, tool: everything_list_resources}
              - {id: prompts, type: tool, tool: everything_list_prompts}
              - {id: prompt, type: tool, tool: everything_get_prompt, input: {name: simple-prompt}}
              - {id: write, type: tool, tool: files_write_file, input: {path: "%s", content: "baton was here"}}
              - {id: read, type: tool, tool: files_read_text_file, dependsOn: [write], input: {path: "%s"}}
            """
                .formatted(note, note));

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat((String) done.step("echo").output()).contains("hello MCP");
    assertThat((String) done.step("sum").output()).contains("5");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resources =
        (List<Map<String, Object>>) done.step("resources").output();
    assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r).containsKey("uri"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> prompts = (List<Map<String, Object>>) done.step("prompts").output();
    assertThat(prompts).extracting(p -> p.get("name")).contains("simple-prompt");
    assertThat(done.step("prompt").output().toString())
        .contains("This is a simple prompt without arguments.");
    assertThat(Files.readString(Path.of(note))).isEqualTo("baton was here");
    assertThat((String) done.step("read").output()).contains("baton was here");

    String uri = (String) resources.getFirst().get("uri");
    RunView read =
        run(
            """
            id: mcp-read
            steps:
              - {id: read, type: tool, tool: everything_read_resource, input: {uri: "%s"}}
            """
                .formatted(uri));
    assertThat(read.status()).as("%s", read.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(read.step("read").output().toString()).contains(uri);
  }

  @Test
  void anAgentCallsAnMcpToolAndReadsItsResult() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("plan.md"), "step one");
    Path script = dir.resolve("script.yaml");
    Files.writeString(
        script,
        """
        replies:
          - when: {agent: librarian, turn: 1}
            toolCalls: [{name: files_list_directory, arguments: {path: "%s"}}]
          - when: {agent: librarian, afterTool: files_list_directory}
            text: "The folder holds: {{toolResult}}"
        """
            .formatted(data.toRealPath()));
    start(
        AiConfig.of(ProviderConfig.offline("offline", script))
            .withMcpServers(
                List.of(
                    McpServerConfig.stdio("files", McpTestServers.filesystem(data.toRealPath())))));
    ai.agents()
        .register(
            AgentDefinition.builder("librarian")
                .type(AgentType.REACT)
                .tools("files_list_directory")
                .build());
    RunView done =
        run(
            """
            id: librarian
            steps:
              - {id: look, type: agent, agent: librarian, input: {prompt: "What is in the folder?"}}
            """);
    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) done.step("look").output();
    assertThat((String) out.get("text")).contains("[FILE] plan.md");
  }

  @Test
  void aStdioServerWhoseProcessDiedIsStartedAgain() throws Exception {
    try (McpToolSource source =
        new McpToolSource(
            List.of(McpServerConfig.stdio("everything", McpTestServers.everything("stdio"))))) {
      var echo =
          source.connect().stream()
              .filter(t -> t.name().equals("everything_echo"))
              .findFirst()
              .orElseThrow();
      McpConnection connection = source.connection("everything").orElseThrow();
      assertThat(McpConnection.text(connection.call("echo", "{\"message\":\"one\"}", "k1")))
          .contains("one");

      List<ProcessHandle> servers = McpTestServers.children("server-everything");
      assertThat(servers).hasSize(1);
      servers.getFirst().destroyForcibly();
      servers.getFirst().onExit().get();

      assertThat(McpConnection.text(connection.call("echo", "{\"message\":\"two\"}", "k2")))
          .contains("two");
      assertThat(connection.reconnects()).isEqualTo(1);
      assertThat(McpTestServers.children("server-everything"))
          .hasSize(1)
          .doesNotContain(servers.getFirst());
      assertThat(echo.name()).isEqualTo("everything_echo");
    }
  }

  @Test
  void aStreamableHttpServerIsReachedAndReconnectedToAfterItRestarts() throws Exception {
    int port = McpTestServers.freePort();
    http = McpTestServers.startHttp("streamableHttp", port);
    McpServerConfig server = McpServerConfig.http("remote", "http://127.0.0.1:" + port + "/mcp");
    try (McpConnection connection = McpConnection.open(server)) {
      assertThat(connection.tools()).extracting(t -> t.name()).contains("echo", "get-sum");
      assertThat(McpConnection.text(connection.call("get-sum", "{\"a\":20,\"b\":22}", "k1")))
          .contains("42");

      McpTestServers.kill(http);
      http = McpTestServers.startHttp("streamableHttp", port);

      assertThat(McpConnection.text(connection.call("echo", "{\"message\":\"again\"}", "k2")))
          .contains("again");
      assertThat(connection.reconnects()).isEqualTo(1);
      assertThat(connection.prompts()).extracting(p -> p.name()).contains("simple-prompt");
    }
  }

  @Test
  void anSseServerIsReached() throws Exception {
    int port = McpTestServers.freePort();
    http = McpTestServers.startHttp("sse", port);
    McpServerConfig server =
        new McpServerConfig(
            "old", List.of(), Map.of(), "http://127.0.0.1:" + port + "/sse", "sse", null);
    try (McpConnection connection = McpConnection.open(server)) {
      assertThat(McpConnection.text(connection.call("echo", "{\"message\":\"over sse\"}", "k1")))
          .contains("over sse");
      assertThat(connection.resources()).isNotEmpty();
    }
  }

  @Test
  void anUnreachableServerIsAClearError() {
    McpServerConfig server = McpServerConfig.http("nowhere", "http://127.0.0.1:1/mcp");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> McpConnection.open(server))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot connect to MCP server 'nowhere'")
        .hasMessageContaining("http://127.0.0.1:1/mcp");
  }
}

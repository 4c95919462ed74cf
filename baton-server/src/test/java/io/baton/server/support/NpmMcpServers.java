package io.baton.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference MCP servers from npm ({@code @modelcontextprotocol/server-everything}), installed
 * once by {@code scripts/ensure-mcp-servers.sh} (pinned; no network once installed): the command
 * that runs one over stdio, and a process serving one over HTTP+SSE on loopback.
 */
public final class NpmMcpServers {
  private NpmMcpServers() {}

  /** The command that runs {@code server-everything} over {@code transport}. */
  public static List<String> everything(String transport) throws Exception {
    Assumptions.assumeTrue(
        new ProcessBuilder("node", "--version").start().waitFor() == 0, "Node is needed");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Process install =
        new ProcessBuilder("bash", root.resolve("scripts/ensure-mcp-servers.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String folder = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(install.waitFor()).as("scripts/ensure-mcp-servers.sh").isZero();
    Path script =
        Path.of(folder.strip())
            .resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    assertThat(script).exists();
    return List.of("node", script.toString(), transport);
  }

  /**
   * Starts {@code server-everything} over HTTP+SSE on {@code port}, once it accepts connections.
   */
  public static Process sse(int port) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(everything("sse"));
    pb.environment().put("PORT", String.valueOf(port));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
    Process process = pb.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
              }
            });
    return process;
  }
}

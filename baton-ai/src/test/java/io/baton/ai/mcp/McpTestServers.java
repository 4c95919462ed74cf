package io.baton.ai.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MCP servers from npm the MCP tests talk to, installed once by {@code
 * scripts/ensure-mcp-servers.sh} into {@code build/mcp} (pinned versions; no network at test time
 * once installed), started as processes: over stdio by the client itself, over HTTP here.
 */
final class McpTestServers {
  private static Path installed;

  private McpTestServers() {}

  /** Installs the servers when needed; skips the test when the machine has no Node at all. */
  static synchronized Path install() throws IOException, InterruptedException {
    if (installed != null) {
      return installed;
    }
    Assumptions.assumeTrue(
        onPath("node") && onPath("npm"), "Node and npm are needed for the MCP servers");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Process p =
        new ProcessBuilder("bash", root.resolve("scripts/ensure-mcp-servers.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as("scripts/ensure-mcp-servers.sh exit code").isZero();
    installed = Path.of(out);
    return installed;
  }

  /** The command that runs {@code server-everything} over {@code transport}. */
  static List<String> everything(String transport) throws IOException, InterruptedException {
    return List.of("node", script("server-everything").toString(), transport);
  }

  /** The command that runs {@code server-filesystem} on {@code directory}. */
  static List<String> filesystem(Path directory) throws IOException, InterruptedException {
    return List.of("node", script("server-filesystem").toString(), directory.toString());
  }

  private static Path script(String server) throws IOException, InterruptedException {
    Path script =
        install()
            .resolve("node_modules/@modelcontextprotocol")
            .resolve(server)
            .resolve("dist/index.js");
    assertThat(script).exists();
    return script;
  }

  /** A free local port. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts {@code server-everything} over HTTP ({@code streamableHttp} or {@code sse}) on {@code
   * port} and waits until it listens.
   */
  static Process startHttp(String transport, int port) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(everything(transport));
    pb.environment().put("PORT", String.valueOf(port));
    pb.redirectErrorStream(true);
    Process process = pb.start();
    CountDownLatch listening = new CountDownLatch(1);
    List<String> lines = new ArrayList<>();
    Thread.startVirtualThread(
        () -> {
          try (BufferedReader r =
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
              synchronized (lines) {
                lines.add(line);
              }
              if (line.contains(String.valueOf(port))) {
                listening.countDown();
              }
            }
          } catch (IOException e) {
            // the process ended
          }
        });
    if (!listening.await(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("server-everything " + transport + " did not listen: " + lines);
    }
    return process;
  }

  /** Kills {@code process} and waits for its end. */
  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** The node processes this JVM started whose command line mentions {@code server}. */
  static List<ProcessHandle> children(String server) {
    return ProcessHandle.current()
        .descendants()
        .filter(h -> h.info().commandLine().orElse("").contains(server))
        .toList();
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

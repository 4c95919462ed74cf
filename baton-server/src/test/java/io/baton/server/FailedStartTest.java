package io.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.ServerTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that cannot start says why and exits with status 1, instead of staying up with nothing
 * to serve: here its port is taken, which Spring Boot finds only after every bean (and the threads
 * some of them start) exists.
 */
class FailedStartTest {
  @TempDir Path dir;

  @Test
  void aServerWhosePortIsTakenSaysSoAndExits() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path log = dir.resolve("server.log");
      Process server = start(taken.getLocalPort(), log);
      boolean exited = server.waitFor(3, TimeUnit.MINUTES);
      if (!exited) {
        server.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(exited).as("the server exited; its output:%n%s", output).isTrue();
      assertThat(server.exitValue()).isEqualTo(1);
      assertThat(output).contains("Port " + taken.getLocalPort()).contains("already in use");
    }
  }

  private Process start(int port, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            BatonServerApplication.class.getName(),
            "--port",
            Integer.toString(port),
            "--server.address=127.0.0.1",
            "--data",
            dir.resolve("data").toString(),
            "--baton.bootstrap-key=" + ServerTest.ADMIN_KEY)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}

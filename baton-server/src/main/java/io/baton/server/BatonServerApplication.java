package io.baton.server;

import io.baton.server.config.BatonProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Baton server: {@code java -jar baton-server.jar [--port 8080] [--data ./data]}.
 *
 * <p>Every Spring Boot property works too ({@code --server.port=9000}, {@code
 * BATON_DATA=/var/baton} in the environment, an {@code application.yaml} beside the jar).
 */
@SpringBootApplication
@EnableConfigurationProperties(BatonProperties.class)
public class BatonServerApplication {

  /**
   * Starts the server; exits with status 1 when it cannot start (the port is taken, the database
   * refuses, …) once Spring Boot has said why.
   */
  public static void main(String[] args) {
    try {
      SpringApplication.run(BatonServerApplication.class, translate(args));
    } catch (RuntimeException e) {
      // Without an exit the process would stay up after the report: libraries leave threads that
      // are not daemons behind a failed start (the MCP transport's session sweeper, for one).
      System.exit(1);
    }
  }

  /**
   * The launcher's short options as Spring properties: {@code --port 9000} and {@code --data DIR}
   * (with a space or an equals sign), because Spring only understands {@code --name=value}.
   */
  static String[] translate(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String property = property(arg);
      if (property == null) {
        out.add(arg);
      } else if (arg.contains("=")) {
        out.add("--" + property + arg.substring(arg.indexOf('=')));
      } else if (i + 1 < args.length) {
        out.add("--" + property + "=" + args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return out.toArray(String[]::new);
  }

  private static String property(String arg) {
    if (arg.equals("--port") || arg.startsWith("--port=")) {
      return "server.port";
    }
    if (arg.equals("--data") || arg.startsWith("--data=")) {
      return "baton.data";
    }
    return null;
  }
}

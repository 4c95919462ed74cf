package io.baton.server.support;

import io.baton.server.BatonServerApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server started by a test itself, outside the shared context — on a durable store, so that the
 * test can stop it and start another on the same data — with the test tools and fake clock of
 * {@link TestServerConfig}, on a random port. Closing it shuts it down gracefully.
 */
public final class RunningServer implements AutoCloseable {
  private final ConfigurableApplicationContext context;

  private RunningServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts a server with {@code properties} on top of the test defaults. */
  public static RunningServer start(Map<String, Object> properties) {
    return start(properties, new Class<?>[0]);
  }

  /** Starts a server with {@code properties} and the beans of {@code extra} configurations. */
  public static RunningServer start(Map<String, Object> properties, Class<?>... extra) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("server.port", 0);
    all.put("baton.bootstrap-key", ServerTest.ADMIN_KEY);
    all.put("baton.master-key", ServerTest.MASTER_KEY);
    all.put("baton.security.requests-per-second", 0);
    all.put("baton.alerts.evaluation-interval", "1h");
    all.putAll(properties);
    // as arguments: they win over application.yaml (builder properties would not)
    String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    Class<?>[] sources = new Class<?>[extra.length + 2];
    sources[0] = BatonServerApplication.class;
    sources[1] = TestServerConfig.class;
    System.arraycopy(extra, 0, sources, 2, extra.length);
    return new RunningServer(new SpringApplicationBuilder(sources).run(args));
  }

  /** A client with the admin key. */
  public Api admin() {
    return new Api(port(), ServerTest.ADMIN_KEY, null);
  }

  /** The port it listens on. */
  public int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  /** A bean of the server. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}

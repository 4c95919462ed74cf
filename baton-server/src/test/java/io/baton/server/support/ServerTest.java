package io.baton.server.support;

import io.baton.server.BatonServerApplication;
import io.baton.test.FakeClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The base of the server's integration tests: one real server on a random port with the in-memory
 * store, shared by every test class (same configuration, one Spring context), and a client holding
 * the bootstrap admin key.
 */
@SpringBootTest(
    classes = BatonServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "baton.store.location=mem:",
      "baton.bootstrap-key=" + ServerTest.ADMIN_KEY,
      "baton.master-key=" + ServerTest.MASTER_KEY,
      "baton.data=target/test-data",
      "baton.security.requests-per-second=0",
      "baton.alerts.evaluation-interval=1h"
    })
@Import(TestServerConfig.class)
public abstract class ServerTest {
  public static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789";

  /** 32 bytes, base64. */
  public static final String MASTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @Value("${local.server.port}")
  protected int port;

  @Autowired protected FakeClock clock;

  protected Api admin;

  @BeforeEach
  void client() {
    admin = new Api(port, ADMIN_KEY, null);
  }

  /** A new API key with {@code grants} ({@code namespace:role}); returns its secret. */
  protected String newKey(String name, java.util.List<String> grants) {
    Api.Response r =
        admin.post("/api/v1/auth/keys", java.util.Map.of("name", name, "grants", grants));
    org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("secret").asString();
  }
}

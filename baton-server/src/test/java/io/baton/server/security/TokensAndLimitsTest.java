package io.baton.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.LocalJwks;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server configured as in production for callers: OIDC bearer tokens checked against a local key
 * set (JWKS), and a rate limit per caller of 2 requests a second with bursts of 3, on the server's
 * clock (a fake one here, so that the test decides when time passes).
 */
class TokensAndLimitsTest {
  @TempDir static Path data;
  private static LocalJwks issuer;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    issuer = LocalJwks.start();
    server =
        RunningServer.start(
            Map.of(
                "baton.data",
                data.toString(),
                "baton.store.location",
                "mem:",
                "baton.security.jwt.jwk-set-uri",
                issuer.jwksUrl(),
                "baton.security.jwt.issuer-uri",
                issuer.issuer(),
                "baton.security.requests-per-second",
                2,
                "baton.security.burst",
                3));
  }

  @AfterAll
  static void stop() {
    server.close();
    issuer.close();
  }

  private static Api as(String token, String namespace) {
    return Api.bearer(server.port(), token, namespace);
  }

  @Test
  void aSignedTokenGrantsItsRolesPerNamespace() {
    Api editor = as(issuer.token("ada", List.of("team-a:editor")), "team-a");
    assertThat(editor.get("/api/v1/auth/whoami").json().get("subject").asString())
        .isEqualTo("jwt:ada");
    assertThat(editor.post("/api/v1/agents", Map.of("name", "ada-agent")).status()).isEqualTo(201);

    Api viewer = as(issuer.token("bob", List.of("team-a:viewer")), "team-a");
    assertThat(viewer.get("/api/v1/agents/ada-agent").status()).isEqualTo(200);
    assertThat(viewer.delete("/api/v1/agents/ada-agent").status()).isEqualTo(403);

    Api outsider = as(issuer.token("eve", List.of("team-b:admin")), "team-a");
    assertThat(outsider.get("/api/v1/agents").status()).isEqualTo(403);
  }

  @Test
  void forgedExpiredAndMissingTokensAreRefused() {
    List<String> grants = List.of("*:admin");
    Api.Response forged = as(issuer.forged("mallory", grants), null).get("/api/v1/workflows");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(as(issuer.expired("old", grants), null).get("/api/v1/workflows").status())
        .isEqualTo(401);
    Api.Response none = new Api(server.port(), null, null).get("/api/v1/workflows");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("content-type")).startsWith("application/problem+json");
  }

  @Test
  void eachCallerHasItsOwnBucketThatRefillsWithTime() {
    Api busy = as(issuer.token("busy", List.of("*:viewer")), null);
    Api calm = as(issuer.token("calm", List.of("*:viewer")), null);
    for (int i = 0; i < 3; i++) {
      assertThat(busy.get("/api/v1/workflows").status()).isEqualTo(200);
    }
    Api.Response limited = busy.get("/api/v1/workflows");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("content-type")).startsWith("application/problem+json");
    assertThat(limited.header("retry-after")).isEqualTo("1");
    assertThat(calm.get("/api/v1/workflows").status()).isEqualTo(200);

    server.bean(FakeClock.class).advance(Duration.ofSeconds(1));
    assertThat(busy.get("/api/v1/workflows").status()).isEqualTo(200);
    assertThat(busy.get("/api/v1/workflows").status()).isEqualTo(200);
    assertThat(busy.get("/api/v1/workflows").status()).isEqualTo(429);
  }
}

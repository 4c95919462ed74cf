package io.baton.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.secrets.SecretStore;
import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.ServerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SecurityApiTest extends ServerTest {
  @Autowired SecretStore secrets;
  @Autowired JdbcClient jdbc;

  private String key(String name, List<String> grants) {
    return newKey(name, grants);
  }

  @Test
  void requestsWithoutAValidKeyAreRefusedWithProblems() {
    Api.Response none = new Api(port, null, null).get("/api/v1/workflows");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    assertThat(none.json().get("status").asInt()).isEqualTo(401);
    assertThat(admin.withKey("bk_nope_wrong").get("/api/v1/workflows").status()).isEqualTo(401);
    assertThat(new Api(port, null, null).get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void rolesDecideWhatACallerMayDo() {
    String viewer = key("viewer", List.of("sec-roles:viewer"));
    String operator = key("operator", List.of("sec-roles:operator"));
    String editor = key("editor", List.of("sec-roles:editor"));
    Api asViewer = new Api(port, viewer, "sec-roles");
    Api asOperator = asViewer.withKey(operator);
    Api asEditor = asViewer.withKey(editor);

    assertThat(
            asViewer
                .postText("/api/v1/workflows", Flows.greeter("roles"), "application/yaml")
                .status())
        .isEqualTo(403);
    assertThat(
            asOperator
                .postText("/api/v1/workflows", Flows.greeter("roles"), "application/yaml")
                .status())
        .isEqualTo(403);
    assertThat(
            asEditor
                .postText("/api/v1/workflows", Flows.greeter("roles"), "application/yaml")
                .status())
        .isEqualTo(201);
    assertThat(asViewer.get("/api/v1/workflows/roles").status()).isEqualTo(200);
    assertThat(
            asViewer
                .postText("/api/v1/workflows/validate", Flows.greeter("x"), "application/yaml")
                .status())
        .isEqualTo(200);
    assertThat(asViewer.post("/api/v1/workflows/roles/execute", Map.of()).status()).isEqualTo(403);
    assertThat(
            asOperator
                .post("/api/v1/workflows/roles/execute", Map.of("inputs", Map.of("name", "a")))
                .status())
        .isEqualTo(201);
    Api.Response denied = asEditor.get("/api/v1/auth/keys");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("detail").asString()).contains("admin").contains("editor");
    assertThat(asEditor.get("/api/v1/audit").status()).isEqualTo(403);

    JsonNode whoami = asOperator.get("/api/v1/auth/whoami").json();
    assertThat(whoami.get("role").asString()).isEqualTo("operator");
    assertThat(whoami.get("namespace").asString()).isEqualTo("sec-roles");
  }

  @Test
  void noRequestSeesAnotherNamespace() {
    String editor = key("iso-editor", List.of("sec-a:editor"));
    Api a = new Api(port, editor, "sec-a");
    assertThat(
            a.postText("/api/v1/workflows", Flows.greeter("isolated"), "application/yaml").status())
        .isEqualTo(201);
    String run =
        a.post("/api/v1/workflows/isolated/execute", Map.of("inputs", Map.of("name", "a")))
            .json()
            .get("id")
            .asString();
    assertThat(a.in("sec-b").get("/api/v1/workflows").status()).isEqualTo(403);

    Api b = admin.in("sec-b");
    assertThat(b.get("/api/v1/workflows/isolated").status()).isEqualTo(404);
    assertThat(b.get("/api/v1/executions/" + run).status()).isEqualTo(404);
    assertThat(b.post("/api/v1/executions/" + run + "/stop", null).status()).isEqualTo(404);
    assertThat(b.get("/api/v1/executions").json().get("total").asLong()).isZero();
    assertThat(b.get("/api/v1/workflows").json().get("total").asLong()).isZero();
  }

  @Test
  void keysExpireAndAreRevokedAndCannotEscalate() {
    Api.Response created =
        admin.post(
            "/api/v1/auth/keys",
            Map.of(
                "name",
                "short",
                "grants",
                List.of("sec-exp:viewer"),
                "expiresAt",
                clock.now().plus(Duration.ofHours(1)).toString()));
    String secret = created.json().get("secret").asString();
    String keyId = created.json().get("key").get("keyId").asString();
    assertThat(admin.get("/api/v1/auth/keys").body()).contains(keyId).doesNotContain(secret);
    Api api = new Api(port, secret, "sec-exp");
    assertThat(api.get("/api/v1/workflows").status()).isEqualTo(200);
    clock.advance(Duration.ofHours(2));
    assertThat(api.get("/api/v1/workflows").status()).isEqualTo(401);

    String other = key("revoked", List.of("sec-exp:viewer"));
    String otherId = other.split("_")[1];
    assertThat(admin.delete("/api/v1/auth/keys/" + otherId).status()).isEqualTo(204);
    assertThat(api.withKey(other).get("/api/v1/workflows").status()).isEqualTo(401);

    String nsAdmin = key("ns-admin", List.of("sec-exp:admin"));
    Api.Response escalate =
        new Api(port, nsAdmin, "sec-exp")
            .post("/api/v1/auth/keys", Map.of("name", "x", "grants", List.of("*:admin")));
    assertThat(escalate.status()).isEqualTo(400);
    assertThat(escalate.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/grants");
  }

  @Test
  void secretsAreEncryptedAndNeverReturned() {
    Api api = admin.in("sec-secrets");
    String value = "sk-live-very-secret-value-42";
    Api.Response put = api.put("/api/v1/secrets/openai-key", Map.of("value", value));
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.body()).doesNotContain(value);
    assertThat(api.put("/api/v1/secrets/openai-key", Map.of("value", value + "2")).status())
        .isEqualTo(200);
    Api.Response list = api.get("/api/v1/secrets");
    assertThat(list.json().get(0).get("name").asString()).isEqualTo("openai-key");
    assertThat(list.body()).doesNotContain(value);
    assertThat(api.get("/api/v1/audit?resource_type=secret").body())
        .contains("openai-key")
        .doesNotContain(value);

    String stored =
        jdbc.sql("select ciphertext from srv_secret where name = 'openai-key'")
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(value);
    assertThat(secrets.reveal("sec-secrets", "openai-key")).contains(value + "2");
    assertThat(secrets.reveal("other", "openai-key")).isEmpty();

    String editor = key("secret-editor", List.of("sec-secrets:editor"));
    assertThat(api.withKey(editor).get("/api/v1/secrets").status()).isEqualTo(200);
    assertThat(api.withKey(editor).put("/api/v1/secrets/x", Map.of("value", "v")).status())
        .isEqualTo(403);
    assertThat(api.delete("/api/v1/secrets/openai-key").status()).isEqualTo(204);
    assertThat(api.get("/api/v1/secrets").json()).isEmpty();
  }

  @Test
  void changesAndRunActionsAreAudited() {
    Api api = admin.in("sec-audit");
    api.postText("/api/v1/workflows", Flows.greeter("audited"), "application/yaml");
    api.putText(
        "/api/v1/workflows/audited",
        Flows.greeter("audited").replace("Greeter", "G2"),
        "application/yaml");
    String run =
        api.post("/api/v1/workflows/audited/execute", Map.of("inputs", Map.of("name", "z")))
            .json()
            .get("id")
            .asString();

    JsonNode page = api.get("/api/v1/audit").json();
    List<String> actions =
        page.get("items").valueStream().map(e -> e.get("action").asString()).toList();
    assertThat(actions).containsExactly("execution.start", "workflow.update", "workflow.create");
    JsonNode update = page.get("items").get(1);
    assertThat(update.get("actor").asString()).isEqualTo("key:bootstrap");
    assertThat(update.get("before").get("name").asString()).isEqualTo("Greeter");
    assertThat(update.get("after").get("name").asString()).isEqualTo("G2");
    assertThat(page.get("items").get(0).get("resourceId").asString()).isEqualTo(run);
    assertThat(api.get("/api/v1/audit?action=workflow.create").json().get("total").asLong())
        .isEqualTo(1);
    assertThat(admin.in("sec-elsewhere").get("/api/v1/audit").json().get("total").asLong())
        .isZero();
  }

  @Test
  void responsesCarrySecurityHeadersAndLargeBodiesAreRefused() {
    Api.Response r = admin.get("/api/v1/node-types");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    String big = "x".repeat(5 * 1024 * 1024);
    assertThat(admin.postText("/api/v1/workflows/validate", big, "application/yaml").status())
        .isEqualTo(413);
  }
}

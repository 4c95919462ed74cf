package io.baton.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends ServerTest {
  @Test
  void theOpenApiDocumentAndSwaggerUiAreServed() {
    Api anonymous = new Api(port, null, null);
    Api.Response docs = anonymous.get("/v3/api-docs");
    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.has("/api/v1/workflows")).isTrue();
    assertThat(paths.has("/api/v1/workflows/{id}/execute")).isTrue();
    assertThat(paths.has("/api/v1/executions/{id}")).isTrue();
    assertThat(paths.has("/api/v1/inputs/{waitId}")).isTrue();
    assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    Api.Response missing = admin.get("/api/v1/nothing-here");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    Api.Response method = admin.delete("/api/v1/node-types");
    assertThat(method.status()).isEqualTo(405);
  }
}

package io.baton.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class WorkflowApiTest extends ServerTest {
  @Test
  void createsGetsListsUpdatesPublishesExportsAndDeletes() {
    Api api = admin.in("wf-crud");
    Api.Response created =
        api.postText("/api/v1/workflows", Flows.greeter("greeter"), "application/yaml");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/workflows/greeter");
    JsonNode body = created.json();
    assertThat(body.get("version").asString()).isEqualTo("1");
    assertThat(body.get("status").asString()).isEqualTo("draft");
    assertThat(body.get("sourceFormat").asString()).isEqualTo("baton");
    assertThat(body.get("definition").get("steps").get(0).get("tool").asString()).isEqualTo("echo");

    Api.Response updated =
        api.putText(
            "/api/v1/workflows/greeter",
            Flows.greeter("greeter").replace("Greeter", "Greeter 2"),
            "application/yaml");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("version").asString()).isEqualTo("2");
    assertThat(updated.json().get("name").asString()).isEqualTo("Greeter 2");

    assertThat(api.get("/api/v1/workflows/greeter?version=1").json().get("name").asString())
        .isEqualTo("Greeter");
    JsonNode versions = api.get("/api/v1/workflows/greeter/versions").json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);

    Api.Response published = api.post("/api/v1/workflows/greeter/publish", Map.of("version", "1"));
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().get("status").asString()).isEqualTo("published");

    JsonNode page = api.get("/api/v1/workflows?page=1&page_size=10").json();
    assertThat(page.get("total").asLong()).isEqualTo(1);
    JsonNode summary = page.get("items").get(0);
    assertThat(summary.get("latestVersion").asString()).isEqualTo("2");
    assertThat(summary.get("publishedVersion").asString()).isEqualTo("1");

    Api.Response yaml = api.get("/api/v1/workflows/greeter/export?format=yaml");
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).contains("id: greeter").contains("tool: echo");
    Api.Response json = api.get("/api/v1/workflows/greeter/export?format=json&version=1");
    assertThat(Api.JSON.readTree(json.body()).get("name").asString()).isEqualTo("Greeter");

    assertThat(api.delete("/api/v1/workflows/greeter").status()).isEqualTo(204);
    assertThat(api.get("/api/v1/workflows/greeter").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/workflows").json().get("total").asLong()).isZero();
  }

  @Test
  void acceptsJsonBodies() {
    Api api = admin.in("wf-json");
    Map<String, Object> definition =
        Map.of(
            "id",
            "json-flow",
            "steps",
            List.of(Map.of("id", "a", "type", "tool", "tool", "echo", "input", Map.of("x", 1))));
    Api.Response created = api.post("/api/v1/workflows", definition);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("id").asString()).isEqualTo("json-flow");
  }

  @ParameterizedTest
  @CsvSource({
    "mplp-multi-agent-collaboration.json, mplp-workflow, multi-agent-collaboration",
    "mplp-parallel.json, mplp-definition, par-001",
    "iflow-full-stack-development.json, iflow, full_stack_development"
  })
  void acceptsTheSeedFormatsUnchanged(String file, String format, String id) throws IOException {
    Api api = admin.in("wf-seeds");
    String text;
    try (InputStream in = getClass().getResourceAsStream("/seeds/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Api.Response validated = api.postText("/api/v1/workflows/validate", text, "application/json");
    assertThat(validated.status()).isEqualTo(200);
    assertThat(validated.json().get("sourceFormat").asString()).isEqualTo(format);
    Api.Response created = api.postText("/api/v1/workflows", text, "application/json");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("id").asString()).isEqualTo(id);
    assertThat(created.json().get("sourceFormat").asString()).isEqualTo(format);
  }

  @Test
  void validationReportsErrorsWithPointers() {
    String broken =
        """
        id: broken
        steps:
          - id: a
            type: tool
            tool: echo
            dependsOn: [nowhere]
        """;
    Api.Response result = admin.postText("/api/v1/workflows/validate", broken, "application/yaml");
    assertThat(result.status()).isEqualTo(200);
    JsonNode body = result.json();
    assertThat(body.get("valid").asBoolean()).isFalse();
    JsonNode diagnostic = body.get("diagnostics").get(0);
    assertThat(diagnostic.get("severity").asString()).isEqualTo("error");
    assertThat(diagnostic.get("pointer").asString()).isEqualTo("/steps/0/dependsOn/0");
    assertThat(diagnostic.get("line").asInt()).isEqualTo(6);
    assertThat(diagnostic.get("stepId").asString()).isEqualTo("a");

    Api.Response refused = admin.postText("/api/v1/workflows", broken, "application/yaml");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("pointer").asString())
        .isEqualTo("/steps/0/dependsOn/0");
    assertThat(refused.json().get("instance").asString()).isEqualTo("/api/v1/workflows");
  }

  @Test
  void refusesDuplicatesMismatchedIdsAndBadPages() {
    Api api = admin.in("wf-errors");
    assertThat(api.postText("/api/v1/workflows", Flows.greeter("dup"), "application/yaml").status())
        .isEqualTo(201);
    Api.Response duplicate =
        api.postText("/api/v1/workflows", Flows.greeter("dup"), "application/yaml");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/id");

    Api.Response mismatch =
        api.putText("/api/v1/workflows/dup", Flows.greeter("other"), "application/yaml");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/id");

    Api.Response badPage = api.get("/api/v1/workflows?page_size=1000");
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.json().get("errors").get(0).get("pointer").asString())
        .isEqualTo("/page_size");
    assertThat(api.get("/api/v1/workflows/nope").status()).isEqualTo(404);
  }

  @Test
  void nodeTypeCatalogueCarriesSchemasAndTranslations() {
    JsonNode types = admin.get("/api/v1/node-types").json();
    assertThat(types.size()).isGreaterThanOrEqualTo(15);
    JsonNode human = null;
    for (JsonNode t : types) {
      if (t.get("type").asString().equals("human")) {
        human = t;
      }
    }
    assertThat(human).isNotNull();
    JsonNode supervisor = null;
    for (JsonNode t : types) {
      if (t.get("type").asString().equals("supervisor")) {
        supervisor = t;
      }
    }
    assertThat(supervisor).as("the AI module's step types are in the catalogue").isNotNull();
    assertThat(supervisor.get("category").asString()).isEqualTo("agent");
    assertThat(supervisor.get("label").get("zh").asString()).isEqualTo("主管");
    JsonNode turn = null;
    for (JsonNode t : types) {
      if (t.get("type").asString().equals("supervisor-turn")) {
        turn = t;
      }
    }
    assertThat(turn).as("the steps team turns take are named in three languages").isNotNull();
    assertThat(turn.get("label").get("ja").asString()).isEqualTo("スーパーバイザーのターン");
    for (JsonNode t : types) {
      assertThat(t.get("description").get("en").asString())
          .as("built-in type %s has its own texts", t.get("type").asString())
          .isNotEqualTo("A step type added by an extension.");
    }
    assertThat(human.get("category").asString()).isEqualTo("human");
    assertThat(human.get("label").get("zh").asString()).isEqualTo("人工输入");
    assertThat(human.get("label").get("ja").asString()).isEqualTo("人による入力");
    JsonNode schema = human.get("configSchema");
    assertThat(schema.get("$ref").asString()).isEqualTo("#/$defs/humanStep");
    assertThat(schema.get("$defs").get("humanStep").get("properties").has("prompt")).isTrue();
    assertThat(schema.get("$defs").has("common")).isTrue();
  }
}

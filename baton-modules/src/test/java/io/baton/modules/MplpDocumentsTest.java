package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.modules.mplp.MplpSchemas;
import io.baton.modules.store.StoredEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every module's stored documents validate against its MPLP v1.0 schema; the MPLP examples
 * validate; the six invalid documents of the cross-language suite are rejected, with the location.
 */
class MplpDocumentsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HubFixture f = new HubFixture();

  @AfterEach
  void close() {
    f.close();
  }

  /** For each module, operations that make it store documents. */
  static List<Arguments> moduleOperations() {
    return List.of(
        Arguments.of(
            "context",
            List.of(
                op(
                    "context",
                    "create-context",
                    Map.of(
                        "name",
                        "n",
                        "type",
                        "t",
                        "tags",
                        List.of("x"),
                        "variables",
                        Map.of("k", 1))),
                op("context", "set-variable", Map.of("name", "v", "value", List.of(1, 2))))),
        Arguments.of(
            "plan",
            List.of(
                op(
                    "plan",
                    "create-plan",
                    Map.of(
                        "objective",
                        "ship",
                        "tasks",
                        List.of(
                            Map.of("id", "a", "title", "A", "role", "dev"),
                            Map.of("title", "B", "dependsOn", List.of("a"))))),
                op("plan", "execute-plan", Map.of()))),
        Arguments.of(
            "role",
            List.of(
                op("role", "assign-roles", Map.of("roles", List.of("coordinator", "executor"))),
                op(
                    "role",
                    "define-role",
                    Map.of("name", "auditor", "capabilities", List.of("read", "audit"))))),
        Arguments.of(
            "confirm", List.of(op("confirm", "request-approval", Map.of("reason", "go?")))),
        Arguments.of(
            "trace",
            List.of(op("trace", "start-monitoring", Map.of("planId", "not-a-uuid-build")))),
        Arguments.of(
            "extension",
            List.of(
                op(
                    "extension",
                    "install",
                    Map.of("name", "lint", "type", "validation", "version", "2.1.0")),
                op("extension", "activate", Map.of("name", "lint")))),
        Arguments.of(
            "dialog",
            List.of(
                op(
                    "dialog",
                    "facilitate-communication",
                    Map.of("participants", List.of("author", "editor"), "topic", "docs")))),
        Arguments.of(
            "collab",
            List.of(
                op(
                    "collab",
                    "create",
                    Map.of(
                        "title",
                        "review",
                        "purpose",
                        "decide",
                        "mode",
                        "round_robin",
                        "participants",
                        List.of("a", "b", Map.of("id", "c", "kind", "human")))))),
        Arguments.of("core", List.of(op("core", "describe", Map.of()))),
        Arguments.of(
            "network",
            List.of(
                op("network", "register-node", Map.of("name", "hub", "kind", "service")),
                op("network", "register-node", Map.of("name", "a1", "role", "executor")))));
  }

  private static Map<String, Object> op(
      String module, String operation, Map<String, Object> input) {
    return Map.of("module", module, "operation", operation, "input", input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleOperations")
  @SuppressWarnings("unchecked")
  void everyStoredDocumentOfTheModuleConforms(String module, List<Map<String, Object>> operations) {
    for (Map<String, Object> o : operations) {
      f.hub.invoke(
          (String) o.get("module"),
          (String) o.get("operation"),
          (Map<String, Object>) o.get("input"));
    }
    List<StoredEntity> stored = f.store.list(module, module, null, 100);
    assertThat(stored).isNotEmpty();
    for (StoredEntity e : stored) {
      assertThat(MplpSchemas.problems(module, e.document()))
          .as(module + " " + e.document())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "context",
        "plan",
        "role",
        "confirm",
        "trace",
        "extension",
        "dialog",
        "collab",
        "core",
        "network"
      })
  void theMplpExamplesOfEachModuleValidate(String module) throws IOException {
    for (String kind : List.of("minimal", "with-events")) {
      Map<String, Object> doc =
          read(Path.of("src/test/resources/mplp/examples", module + "." + kind + ".json"));
      doc.remove("$comment");
      assertThat(MplpSchemas.problems(module, doc)).as(module + "." + kind).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "confirm_invalid_enum:confirm:/status",
        "context_extra_forbidden:context:/meta",
        "context_invalid_datetime:context:/meta/created_at",
        "context_invalid_uuid:context:/context_id",
        "context_missing_required:context:",
        "plan_step_missing_id:plan:/steps/0"
      })
  void theInvalidDocumentsAreRejectedWithTheirLocation(String spec) throws IOException {
    String[] parts = spec.split(":", -1);
    Map<String, Object> doc = read(Path.of("src/test/resources/mplp/invalid", parts[0] + ".json"));
    List<String> problems = MplpSchemas.problems(parts[1], doc);
    assertThat(problems).as(parts[0]).isNotEmpty();
    assertThat(problems)
        .as(parts[0])
        .anySatisfy(p -> assertThat(p).startsWith(parts[2].isEmpty() ? "/" : parts[2]));
  }

  private static Map<String, Object> read(Path file) throws IOException {
    return JSON.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
  }
}

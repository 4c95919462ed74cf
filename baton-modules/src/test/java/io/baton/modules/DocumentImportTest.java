package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.modules.mplp.MplpDocumentInvalidException;
import io.baton.modules.mplp.MplpInvariants;
import io.baton.modules.mplp.MplpSchemas;
import io.baton.modules.store.EntityConflictException;
import io.baton.modules.store.EntityKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ModuleHub.importDocument}: the MPLP examples import into the store and the modules then
 * work with them; invalid documents are refused with each problem located by JSON pointer.
 */
class DocumentImportTest {
  private static final Path EXAMPLES = Path.of("src/test/resources/mplp/examples");
  private static final Path INVALID = Path.of("src/test/resources/mplp/invalid");
  private final HubFixture f = new HubFixture();

  @AfterEach
  void close() {
    f.close();
  }

  static List<String> examples() throws IOException {
    try (var files = Files.list(EXAMPLES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("event.")) // an event, not a module document
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleImportsAsItsModulesDocument(String file) throws IOException {
    String module = file.substring(0, file.indexOf('.'));
    String text = Files.readString(EXAMPLES.resolve(file));

    Map<String, Object> stored = f.hub.importDocument(module, text);

    String id = (String) stored.get(module + "_id");
    assertThat(stored).doesNotContainKey("$comment");
    assertThat(f.store.find(new EntityKey(module, module, id))).isPresent();
    assertThat(MplpSchemas.problems(module, stored)).isEmpty();
    assertThat(MplpInvariants.problems(module, stored)).isEmpty();
  }

  @Test
  void anImportedDocumentIsOneTheModulesWorkWith() throws IOException {
    Map<String, Object> context =
        f.hub.importDocument("Context", Files.readString(EXAMPLES.resolve("context.minimal.json")));
    String contextId = (String) context.get("context_id");

    Map<?, ?> plan =
        (Map<?, ?>)
            f.hub.invoke("plan", "create-plan", Map.of("contextId", contextId, "objective", "x"));
    assertThat(plan.get("contextId")).isEqualTo(contextId);
    Map<?, ?> role =
        (Map<?, ?>)
            f.hub.importDocument("role", Files.readString(EXAMPLES.resolve("role.minimal.json")));
    Map<?, ?> found =
        (Map<?, ?>)
            f.hub.invoke("role", "get-role", Map.of("role", String.valueOf(role.get("name"))));
    assertThat(found.get("roleId")).isEqualTo(role.get("role_id"));
  }

  @Test
  void importingTheSameDocumentTwiceIsAConflict() throws IOException {
    String text = Files.readString(EXAMPLES.resolve("plan.minimal.json"));
    f.hub.importDocument("plan", text);
    assertThatThrownBy(() -> f.hub.importDocument("plan", text))
        .isInstanceOf(EntityConflictException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "confirm_invalid_enum, confirm, /status",
    "context_extra_forbidden, context, /meta",
    "context_invalid_datetime, context, /meta/created_at",
    "context_invalid_uuid, context, /context_id",
    "context_missing_required, context, /",
    "plan_step_missing_id, plan, /steps/0",
  })
  void theInvalidFixturesAreRefusedWithTheirLocation(String file, String module, String pointer)
      throws IOException {
    String text = Files.readString(INVALID.resolve(file + ".json"));
    assertThatThrownBy(() -> f.hub.importDocument(module, text))
        .isInstanceOfSatisfying(
            MplpDocumentInvalidException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.startsWith(pointer + ": ")));
    assertThat(f.store.list(module, module, "import", 10)).isEmpty();
  }

  @Test
  void aDocumentBreakingAnInvariantIsRefusedNamingTheInvariant() throws IOException {
    Map<String, Object> collab = GoldenFlow.json(EXAMPLES.resolve("collab.minimal.json"));
    Map<String, Object> broken = new LinkedHashMap<>(collab);
    broken.remove("$comment");
    List<Map<String, Object>> participants = List.of(Map.of("participant_id", "", "kind", "agent"));
    broken.put("participants", participants);

    assertThatThrownBy(() -> f.hub.importDocument("collab", broken))
        .isInstanceOfSatisfying(
            MplpDocumentInvalidException.class,
            e ->
                assertThat(e.problems())
                    .contains(
                        "/participants/0/participant_id: expected a non-empty string, found \"\""
                            + " (invariant map_participant_ids_are_non_empty)"));
  }

  @Test
  void textThatIsNotJsonIsRefusedWithItsLine() {
    assertThatThrownBy(() -> f.hub.importDocument("context", "{\n  \"context_id\": }"))
        .isInstanceOf(MplpDocumentInvalidException.class)
        .hasMessageContaining("/: not a JSON object")
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> f.hub.importDocument("contxt", "{}"))
        .hasMessageContaining("did you mean \"context\"?");
  }
}

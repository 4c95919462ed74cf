package io.baton.modules.mplp.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.modules.mplp.invariant.InvariantSet.Presence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The invariant evaluator on the rule and path forms of the MPLP invariant files. */
class InvariantSetTest {
  private static final Map<String, Object> CONTEXT =
      Map.of("context_id", "550e8400-e29b-41d4-a716-446655440000", "status", "active");

  private static InvariantSet set(String yaml) {
    return InvariantSet.read(
        "test", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String rule(String scope, String path, String rule) {
    return "invariants:\n  - id: r\n    scope: "
        + scope
        + "\n"
        + (path == null ? "" : "    path: " + path + "\n")
        + "    rule: '"
        + rule
        + "'\n";
  }

  @Test
  void aWildcardIsCheckedItemByItemAndTheFailingItemIsNamed() {
    Map<String, Object> plan =
        Map.of("steps", List.of(Map.of("description", "Step 1"), Map.of("description", " ")));
    List<Violation> v =
        set(rule("plan", "steps[*].description", "non-empty-string"))
            .check(Map.of("plan", plan), Presence.REQUIRED);
    assertThat(v).hasSize(1);
    assertThat(v.getFirst().toString())
        .isEqualTo(
            "plan.steps[1].description: expected a non-empty string, found \" \" (invariant r)");
    assertThat(v.getFirst().pointer()).isEqualTo("/steps/1/description");
  }

  @Test
  void eqComparesWithTheOtherDocumentOfTheFlow() {
    Map<String, Object> plan = Map.of("context_id", "550e8400-e29b-41d4-a716-446655440009");
    List<Violation> v =
        set(rule("plan", "context_id", "eq(context.context_id)"))
            .check(Map.of("context", CONTEXT, "plan", plan), Presence.REQUIRED);
    assertThat(v)
        .singleElement()
        .asString()
        .contains("expected \"550e8400-e29b-41d4-a716-446655440000\" (the context's context_id)")
        .contains("found \"550e8400-e29b-41d4-a716-446655440009\"");
    assertThat(
            set(rule("plan", "context_id", "eq(context.context_id)"))
                .check(
                    Map.of(
                        "context",
                        CONTEXT,
                        "plan",
                        Map.of("context_id", CONTEXT.get("context_id"))),
                    Presence.REQUIRED))
        .isEmpty();
  }

  @Test
  void enumsMinLengthsUuidsAndDatesSayWhatTheyExpected() {
    Map<String, Object> doc =
        Map.of(
            "status",
            "closed",
            "steps",
            List.of(),
            "id",
            "123e4567-e89b-12d3-a456-426614174000",
            "at",
            "yesterday");
    assertThat(
            set(rule("x", "status", "enum(\"draft\", \"active\", \"archived\")"))
                .check(Map.of("x", doc), Presence.REQUIRED))
        .singleElement()
        .asString()
        .contains("expected one of [draft, active, archived], found \"closed\"");
    assertThat(set(rule("x", "steps", "min-length(3)")).check(Map.of("x", doc), Presence.REQUIRED))
        .singleElement()
        .asString()
        .contains("expected at least 3 items, found 0");
    assertThat(set(rule("x", "id", "uuid-v4")).check(Map.of("x", doc), Presence.REQUIRED))
        .singleElement()
        .asString()
        .contains("expected a UUID v4");
    assertThat(set(rule("x", "at", "iso-datetime")).check(Map.of("x", doc), Presence.REQUIRED))
        .singleElement()
        .asString()
        .contains("expected an ISO 8601 date-time");
  }

  @Test
  void aMissingValueBreaksARequiredRuleButNotOneCheckedWhenPresent() {
    InvariantSet s = set(rule("context", "owner_role", "non-empty-string"));
    assertThat(s.check(Map.of("context", CONTEXT), Presence.REQUIRED))
        .singleElement()
        .asString()
        .isEqualTo("context.owner_role: expected a value, it is missing (invariant r)");
    assertThat(s.check(Map.of("context", CONTEXT), Presence.WHEN_PRESENT)).isEmpty();
    assertThat(
            set(rule("context", "owner_role", "exists"))
                .check(Map.of("context", CONTEXT), Presence.WHEN_PRESENT))
        .hasSize(1);
    assertThat(s.check(Map.of(), Presence.REQUIRED))
        .singleElement()
        .asString()
        .contains("there is no context document to check");
  }

  @Test
  void theToolCallFlowsFilterRulesHoldOnItsTraceAndFailWithoutToolEvents() throws IOException {
    Path flow = Path.of("src/test/resources/mplp/golden/flows/tool-call-flow");
    InvariantSet s =
        InvariantSet.read("tool-call-flow", Files.newInputStream(flow.resolve("invariants.yaml")));
    Map<String, Object> trace =
        JsonMapper.builder()
            .build()
            .readValue(
                Files.readString(flow.resolve("pack/artifacts/trace.json")),
                new tools.jackson.core.type.TypeReference<>() {});

    assertThat(s.invariants()).hasSize(3);
    assertThat(s.check(Map.of("trace", trace), Presence.REQUIRED)).isEmpty();
    assertThat(
            s.check(
                Map.of("trace", Map.of("events", List.of(Map.of("event_type", "tool.call")))),
                Presence.REQUIRED))
        .extracting(Violation::invariantId)
        .containsExactlyInAnyOrder("tool_result_event_present", "tool_data_present");
  }

  @Test
  void everyInvariantFileOfTheSchemasReadsAndProseOnlyInvariantsAreKeptApart() {
    for (String file : List.of("sa", "map", "observability", "integration", "learning")) {
      InvariantSet s = InvariantSet.resource("mplp/v2/invariants/" + file + "-invariants.yaml");
      assertThat(s.invariants()).as(file).isNotEmpty();
    }
    assertThat(InvariantSet.resource("mplp/v2/invariants/map-invariants.yaml").descriptiveOnly())
        .containsExactly("map_turn_completion_matches_dispatch", "map_broadcast_has_receivers");
  }

  @Test
  void anUnknownRuleOrPathIsRefusedWhenReadNamingTheInvariant() {
    assertThatThrownBy(() -> set(rule("x", "a", "between(1,2)")))
        .hasMessageContaining("invariant 'r' of test: unknown invariant rule 'between(1,2)'")
        .hasMessageContaining("min-length(n)");
    assertThatThrownBy(() -> set(rule("x", "a..b", "exists")))
        .hasMessageContaining("cannot be read at position");
  }
}

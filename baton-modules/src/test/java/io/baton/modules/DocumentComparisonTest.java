package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden comparison tells ids and timestamps apart from everything else. */
class DocumentComparisonTest {
  private static final String C1 = "550e8400-e29b-41d4-a716-446655440000";
  private static final String P1 = "550e8400-e29b-41d4-a716-446655440001";
  private static final String A1 = "00000000-0000-4000-8000-000000000001";
  private static final String A2 = "00000000-0000-4000-8000-000000000002";

  @Test
  void idsMayDifferButMustCorrespondAcrossDocuments() {
    Map<String, Object> context =
        Map.of("context_id", C1, "created_at", "2025-01-01T00:00:00.000Z");
    Map<String, Object> plan = Map.of("plan_id", P1, "context_id", C1);

    assertThat(
            new DocumentComparison(Map.of())
                .compare(
                    "context",
                    context,
                    Map.of("context_id", A1, "created_at", "2026-02-02T10:00:00.000Z"))
                .compare("plan", plan, Map.of("plan_id", A2, "context_id", A1))
                .differences())
        .isEmpty();
    assertThat(
            new DocumentComparison(Map.of())
                .compare(
                    "context",
                    context,
                    Map.of("context_id", A1, "created_at", "2026-02-02T10:00:00.000Z"))
                .compare("plan", plan, Map.of("plan_id", A2, "context_id", A2))
                .differences())
        .anySatisfy(d -> assertThat(d).startsWith("plan.context_id: ids do not correspond"));
  }

  @Test
  void valuesMissingFieldsExtraFieldsAndArrayLengthsAreDifferences() {
    Map<String, Object> expected =
        Map.of(
            "status",
            "approved",
            "reason",
            "x",
            "decisions",
            List.of(Map.of("status", "rejected")));
    Map<String, Object> actual =
        Map.of(
            "status",
            "pending",
            "decisions",
            List.of(Map.of("status", "rejected"), Map.of("status", "approved")),
            "events",
            List.of(),
            "surprise",
            1);

    assertThat(new DocumentComparison(Map.of()).compare("confirm", expected, actual).differences())
        .containsExactlyInAnyOrder(
            "confirm.status: expected \"approved\", found \"pending\"",
            "confirm.reason: missing (expected x)",
            "confirm.decisions: expected 1 items, found 2",
            "confirm.surprise: not expected (found 1)");
  }

  @Test
  void aToleratedPathIsNotCompared() {
    assertThat(
            new DocumentComparison(Map.of("trace.events[0].data.reason", "fixture abbreviates"))
                .compare(
                    "trace",
                    Map.of("events", List.of(Map.of("data", Map.of("reason", "short")))),
                    Map.of("events", List.of(Map.of("data", Map.of("reason", "long")))))
                .differences())
        .isEmpty();
  }
}

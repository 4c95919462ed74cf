package io.baton.modules.mplp;

import io.baton.modules.mplp.invariant.Invariant;
import io.baton.modules.mplp.invariant.InvariantSet;
import io.baton.modules.mplp.invariant.InvariantSet.Presence;
import io.baton.modules.mplp.invariant.Rule;
import io.baton.modules.mplp.invariant.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of {@code schemas/v2/invariants/} that hold for every stored module document, on
 * top of its JSON Schema: those whose scope is a module ({@code context}, {@code plan}, {@code
 * collab}, {@code trace}, …) apply to its documents, those of scope {@code event} to each entry of
 * a document's {@code events[]}. They are checked where the value is present (optional fields may
 * be absent).
 *
 * <p>Left out, because they do not describe a stored document: the scopes of the integration and
 * learning files ({@code tool_event}, {@code git_event}, {@code ci_event}, {@code
 * file_update_event}, {@code learning_sample} — Baton stores none of those), {@code eq()} rules
 * (they bind the documents of one flow together; the golden flows check them), and the two SA
 * profile preconditions of an executing agent ({@link #SA_EXECUTION_PRECONDITIONS}: a context may
 * be a draft or closed, a trace starts empty).
 *
 * <pre>{@code
 * List<String> problems = MplpInvariants.problems("plan", plan); // ["/steps/0/step_id: expected a UUID v4, …"]
 * }</pre>
 */
public final class MplpInvariants {
  /** The files applied, as shipped in this jar. */
  public static final List<String> FILES =
      List.of(
          "mplp/v2/invariants/sa-invariants.yaml",
          "mplp/v2/invariants/map-invariants.yaml",
          "mplp/v2/invariants/observability-invariants.yaml");

  /** SA invariants that hold while a single agent executes, not for every stored document. */
  public static final Set<String> SA_EXECUTION_PRECONDITIONS =
      Set.of("sa_context_must_be_active", "sa_trace_not_empty");

  private static final List<InvariantSet> SETS =
      FILES.stream()
          .map(InvariantSet::resource)
          .map(
              s ->
                  s.only(
                      i ->
                          !(i.rule() instanceof Rule.EqualTo)
                              && !SA_EXECUTION_PRECONDITIONS.contains(i.id())
                              && (MplpSchemas.MODULES.contains(i.scope())
                                  || "event".equals(i.scope()))))
          .toList();

  private MplpInvariants() {}

  /** The invariants applied to documents of {@code module} and to their events. */
  public static List<Invariant> applied(String module) {
    return SETS.stream()
        .flatMap(s -> s.invariants().stream())
        .filter(i -> i.scope().equals(module) || "event".equals(i.scope()))
        .toList();
  }

  /** The violations of {@code document} of {@code module}, located by JSON pointer. */
  public static List<Violation> violations(String module, Map<String, Object> document) {
    List<Violation> out = new ArrayList<>();
    for (InvariantSet set : SETS) {
      InvariantSet own = set.only(i -> i.scope().equals(module));
      out.addAll(own.check(Map.of(module, document), Presence.WHEN_PRESENT));
      if (document.get("events") instanceof List<?> events) {
        InvariantSet ofEvents = set.only(i -> "event".equals(i.scope()));
        for (int k = 0; k < events.size(); k++) {
          if (events.get(k) instanceof Map<?, ?> event) {
            for (Violation v : ofEvents.check(Map.of("event", event), Presence.WHEN_PRESENT)) {
              out.add(
                  new Violation(
                      v.invariantId(),
                      module,
                      "events[" + k + "]." + v.path(),
                      "/events/" + k + v.pointer(),
                      v.message()));
            }
          }
        }
      }
    }
    return out;
  }

  /** The violations as {@code "<pointer>: <message> (invariant <id>)"}, as schema problems are. */
  public static List<String> problems(String module, Map<String, Object> document) {
    return violations(module, document).stream()
        .map(v -> v.pointer() + ": " + v.message() + " (invariant " + v.invariantId() + ")")
        .toList();
  }
}

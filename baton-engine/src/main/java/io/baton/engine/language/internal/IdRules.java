package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.DUPLICATE_ID;
import static io.baton.engine.language.DiagnosticCodes.INVALID_ID;
import static io.baton.engine.language.DiagnosticCodes.MISSING_FIELD;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.WorkflowDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ids: present, well-formed, and unique — step ids across the whole definition (nesting included,
 * so that any step can be addressed by id alone), branch ids within their parallel step.
 */
final class IdRules {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  void check(WorkflowDefinition definition, StepIndex index, Findings out) {
    if (definition.id().isBlank()) {
      out.add(Finding.error(MISSING_FIELD, "/id", "a workflow needs an \"id\""));
    }
    Set<String> seen = new HashSet<>();
    for (StepEntry e : index.entries()) {
      checkId(e.id(), e.pointer(), "step", seen, out);
      if (e.step() instanceof ParallelStep p) {
        checkBranches(e, p.branches(), out);
      }
    }
  }

  private static void checkBranches(StepEntry e, List<Branch> branches, Findings out) {
    Set<String> seen = new HashSet<>();
    for (int b = 0; b < branches.size(); b++) {
      Findings branchFindings = new Findings();
      String id = branches.get(b).id();
      checkId(id == null ? "" : id, e.at("branches/" + b), "branch", seen, branchFindings);
      branchFindings.all().forEach(f -> out.add(f.step(e.id())));
    }
  }

  private static void checkId(
      String id, String pointer, String what, Set<String> seen, Findings out) {
    String stepId = what.equals("step") ? nullIfBlank(id) : null;
    if (id.isBlank()) {
      out.add(Finding.error(MISSING_FIELD, pointer, "a " + what + " needs an \"id\"").step(stepId));
      return;
    }
    if (!ID.matcher(id).matches()) {
      out.add(
          Finding.error(
                  INVALID_ID,
                  pointer + "/id",
                  "the "
                      + what
                      + " id \""
                      + id
                      + "\" may only hold letters, digits, \"-\" and \"_\"")
              .step(stepId)
              .hint("write \"" + id.strip().replaceAll("[^A-Za-z0-9_-]+", "-") + "\""));
    }
    if (!seen.add(id)) {
      String scope = what.equals("step") ? "the workflow" : "this parallel step";
      out.add(
          Finding.error(
                  DUPLICATE_ID,
                  pointer + "/id",
                  "the " + what + " id \"" + id + "\" is used more than once in " + scope)
              .step(stepId)
              .hint("give each " + what + " its own id"));
    }
  }

  private static String nullIfBlank(String id) {
    return id.isBlank() ? null : id;
  }
}

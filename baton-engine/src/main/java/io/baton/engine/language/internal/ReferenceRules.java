package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_STEP_REFERENCE;

/**
 * Dependencies, branch targets and error fallbacks name siblings: steps of the same list. A step of
 * another list (a branch, a body, the enclosing level) has no place in the same graph and cannot be
 * waited for directly.
 */
final class ReferenceRules {

  void check(StepIndex index, Findings out) {
    for (StepEntry e : index.entries()) {
      for (StepTarget t : StepTarget.of(e)) {
        if (e.scope().get(t.target()) == null) {
          out.add(unknown(index, t).step(e.id()));
        }
      }
    }
  }

  private static Finding unknown(StepIndex index, StepTarget t) {
    String subject = "\"" + t.field() + "\" names step \"" + t.target() + "\", which ";
    StepEntry elsewhere = index.find(t.target());
    if (elsewhere == null) {
      return Finding.error(UNKNOWN_STEP_REFERENCE, t.pointer(), subject + "does not exist")
          .hint(NearestName.hint(t.target(), t.referrer().scope().ids()));
    }
    return Finding.error(
            UNKNOWN_STEP_REFERENCE,
            t.pointer(),
            subject + "is not in the same list of steps as \"" + t.referrer().id() + "\"")
        .hint(where(elsewhere) + "; only sibling steps can be named here");
  }

  /** Where a step is, for hints: {@code "x" is inside "par"} or {@code "x" is a top-level step}. */
  static String where(StepEntry e) {
    StepEntry owner = e.scope().owner();
    return owner == null
        ? "\"" + e.id() + "\" is a top-level step"
        : "\"" + e.id() + "\" is inside \"" + owner.id() + "\"";
  }
}

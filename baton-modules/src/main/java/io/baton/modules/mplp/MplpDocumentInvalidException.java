package io.baton.modules.mplp;

import java.util.List;

/**
 * A module document does not conform to its MPLP schema: a bug in a module, or an imported document
 * that is not MPLP. Lists every problem with its JSON pointer.
 */
public class MplpDocumentInvalidException extends IllegalArgumentException {
  private final List<String> problems;

  /**
   * @param module the module whose schema was applied
   * @param problems each as {@code "<pointer>: <message>"}
   */
  public MplpDocumentInvalidException(String module, List<String> problems) {
    super(
        "the "
            + module
            + " document does not conform to mplp-"
            + module
            + ".schema.json and the MPLP v1.0 invariants: "
            + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as {@code "<pointer>: <message>"}. */
  public List<String> problems() {
    return problems;
  }
}

package io.baton.api.definition;

import java.util.List;

/**
 * Chooses one of several sets of steps by a value: the first matching case is taken, otherwise
 * {@code default}. The steps of the other cases are skipped. Its output is {@code {"value": …,
 * "case": index or "default"}}.
 *
 * @param value the expression whose value is matched
 * @param cases the cases, tried in order
 * @param defaultNext the steps run when no case matches
 */
public record SwitchStep(
    StepCommon common, String value, List<SwitchCase> cases, List<String> defaultNext)
    implements StepDef {
  public SwitchStep {
    cases = Frozen.list(cases);
    defaultNext = Frozen.list(defaultNext);
  }

  @Override
  public String type() {
    return "switch";
  }

  @Override
  public SwitchStep withCommon(StepCommon c) {
    return new SwitchStep(c, value, cases, defaultNext);
  }
}

package io.baton.api.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs branches side by side. Its output maps each branch id to {@code {"status": …, "value": …,
 * "error": …}}.
 *
 * @param branches the branches
 * @param mode all-settled (default) or fail-fast
 */
public record ParallelStep(StepCommon common, List<Branch> branches, ParallelMode mode)
    implements StepDef {
  public ParallelStep {
    branches = Frozen.list(branches);
    mode = mode == null ? ParallelMode.ALL_SETTLED : mode;
  }

  @Override
  public String type() {
    return "parallel";
  }

  @Override
  public List<StepDef> children() {
    List<StepDef> all = new ArrayList<>();
    branches.forEach(b -> all.addAll(b.steps()));
    return all;
  }

  @Override
  public ParallelStep withCommon(StepCommon c) {
    return new ParallelStep(c, branches, mode);
  }
}

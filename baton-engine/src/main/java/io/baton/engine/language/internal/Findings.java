package io.baton.engine.language.internal;

import io.baton.engine.language.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found so far, in the order they were found. Collecting instead of throwing reports
 * them all.
 */
public final class Findings {
  private final List<Finding> all = new ArrayList<>();

  /** Records a problem. */
  public void add(Finding finding) {
    all.add(finding);
  }

  /** Records several problems. */
  public void addAll(List<Finding> findings) {
    all.addAll(findings);
  }

  /** Everything recorded. */
  public List<Finding> all() {
    return List.copyOf(all);
  }

  /** Whether an error was recorded. */
  public boolean hasErrors() {
    return all.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}

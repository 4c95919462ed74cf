package io.baton.cli.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a run's steps out as an indented tree, depth first in the order the steps appeared: each
 * nested step under its composite, labelled relative to it ({@code [3]/work} under {@code fanout}).
 */
final class TreeLayout {
  private TreeLayout() {}

  /** One row of the tree. */
  record Row(StepNode node, int depth, String label) {}

  /** The rows of {@code progress}, top to bottom. */
  static List<Row> rows(RunProgress progress) {
    List<Row> rows = new ArrayList<>();
    progress.roots().forEach(root -> add(root, 0, rows));
    return rows;
  }

  private static void add(StepNode node, int depth, List<Row> rows) {
    rows.add(new Row(node, depth, depth == 0 ? node.path() : StepPaths.label(node.path())));
    node.children().forEach(child -> add(child, depth + 1, rows));
  }
}

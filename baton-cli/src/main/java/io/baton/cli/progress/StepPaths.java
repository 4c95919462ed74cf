package io.baton.cli.progress;

/**
 * Reads step paths: {@code fanout[3]/summarise} is step {@code summarise} in scope {@code 3} of
 * composite {@code fanout}; {@code review/ask} (a display path) is step {@code ask} of the child
 * run of subworkflow step {@code review}.
 */
final class StepPaths {
  private StepPaths() {}

  /**
   * The path of the composite or subworkflow step that {@code path} is nested in, or null at the
   * top level.
   */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    return withoutScopeKey(path.substring(0, slash));
  }

  /** The id of the step at {@code path}: its last segment. */
  static String stepId(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The label of {@code path} under its parent: {@code [3]/summarise} under {@code fanout}. */
  static String label(String path) {
    String parent = parent(path);
    if (parent == null) {
      return path;
    }
    String rest = path.substring(parent.length());
    return rest.startsWith("/") ? rest.substring(1) : rest;
  }

  /** How deep {@code path} is nested: 0 at the top level. */
  static int depth(String path) {
    int depth = 0;
    for (String p = parent(path); p != null; p = parent(p)) {
      depth++;
    }
    return depth;
  }

  private static String withoutScopeKey(String segmentPath) {
    if (!segmentPath.endsWith("]")) {
      return segmentPath;
    }
    int open = segmentPath.lastIndexOf('[');
    int slash = segmentPath.lastIndexOf('/');
    return open > slash ? segmentPath.substring(0, open) : segmentPath;
  }
}

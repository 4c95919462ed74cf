package io.baton.engine.expression.internal;

import io.baton.engine.expression.Reference;
import io.baton.engine.expression.Variables;
import io.baton.engine.expression.internal.PathSyntax.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a parsed path into its canonical form. A root that is a variable stays; any other root is
 * the seeds' step alias: {@code X.result…} and {@code X.output…} read {@code steps.X.output…},
 * {@code X.status} and {@code X.error} read {@code steps.X.status} and {@code steps.X.error}.
 */
final class StepPaths {
  private static final Map<String, String> ALIAS_FIELDS =
      Map.of(
          "result", Variables.STEP_OUTPUT,
          "output", Variables.STEP_OUTPUT,
          "status", Variables.STEP_STATUS,
          "error", Variables.STEP_ERROR);

  /** A canonical path (segment 0 is the variable) and the step it reads, if any. */
  record Resolved(List<Segment> segments, List<Reference> references) {}

  private StepPaths() {}

  /**
   * The canonical form of {@code path}.
   *
   * @throws io.baton.api.spi.ExpressionException when the root is neither a variable nor a step
   *     alias
   */
  static Resolved resolve(PathSyntax.Parsed path, Set<String> variables, PlaceholderText text) {
    return variables.contains(path.root())
        ? variablePath(path, text)
        : aliasPath(path, variables, text);
  }

  private static Resolved variablePath(PathSyntax.Parsed path, PlaceholderText text) {
    List<Segment> segments = new ArrayList<>();
    segments.add(new Segment(path.root(), path.rootPosition()));
    segments.addAll(path.segments());
    List<Reference> references = List.of();
    if (path.root().equals(Variables.STEPS)
        && !path.segments().isEmpty()
        && path.segments().getFirst().key() instanceof String id) {
      int at = path.segments().getFirst().position();
      char first = text.content().charAt(at);
      // steps["id"]: the segment starts at the quote, the id one further
      references =
          List.of(new Reference(id, text.content(), first == '"' || first == '\'' ? at + 1 : at));
    }
    return new Resolved(List.copyOf(segments), references);
  }

  private static Resolved aliasPath(
      PathSyntax.Parsed path, Set<String> variables, PlaceholderText text) {
    Segment field = path.segments().isEmpty() ? null : path.segments().getFirst();
    if (field == null || !(field.key() instanceof String name) || !ALIAS_FIELDS.containsKey(name)) {
      throw text.error(
          "'"
              + path.root()
              + "' is neither a variable "
              + new TreeSet<>(variables)
              + " nor a step reference (<step>.result, <step>.output, <step>.status, <step>.error)",
          path.rootPosition());
    }
    List<Segment> segments = new ArrayList<>();
    segments.add(new Segment(Variables.STEPS, path.rootPosition()));
    segments.add(new Segment(path.root(), path.rootPosition()));
    segments.add(new Segment(ALIAS_FIELDS.get(name), field.position()));
    segments.addAll(path.segments().subList(1, path.segments().size()));
    return new Resolved(
        List.copyOf(segments),
        List.of(new Reference(path.root(), text.content(), path.rootPosition())));
  }
}

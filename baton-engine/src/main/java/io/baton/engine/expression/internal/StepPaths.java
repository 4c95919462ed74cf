package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionException;
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

  /** A canonical path and the step it reads, if any. */
  record Resolved(List<Segment> segments, List<Reference> references) {}

  private StepPaths() {}

  static Resolved resolve(
      PathSyntax.Parsed path,
      Set<String> variables,
      String content,
      int contentStart,
      TemplateSite site) {
    List<Segment> segments = new ArrayList<>();
    segments.add(new Segment(path.root(), path.rootPosition()));
    if (variables.contains(path.root())) {
      segments.addAll(path.segments());
      List<Reference> references = List.of();
      if (path.root().equals(Variables.STEPS) && !path.segments().isEmpty()) {
        Segment step = path.segments().getFirst();
        if (step.key() instanceof String id) {
          char first = content.charAt(step.position());
          int at = first == '"' || first == '\'' ? step.position() + 1 : step.position();
          references = List.of(new Reference(id, content, at));
        }
      }
      return new Resolved(List.copyOf(segments), references);
    }
    Segment field = path.segments().isEmpty() ? null : path.segments().getFirst();
    if (field == null || !(field.key() instanceof String name) || !ALIAS_FIELDS.containsKey(name)) {
      throw new ExpressionException(
          "in ${"
              + content
              + "}: '"
              + path.root()
              + "' is neither a variable "
              + new TreeSet<>(variables)
              + " nor a step reference (<step>.result, <step>.output, <step>.status, <step>.error)"
              + site.suffix(),
          site.text(),
          contentStart + path.rootPosition());
    }
    segments.set(0, new Segment(Variables.STEPS, path.rootPosition()));
    segments.add(new Segment(path.root(), path.rootPosition()));
    segments.add(new Segment(ALIAS_FIELDS.get(name), field.position()));
    segments.addAll(path.segments().subList(1, path.segments().size()));
    return new Resolved(
        List.copyOf(segments), List.of(new Reference(path.root(), content, path.rootPosition())));
  }
}

package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.INVALID_EXPRESSION;
import static io.baton.engine.language.DiagnosticCodes.INVALID_TEMPLATE;
import static io.baton.engine.language.DiagnosticCodes.NOT_UPSTREAM;
import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_EXPRESSION_LANGUAGE;
import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_STEP_REFERENCE;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Reference;
import io.baton.engine.language.ExpressionSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expressions and templates: they compile, the steps they read exist and are visible (same scope or
 * an enclosing one; a loop's or map's own body for the fields evaluated inside it), and — a warning
 * otherwise — those steps are upstream of the reader, so that they have run when it reads them.
 */
final class ExpressionRules {
  private final ExpressionSupport support;

  ExpressionRules(ExpressionSupport support) {
    this.support = support;
  }

  void check(WorkflowDefinition definition, StepIndex index, Findings out) {
    String dialect = definition.expressionLanguage();
    boolean dialectKnown = support.dialects().contains(dialect);
    boolean reported = false;
    Upstream upstream = new Upstream(index);
    for (StepEntry e : index.entries()) {
      for (ExpressionSite site : ExpressionSite.of(e)) {
        if (site.expression() && !dialectKnown) {
          if (!reported) {
            out.add(unknownDialect(dialect));
            reported = true;
          }
          continue;
        }
        Reader reader = new Reader(index, e, site, upstream, out);
        reader.read(dialect);
      }
    }
    if (definition.outputs() != null) {
      new Reader(
              index,
              null,
              new ExpressionSite("outputs", definition.outputs(), false, false),
              upstream,
              out)
          .read(dialect);
    }
  }

  private Finding unknownDialect(String dialect) {
    List<String> known = support.dialects().stream().sorted().toList();
    return Finding.error(
            UNKNOWN_EXPRESSION_LANGUAGE,
            "/expressionLanguage",
            "the expression language \""
                + dialect
                + "\" is not available; available: "
                + String.join(", ", known))
        .hint(NearestName.hint(dialect, known));
  }

  /**
   * Whether a step has ended whenever another starts: it precedes the reader, or one of the
   * reader's containers, in its own scope. Searched per reference rather than precomputed, so that
   * long chains stay linear in memory.
   */
  private static final class Upstream {
    private final StepIndex index;

    Upstream(StepIndex index) {
      this.index = index;
    }

    boolean of(StepEntry reader, StepEntry target) {
      for (StepEntry e = reader; e != null; e = e.scope().owner()) {
        if (e.scope() == target.scope()) {
          return e != target && index.graph(e.scope()).precedes(target.id(), e.id());
        }
      }
      return false;
    }
  }

  /** Checks one site of one step (or the workflow's outputs, when the step is null). */
  private final class Reader {
    private final StepIndex index;
    private final StepEntry step;
    private final ExpressionSite site;
    private final Upstream upstream;
    private final Findings out;

    Reader(StepIndex index, StepEntry step, ExpressionSite site, Upstream upstream, Findings out) {
      this.index = index;
      this.step = step;
      this.site = site;
      this.upstream = upstream;
      this.out = out;
    }

    void read(String dialect) {
      String pointer = step == null ? "/" + site.field() : step.at(site.field());
      if (site.expression()) {
        expression(dialect, (String) site.value(), pointer);
      } else {
        template(site.value(), pointer);
      }
    }

    private void expression(String dialect, String source, String pointer) {
      try {
        support.check(dialect, source);
      } catch (ExpressionException e) {
        report(
            Finding.error(
                    INVALID_EXPRESSION,
                    pointer,
                    "invalid expression in \"" + site.field() + "\": " + e.getMessage())
                .offset(offset(source, e.expression(), e.position())));
        return;
      }
      support.references(dialect, source).forEach(ref -> reference(ref, source, pointer));
    }

    private void template(Object value, String pointer) {
      switch (value) {
        case Map<?, ?> map ->
            map.forEach((k, v) -> template(v, Pointer.child(pointer, String.valueOf(k))));
        case List<?> list -> {
          for (int i = 0; i < list.size(); i++) {
            template(list.get(i), Pointer.child(pointer, i));
          }
        }
        case String s when s.contains("${") -> templateString(s, pointer);
        case null, default -> {}
      }
    }

    private void templateString(String s, String pointer) {
      List<Reference> refs;
      try {
        refs = support.templateReferences(s);
      } catch (ExpressionException e) {
        report(
            Finding.error(
                    INVALID_TEMPLATE,
                    pointer,
                    "invalid template in \"" + site.field() + "\": " + e.getMessage())
                .offset(offset(s, e.expression(), e.position())));
        return;
      }
      refs.forEach(ref -> reference(ref, s, pointer));
    }

    private void reference(Reference ref, String source, String pointer) {
      int at = offset(source, ref.text(), ref.position());
      StepEntry target = resolve(ref.stepId());
      if (target == null) {
        report(unknown(ref.stepId(), pointer).offset(at));
      } else if (step != null && !site.readsBody() && !upstream.of(step, target)) {
        report(
            Finding.warning(
                    NOT_UPSTREAM,
                    pointer,
                    "\""
                        + site.field()
                        + "\" reads step \""
                        + ref.stepId()
                        + "\", which is not upstream of \""
                        + step.id()
                        + "\" and may not have run yet")
                .offset(at)
                .hint(
                    "add \""
                        + ref.stepId()
                        + "\" (or a step after it) to the dependsOn of \""
                        + step.id()
                        + "\""));
      }
    }

    /** The step {@code id} as seen from the site, or null when it is not visible. */
    private StepEntry resolve(String id) {
      StepEntry found = step == null ? index.scopes().getFirst().get(id) : step.scope().visible(id);
      if (found == null && step != null && site.readsBody()) {
        for (StepScope body : index.childScopes(step)) {
          found = found != null ? found : body.get(id);
        }
      }
      return found;
    }

    private Finding unknown(String id, String pointer) {
      String subject = "\"" + site.field() + "\" reads step \"" + id + "\", which ";
      StepEntry elsewhere = index.find(id);
      if (elsewhere != null) {
        return Finding.error(UNKNOWN_STEP_REFERENCE, pointer, subject + "is not visible from here")
            .hint(
                ReferenceRules.where(elsewhere)
                    + "; read the output of the step that holds it instead");
      }
      List<String> visible =
          new ArrayList<>(
              step == null ? index.scopes().getFirst().ids() : step.scope().visibleIds());
      if (step != null && site.readsBody()) {
        index.childScopes(step).forEach(body -> visible.addAll(body.ids()));
      }
      return Finding.error(UNKNOWN_STEP_REFERENCE, pointer, subject + "does not exist")
          .hint(NearestName.hint(id, visible));
    }

    private void report(Finding f) {
      out.add(step == null || step.id().isBlank() ? f : f.step(step.id()));
    }
  }

  /** Where {@code position} inside {@code text} falls inside {@code source}, or -1 when unknown. */
  static int offset(String source, String text, int position) {
    if (position < 0) {
      return -1;
    }
    if (text == null) {
      return position;
    }
    int start = source.indexOf(text);
    return start < 0 ? -1 : start + position;
  }
}

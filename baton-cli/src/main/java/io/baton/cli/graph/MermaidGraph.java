package io.baton.cli.graph;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.ErrorAction;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.WorkflowDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a workflow as a Mermaid flowchart: each step a node, composite steps ({@code parallel},
 * {@code map}, {@code loop}) subgraphs holding their steps (a parallel step one subgraph per
 * branch), dependencies as arrows, the branches of {@code condition} and {@code switch} steps as
 * labelled arrows, {@code onError: goto} as dotted arrows.
 *
 * <pre>{@code
 * String mermaid = MermaidGraph.of(definition); // "flowchart TD\n  s_plan[\"plan<br/>tool echo\"]\n …"
 * }</pre>
 */
public final class MermaidGraph {
  private final MermaidText text = new MermaidText();
  private final StringBuilder out = new StringBuilder();
  private final Map<Edge, String> edges = new LinkedHashMap<>();

  private MermaidGraph() {}

  /** The flowchart of {@code definition}. */
  public static String of(WorkflowDefinition definition) {
    return new MermaidGraph().draw(definition);
  }

  private String draw(WorkflowDefinition definition) {
    out.append("flowchart TD\n");
    out.append("  %% ")
        .append(definition.id())
        .append(' ')
        .append(definition.version())
        .append('\n');
    steps(definition.steps(), 1);
    definition.allSteps().forEach(this::collectEdges);
    edges.forEach((edge, label) -> out.append("  ").append(edge.render(label)).append('\n'));
    return out.toString();
  }

  private void steps(List<StepDef> steps, int depth) {
    for (StepDef step : steps) {
      String indent = "  ".repeat(depth);
      String id = text.id(step.id());
      switch (step) {
        case ParallelStep p -> {
          open(
              indent,
              id,
              step.id()
                  + " · parallel, "
                  + p.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
          for (Branch branch : p.branches()) {
            open(indent + "  ", text.id(step.id() + "/" + branch.id()), "branch " + branch.id());
            steps(branch.steps(), depth + 2);
            out.append(indent).append("  end\n");
          }
          out.append(indent).append("end\n");
        }
        case MapStep m ->
            scope(
                indent,
                id,
                step.id() + " · map over " + m.items() + concurrency(m),
                m.steps(),
                depth);
        case LoopStep l -> scope(indent, id, step.id() + " · " + loop(l), l.steps(), depth);
        default -> out.append(indent).append(NodeShape.node(id, step)).append('\n');
      }
    }
  }

  private void scope(String indent, String id, String title, List<StepDef> body, int depth) {
    open(indent, id, title);
    steps(body, depth + 1);
    out.append(indent).append("end\n");
  }

  private void open(String indent, String id, String title) {
    out.append(indent)
        .append("subgraph ")
        .append(id)
        .append("[\"")
        .append(MermaidText.label(title))
        .append("\"]\n");
  }

  private static String concurrency(MapStep m) {
    return m.maxConcurrency() > 0 ? ", " + m.maxConcurrency() + " at a time" : "";
  }

  private static String loop(LoopStep l) {
    String condition =
        l.untilCondition() != null
            ? "loop until " + l.untilCondition()
            : l.whileCondition() != null ? "loop while " + l.whileCondition() : "loop";
    return condition + ", at most " + l.maxIterations();
  }

  private void collectEdges(StepDef step) {
    String to = text.id(step.id());
    for (String dependency : step.common().dependsOn()) {
      edge(new Edge(text.id(dependency), to, false), "");
    }
    switch (step) {
      case ConditionStep c -> {
        c.whenTrue().forEach(t -> edge(new Edge(to, text.id(t), false), "then"));
        c.whenFalse().forEach(t -> edge(new Edge(to, text.id(t), false), "else"));
      }
      case SwitchStep s -> {
        for (SwitchCase option : s.cases()) {
          String label = option.when() != null ? "when " + option.when() : "= " + option.equals();
          option.next().forEach(t -> edge(new Edge(to, text.id(t), false), label));
        }
        s.defaultNext().forEach(t -> edge(new Edge(to, text.id(t), false), "default"));
      }
      default -> {}
    }
    if (step.common().onError().action() == ErrorAction.GOTO) {
      edge(new Edge(to, text.id(step.common().onError().target()), true), "on error");
    }
  }

  /**
   * Adds an arrow. A branch target usually also depends on its decision: its one arrow carries the
   * branch's label; two cases leading to the same step share an arrow with both labels.
   */
  private void edge(Edge edge, String label) {
    edges.merge(
        edge,
        label,
        (old, added) -> old.isEmpty() ? added : added.isEmpty() ? old : old + " / " + added);
  }

  /** An arrow between two nodes; dotted for error fallbacks. */
  private record Edge(String from, String to, boolean dotted) {
    String render(String label) {
      String arrow = dotted ? "-.->" : "-->";
      return label.isEmpty()
          ? from + " " + arrow + " " + to
          : from + " " + arrow + "|\"" + MermaidText.label(label) + "\"| " + to;
    }
  }
}

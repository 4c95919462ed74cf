package io.baton.cli.graph;

import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import io.baton.cli.progress.DurationText;

/**
 * How a simple step is drawn: its shape (decisions as rhombi, start and end as stadiums, calls to
 * modules and subworkflows as subroutines, people as parallelograms) and a label naming the step
 * and what it does.
 */
final class NodeShape {
  private NodeShape() {}

  /** The Mermaid node declaration of {@code step} with id {@code id}. */
  static String node(String id, StepDef step) {
    String label = MermaidText.label(step.id()) + "<br/>" + MermaidText.label(what(step));
    if (step.common().when() != null) {
      label += "<br/>" + MermaidText.label("when " + step.common().when());
    }
    return switch (step) {
      case StartStep s -> id + "([\"" + label + "\"])";
      case EndStep s -> id + "([\"" + label + "\"])";
      case ConditionStep s -> id + "{\"" + label + "\"}";
      case SwitchStep s -> id + "{\"" + label + "\"}";
      case HumanStep s -> id + "[/\"" + label + "\"/]";
      case WaitStep s -> id + "{{\"" + label + "\"}}";
      case EventStep s -> id + ">\"" + label + "\"]";
      case ModuleStep s -> id + "[[\"" + label + "\"]]";
      case SubworkflowStep s -> id + "[[\"" + label + "\"]]";
      default -> id + "[\"" + label + "\"]";
    };
  }

  /** What the step does, in a few words. */
  static String what(StepDef step) {
    return switch (step) {
      case ToolStep s -> "tool " + s.tool();
      case ModuleStep s -> "module " + s.module() + "." + s.operation();
      case CustomStep s when "task".equals(s.type()) -> "task " + s.config().get("capability");
      case SubworkflowStep s -> "subworkflow " + s.workflow();
      case ConditionStep s -> "if " + s.condition();
      case SwitchStep s -> "switch on " + s.value();
      case HumanStep s -> "ask: " + s.prompt();
      case WaitStep s -> wait(s);
      case EventStep s -> "publish " + s.event();
      case TransformStep s -> s.expression() != null ? "= " + s.expression() : "transform";
      default -> step.type();
    };
  }

  private static String wait(WaitStep s) {
    if (s.duration() != null) {
      return "wait " + DurationText.format(s.duration());
    }
    if (s.until() != null) {
      return "wait until " + s.until();
    }
    return "wait for " + s.event().name();
  }
}

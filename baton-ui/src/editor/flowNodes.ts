// React Flow nodes and edges derived from the steps. A node object is reused while its inputs are the same
// objects, so moving one node of five hundred re-renders one node.
import type { Edge, Node } from '@xyflow/react';
import type { Diagnostic } from '../api/types';
import { linksOf, type FlowLink } from '../graph/edges';
import type { StepDef } from '../model/definition';
import type { NodeRunSummary } from '../monitor/runState';

export interface StepNodeData extends Record<string, unknown> {
  step: StepDef;
  diagnostics?: readonly Diagnostic[];
  run?: NodeRunSummary;
}

export type StepNode = Node<StepNodeData, 'step'>;

interface Inputs {
  step: StepDef;
  selected: boolean;
  diagnostics: readonly Diagnostic[] | undefined;
  run: NodeRunSummary | undefined;
  measured: { width: number; height: number } | undefined;
}

export class NodeCache {
  private readonly entries = new Map<string, { inputs: Inputs; node: StepNode }>();

  nodes(steps: readonly StepDef[], extra: (step: StepDef) => Omit<Inputs, 'step'>): StepNode[] {
    const seen = new Set<string>();
    const out = steps.map((step) => {
      seen.add(step.id);
      const inputs = { step, ...extra(step) };
      const cached = this.entries.get(step.id);
      if (cached && sameInputs(cached.inputs, inputs)) return cached.node;
      const node: StepNode = {
        id: step.id,
        type: 'step',
        position: { x: step.ui?.x ?? 0, y: step.ui?.y ?? 0 },
        data: { step, diagnostics: inputs.diagnostics, run: inputs.run },
        selected: inputs.selected,
        ...(inputs.measured ? { measured: inputs.measured } : {}),
      };
      this.entries.set(step.id, { inputs, node });
      return node;
    });
    for (const id of this.entries.keys()) if (!seen.has(id)) this.entries.delete(id);
    return out;
  }
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  return (
    a.step === b.step &&
    a.selected === b.selected &&
    a.diagnostics === b.diagnostics &&
    a.run === b.run &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height
  );
}

const EDGE_CLASS: Record<FlowLink['kind'], string> = {
  dep: 'edge-dep',
  then: 'edge-then',
  else: 'edge-else',
  case: 'edge-case',
  default: 'edge-default',
  goto: 'edge-goto',
};

function toEdge(l: FlowLink, selected: boolean): Edge {
  return {
    id: l.id,
    source: l.source,
    target: l.target,
    sourceHandle: l.handle,
    targetHandle: 'in',
    label: l.label,
    className: EDGE_CLASS[l.kind],
    selected,
    deletable: true,
  };
}

/** Edges derived per step and reused while the step object is the same (a drag changes one step). */
export class EdgeCache {
  private readonly byStep = new WeakMap<StepDef, Edge[]>();

  edges(steps: readonly StepDef[], selected: ReadonlySet<string>): Edge[] {
    const ids = new Set(steps.map((s) => s.id));
    const out: Edge[] = [];
    for (const step of steps) {
      let list = this.byStep.get(step);
      if (!list) {
        list = linksOf(step).map((l) => toEdge(l, false));
        this.byStep.set(step, list);
      }
      for (const e of list) {
        if (!ids.has(e.source) || !ids.has(e.target)) continue;
        out.push(selected.has(e.id) ? { ...e, selected: true } : e);
      }
    }
    return out;
  }
}

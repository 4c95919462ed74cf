// React Flow nodes and edges derived from the steps. A node object is reused while its inputs are the same
// objects, so moving one node of five hundred re-renders one node.
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Diagnostic } from '../api/types';
import { linksOf, sourceHandles, type FlowLink } from '../graph/edges';
import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layout';
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
}

export type Sizes = ReadonlyMap<string, { width: number; height: number }>;

/** The size of a handle (styles.css). */
const HANDLE = 9;

/**
 * Where StepNode puts its handles on a node of the usual size: the target at the middle of the left side, the
 * sources spread down the right side. With them, links are drawn on the first frame, before React Flow has measured
 * anything.
 */
export function estimatedHandles(step: StepDef): NodeHandle[] {
  const at = (type: 'source' | 'target', id: string, x: number, y: number): NodeHandle => ({
    id,
    type,
    position: type === 'source' ? Position.Right : Position.Left,
    x: x - HANDLE / 2,
    y: y - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  });
  const sources = sourceHandles(step);
  return [
    at('target', 'in', 0, NODE_HEIGHT / 2),
    ...sources.map((id, i) => at('source', id, NODE_WIDTH, (NODE_HEIGHT * (i + 1)) / (sources.length + 1))),
  ];
}

/**
 * Before it is measured, a node has the usual size of a step and handles where StepNode puts them, so that it and
 * its links are shown on the first frame (React Flow hides nodes of unknown size and links of unmeasured handles);
 * a node made again carries the size last measured, and React Flow keeps the handles it measured.
 */
export class NodeCache {
  private readonly entries = new Map<string, { inputs: Inputs; node: StepNode }>();

  nodes(steps: readonly StepDef[], extra: (step: StepDef) => Omit<Inputs, 'step'>, sizes: Sizes): StepNode[] {
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
        initialWidth: NODE_WIDTH,
        initialHeight: NODE_HEIGHT,
      };
      const size = sizes.get(step.id);
      if (size) node.measured = size;
      else node.handles = estimatedHandles(step);
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
    a.run === b.run
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
  private last: Edge[] = [];
  private readonly selectedCopies = new WeakMap<Edge, Edge>();

  private selectedCopy(e: Edge): Edge {
    let copy = this.selectedCopies.get(e);
    if (!copy) this.selectedCopies.set(e, (copy = { ...e, selected: true }));
    return copy;
  }

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
        out.push(selected.has(e.id) ? this.selectedCopy(e) : e);
      }
    }
    // The same array when every edge is the same, so that React Flow does not index the edges again.
    if (out.length !== this.last.length || out.some((e, i) => e !== this.last[i])) this.last = out;
    return this.last;
  }
}

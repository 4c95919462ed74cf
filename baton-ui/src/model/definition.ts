// The workflow definition as the editor holds it: the language's own JSON, typed from the generated schema types.
import type { BatonWorkflow, Common, StepIds } from './workflow.gen';

export type { BatonWorkflow, Policies, Retry } from './workflow.gen';

/** Editor metadata the language keeps verbatim on each step (`ui`). */
export interface StepUi {
  x: number;
  y: number;
  [k: string]: unknown;
}

/** One step: its common fields plus the fields of its type. */
export type StepDef = Omit<Common, 'ui'> & { ui?: StepUi } & Record<string, unknown>;

/** A workflow definition with its steps typed for editing. */
export type WorkflowDef = Omit<BatonWorkflow, 'steps'> & { steps: StepDef[] } & Record<string, unknown>;

/** A one-or-many list of step ids, as the language allows, read as a list. */
export function idList(value: StepIds | unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Step types whose own `steps` or `branches` hold nested steps. */
export const COMPOSITE_TYPES: ReadonlySet<string> = new Set(['parallel', 'map', 'loop']);

/** The nested steps of a composite step, every level, in document order. */
export function nestedSteps(step: StepDef): StepDef[] {
  const out: StepDef[] = [];
  const visit = (steps: unknown) => {
    if (!Array.isArray(steps)) return;
    for (const s of steps as StepDef[]) {
      out.push(s);
      visit(s.steps);
      if (Array.isArray(s.branches)) for (const b of s.branches as { steps?: unknown }[]) visit(b.steps);
    }
  };
  visit(step.steps);
  if (Array.isArray(step.branches)) for (const b of step.branches as { steps?: unknown }[]) visit(b.steps);
  return out;
}

/** Every step id of a definition, nested ones included. */
export function allStepIds(def: WorkflowDef): Set<string> {
  const ids = new Set<string>();
  for (const s of def.steps) {
    ids.add(s.id);
    for (const n of nestedSteps(s)) ids.add(n.id);
  }
  return ids;
}

/** A new step id for `type` that is not yet used: `tool`, `tool-2`, `tool-3`… */
export function freshId(base: string, used: ReadonlySet<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_-]/g, '-') || 'step';
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

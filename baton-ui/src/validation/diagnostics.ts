// Places the server's diagnostics on what they concern: a node of the canvas, a field of the property panel,
// or the workflow as a whole.
import type { Diagnostic } from '../api/types';
import type { WorkflowDef } from '../model/definition';

export interface PlacedDiagnostics {
  /** By top-level step id (a nested step's diagnostics show on its container). */
  byStep: Map<string, Diagnostic[]>;
  /** By `<stepId>/<field>`: the first field of the pointer under the top-level step. */
  byField: Map<string, Diagnostic[]>;
  /** Diagnostics of the workflow itself (id, inputs, policies…) or that name no step. */
  general: Diagnostic[];
}

function decode(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function push(map: Map<string, Diagnostic[]>, key: string, d: Diagnostic) {
  const list = map.get(key);
  if (list) list.push(d);
  else map.set(key, [d]);
}

/** `/steps/3/retry/maxRetries` → index 3, field `retry`; `/steps/2/steps/0/tool` → index 2, field `steps`. */
export function splitPointer(pointer: string | null | undefined): { index: number; field: string | null } | null {
  if (!pointer) return null;
  const parts = pointer.split('/').slice(1).map(decode);
  if (parts[0] !== 'steps' || parts.length < 2) return null;
  const index = Number(parts[1]);
  if (!Number.isInteger(index)) return null;
  return { index, field: parts[2] ?? null };
}

export function placeDiagnostics(def: WorkflowDef, diagnostics: readonly Diagnostic[]): PlacedDiagnostics {
  const placed: PlacedDiagnostics = { byStep: new Map(), byField: new Map(), general: [] };
  const topIds = new Set(def.steps.map((s) => s.id));
  for (const d of diagnostics) {
    const split = splitPointer(d.pointer);
    const byPointer = split ? def.steps[split.index]?.id : undefined;
    const stepId = byPointer ?? (d.stepId && topIds.has(d.stepId) ? d.stepId : undefined);
    if (!stepId) {
      placed.general.push(d);
      continue;
    }
    push(placed.byStep, stepId, d);
    if (split?.field && byPointer) push(placed.byField, `${stepId}/${split.field}`, d);
  }
  return placed;
}

/** The worst severity of a list, for a node's badge. */
export function worst(list: readonly Diagnostic[] | undefined): 'error' | 'warning' | null {
  if (!list || list.length === 0) return null;
  return list.some((d) => d.severity === 'error') ? 'error' : 'warning';
}

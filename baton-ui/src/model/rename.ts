// Renaming a step: its id, every link that names it, and the templates and expressions that read it.
import { idList, type StepDef } from './definition';

function renameInTemplates(value: unknown, from: string, to: string): unknown {
  const pattern = new RegExp(`\\bsteps\\.${from.replace(/[-]/g, '\\-')}(?=[.[}\\s]|$)`, 'g');
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, `steps.${to}`);
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x)]));
    return v;
  };
  return visit(value);
}

/** Renames the link fields of one step by the map given. */
export function renameLinks(step: StepDef, rename: ReadonlyMap<string, string>): StepDef {
  const r = (id: string) => rename.get(id) ?? id;
  const out: StepDef = { ...step, id: r(step.id) };
  if (step.dependsOn !== undefined) out.dependsOn = idList(step.dependsOn).map(r);
  for (const field of ['then', 'else', 'default'] as const) {
    if (step[field] !== undefined) out[field] = idList(step[field]).map(r);
  }
  if (Array.isArray(step.cases)) {
    out.cases = (step.cases as Record<string, unknown>[]).map((c) => ({ ...c, next: idList(c.next).map(r) }));
  }
  const goto = (step.onError as { goto?: string } | undefined)?.goto;
  if (goto !== undefined) out.onError = { goto: r(goto) };
  return out;
}

/** The steps after renaming step `from` to `to`, references included. */
export function renameStep(steps: readonly StepDef[], from: string, to: string): StepDef[] {
  if (from === to) return [...steps];
  const rename = new Map([[from, to]]);
  return steps.map((s) => renameInTemplates(renameLinks(s, rename), from, to) as StepDef);
}

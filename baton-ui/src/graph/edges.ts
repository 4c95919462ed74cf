// Edges are derived from the steps: `dependsOn` and the branch fields (then / else / switch next / default /
// onError goto). Connecting and deleting edges edit those fields, so the step list stays the single truth.
import { idList, type StepDef } from '../model/definition';

export type EdgeKind = 'dep' | 'then' | 'else' | 'case' | 'default' | 'goto';

export interface FlowLink {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** The source handle: `out`, `then`, `else`, `case-<i>`, `default`, `error`. */
  handle: string;
  label?: string;
}

const linkId = (source: string, handle: string, target: string) => `${source}:${handle}->${target}`;

function link(source: string, target: string, kind: EdgeKind, handle: string, label?: string): FlowLink {
  return { id: linkId(source, handle, target), source, target, kind, handle, label };
}

/** The links one step draws: its dependencies point at it; its branch targets point away from it. */
export function linksOf(step: StepDef): FlowLink[] {
  const out: FlowLink[] = idList(step.dependsOn).map((dep) => link(dep, step.id, 'dep', 'out'));
  for (const t of idList(step.then)) out.push(link(step.id, t, 'then', 'then', 'then'));
  for (const t of idList(step.else)) out.push(link(step.id, t, 'else', 'else', 'else'));
  if (Array.isArray(step.cases)) {
    (step.cases as { next?: unknown }[]).forEach((c, i) => {
      for (const t of idList(c.next)) out.push(link(step.id, t, 'case', `case-${i}`, `case ${i + 1}`));
    });
  }
  for (const t of idList(step.default)) out.push(link(step.id, t, 'default', 'default', 'default'));
  const onError = step.onError as { goto?: string } | undefined;
  if (onError && typeof onError === 'object' && typeof onError.goto === 'string') {
    out.push(link(step.id, onError.goto, 'goto', 'error', 'on error'));
  }
  return out;
}

/** All links of a step list, only between steps that exist in it. */
export function linksOfAll(steps: readonly StepDef[]): FlowLink[] {
  const ids = new Set(steps.map((s) => s.id));
  return steps.flatMap(linksOf).filter((l) => ids.has(l.source) && ids.has(l.target));
}

function withId(list: unknown, id: string): string[] {
  const ids = idList(list);
  return ids.includes(id) ? ids : [...ids, id];
}

function withoutId(list: unknown, id: string): string[] {
  return idList(list).filter((x) => x !== id);
}

/** Sets or removes a list field; an emptied list disappears so exports stay minimal. */
function setList(step: StepDef, field: string, ids: string[]): StepDef {
  const next = { ...step };
  if (ids.length === 0) delete next[field];
  else next[field] = ids;
  return next;
}

/** The steps after connecting `source` (from `handle`) to `target`. Self-links and unknown handles change nothing. */
export function connect(steps: readonly StepDef[], source: string, handle: string, target: string): StepDef[] {
  if (source === target) return [...steps];
  return steps.map((s) => {
    if (handle === 'out' && s.id === target) return setList(s, 'dependsOn', withId(s.dependsOn, source));
    if (s.id !== source) return s;
    if (handle === 'then' || handle === 'else' || handle === 'default') {
      return setList(s, handle, withId(s[handle], target));
    }
    const caseIndex = /^case-(\d+)$/.exec(handle);
    if (caseIndex && Array.isArray(s.cases)) {
      const i = Number(caseIndex[1]);
      const cases = (s.cases as Record<string, unknown>[]).map((c, j) =>
        j === i ? { ...c, next: withId(c.next, target) } : c,
      );
      return { ...s, cases };
    }
    if (handle === 'error') return { ...s, onError: { goto: target } };
    return s;
  });
}

/** The steps after removing one link. */
export function disconnect(steps: readonly StepDef[], l: Pick<FlowLink, 'source' | 'target' | 'handle'>): StepDef[] {
  return steps.map((s) => {
    if (l.handle === 'out' && s.id === l.target) return setList(s, 'dependsOn', withoutId(s.dependsOn, l.source));
    if (s.id !== l.source) return s;
    if (l.handle === 'then' || l.handle === 'else' || l.handle === 'default') {
      return setList(s, l.handle, withoutId(s[l.handle], l.target));
    }
    const caseIndex = /^case-(\d+)$/.exec(l.handle);
    if (caseIndex && Array.isArray(s.cases)) {
      const i = Number(caseIndex[1]);
      const cases = (s.cases as Record<string, unknown>[]).map((c, j) =>
        j === i ? { ...c, next: withoutId(c.next, l.target) } : c,
      );
      return { ...s, cases };
    }
    if (l.handle === 'error') {
      const next = { ...s };
      delete next.onError;
      return next;
    }
    return s;
  });
}

/** The steps after deleting some of them: every reference to a deleted step goes too. */
export function removeSteps(steps: readonly StepDef[], ids: ReadonlySet<string>): StepDef[] {
  let kept = steps.filter((s) => !ids.has(s.id));
  for (const l of linksOfAll(steps)) {
    if (ids.has(l.source) !== ids.has(l.target)) kept = disconnect(kept, l);
  }
  return kept;
}

/** The source handles a step of this shape offers. */
export function sourceHandles(step: StepDef): string[] {
  if (step.type === 'condition') return ['out', 'then', 'else'];
  if (step.type === 'switch') {
    const n = Array.isArray(step.cases) ? step.cases.length : 0;
    return ['out', ...Array.from({ length: n }, (_, i) => `case-${i}`), 'default'];
  }
  return ['out'];
}

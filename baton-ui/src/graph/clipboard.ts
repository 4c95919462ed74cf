// Copy and paste of steps: the copied steps keep the links among themselves; pasted ones get fresh ids.
import { freshId, idList, type StepDef } from '../model/definition';
import { renameLinks } from '../model/rename';

export interface Clip {
  steps: StepDef[];
}

/** A clip of the selected steps; links to steps outside the selection are dropped. */
export function copySteps(steps: readonly StepDef[], selected: ReadonlySet<string>): Clip {
  const picked = steps.filter((s) => selected.has(s.id));
  const inside = (id: string) => selected.has(id);
  return {
    steps: picked.map((s) => {
      const copy = structuredClone(s);
      const deps = idList(copy.dependsOn).filter(inside);
      if (deps.length > 0) copy.dependsOn = deps;
      else delete copy.dependsOn;
      for (const field of ['then', 'else', 'default'] as const) {
        if (field in copy) {
          const kept = idList(copy[field]).filter(inside);
          if (kept.length > 0) copy[field] = kept;
          else delete copy[field];
        }
      }
      if (Array.isArray(copy.cases)) {
        copy.cases = (copy.cases as Record<string, unknown>[]).map((c) => ({ ...c, next: idList(c.next).filter(inside) }));
      }
      const goto = (copy.onError as { goto?: string } | undefined)?.goto;
      if (goto !== undefined && !inside(goto)) delete copy.onError;
      return copy;
    }),
  };
}

/** The steps to add for a paste: fresh ids (nested ones too), links renamed, moved by `offset`. */
export function pasteSteps(clip: Clip, used: ReadonlySet<string>, offset = 40): StepDef[] {
  const taken = new Set(used);
  const rename = new Map<string, string>();
  const claim = (id: string) => {
    const fresh = freshId(id.replace(/-copy(-\d+)?$/, '') + '-copy', taken);
    taken.add(fresh);
    rename.set(id, fresh);
  };
  const visitNested = (steps: unknown) => {
    if (!Array.isArray(steps)) return;
    for (const s of steps as StepDef[]) {
      claim(s.id);
      visitNested(s.steps);
    }
  };
  for (const s of clip.steps) {
    claim(s.id);
    visitNested(s.steps);
  }
  const renameNested = (steps: unknown): unknown =>
    Array.isArray(steps)
      ? (steps as StepDef[]).map((s) => ({ ...renameLinks(s, rename), ...(s.steps ? { steps: renameNested(s.steps) } : {}) }))
      : steps;
  return clip.steps.map((s) => {
    const renamed = renameLinks(s, rename);
    if (s.steps) renamed.steps = renameNested(s.steps);
    const ui = s.ui ?? { x: 0, y: 0 };
    renamed.ui = { ...ui, x: ui.x + offset, y: ui.y + offset };
    return renamed;
  });
}

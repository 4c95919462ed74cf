// Which steps run before a step: the transitive closure of the links pointing at it. Used for template completion.
import type { StepDef } from '../model/definition';
import { linksOfAll } from './edges';

/** The ids of every step upstream of `id`, nearest first. */
export function upstreamOf(steps: readonly StepDef[], id: string): string[] {
  const into = new Map<string, string[]>();
  for (const l of linksOfAll(steps)) {
    const list = into.get(l.target) ?? [];
    list.push(l.source);
    into.set(l.target, list);
  }
  const seen = new Set<string>([id]);
  const order: string[] = [];
  let frontier = [id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const src of into.get(n) ?? []) {
        if (seen.has(src)) continue;
        seen.add(src);
        order.push(src);
        next.push(src);
      }
    }
    frontier = next;
  }
  return order;
}

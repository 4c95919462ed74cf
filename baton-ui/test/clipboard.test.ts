import { describe, expect, it } from 'vitest';
import { copySteps, pasteSteps } from '../src/graph/clipboard';
import type { StepDef } from '../src/model/definition';
import { renameStep } from '../src/model/rename';

const steps: StepDef[] = [
  { id: 'a', type: 'tool', tool: 't', ui: { x: 0, y: 0 } },
  { id: 'b', type: 'tool', tool: 't', dependsOn: ['a'], ui: { x: 100, y: 0 } },
  { id: 'c', type: 'transform', value: '${steps.b.output}', dependsOn: ['b'], ui: { x: 200, y: 0 } },
];

describe('copy and paste', () => {
  it('keeps links inside the selection and drops the others', () => {
    const clip = copySteps(steps, new Set(['b', 'c']));
    expect(clip.steps.map((s) => [s.id, s.dependsOn])).toEqual([
      ['b', undefined],
      ['c', ['b']],
    ]);
  });

  it('pastes with fresh ids, renamed links and an offset', () => {
    const clip = copySteps(steps, new Set(['b', 'c']));
    const pasted = pasteSteps(clip, new Set(['a', 'b', 'c']));
    expect(pasted.map((s) => s.id)).toEqual(['b-copy', 'c-copy']);
    expect(pasted[1]!.dependsOn).toEqual(['b-copy']);
    expect(pasted[0]!.ui).toEqual({ x: 140, y: 40 });
  });

  it('pasting twice never reuses an id', () => {
    const clip = copySteps(steps, new Set(['a']));
    const first = pasteSteps(clip, new Set(['a', 'b', 'c']));
    const second = pasteSteps({ steps: first }, new Set(['a', 'b', 'c', ...first.map((s) => s.id)]));
    expect(second[0]!.id).toBe('a-copy-2');
  });

  it('copies are deep: editing the paste leaves the original alone', () => {
    const clip = copySteps([{ id: 'x', type: 'tool', input: { q: 1 } }], new Set(['x']));
    (clip.steps[0]!.input as { q: number }).q = 2;
    expect(steps[0]!.input).toBeUndefined();
  });
});

describe('rename', () => {
  it('renames the id, links and template reads of a step', () => {
    const next = renameStep(steps, 'b', 'fetch');
    expect(next.map((s) => s.id)).toEqual(['a', 'fetch', 'c']);
    expect(next[2]!.dependsOn).toEqual(['fetch']);
    expect(next[2]!.value).toBe('${steps.fetch.output}');
  });

  it('does not touch ids that merely start with the old one', () => {
    const next = renameStep([{ id: 'x', type: 'transform', value: '${steps.bb.output}' }], 'b', 'z');
    expect(next[0]!.value).toBe('${steps.bb.output}');
  });
});

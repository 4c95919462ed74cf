import { describe, expect, it } from 'vitest';
import { connect, disconnect, linksOfAll, removeSteps, sourceHandles } from '../src/graph/edges';
import type { StepDef } from '../src/model/definition';

const steps: StepDef[] = [
  { id: 'fetch', type: 'tool', tool: 't' },
  { id: 'big', type: 'condition', condition: 'x > 1', dependsOn: 'fetch', then: ['approve'], else: 'done' },
  { id: 'approve', type: 'human', prompt: 'ok?', onError: { goto: 'done' } },
  { id: 'done', type: 'end', dependsOn: ['approve'], join: 'any' },
];

describe('links derived from steps', () => {
  it('reads dependsOn, then, else and goto, one or many', () => {
    const links = linksOfAll(steps).map((l) => `${l.source}-${l.handle}->${l.target}`);
    expect(links.sort()).toEqual(
      ['fetch-out->big', 'big-then->approve', 'big-else->done', 'approve-error->done', 'approve-out->done'].sort(),
    );
  });

  it('reads switch cases and default', () => {
    const sw: StepDef[] = [
      { id: 's', type: 'switch', value: 'x', cases: [{ equals: 1, next: ['a'] }, { equals: 2, next: 'b' }], default: 'c' },
      { id: 'a', type: 'end' },
      { id: 'b', type: 'end' },
      { id: 'c', type: 'end' },
    ];
    expect(linksOfAll(sw).map((l) => `${l.handle}->${l.target}`)).toEqual(['case-0->a', 'case-1->b', 'default->c']);
    expect(sourceHandles(sw[0]!)).toEqual(['out', 'case-0', 'case-1', 'default']);
  });

  it('drops links to steps that do not exist', () => {
    expect(linksOfAll([{ id: 'a', type: 'end', dependsOn: ['ghost'] }])).toEqual([]);
  });
});

describe('connect and disconnect edit the step fields', () => {
  it('connecting from out adds a dependency once', () => {
    let next = connect(steps, 'fetch', 'out', 'done');
    next = connect(next, 'fetch', 'out', 'done');
    expect(next.find((s) => s.id === 'done')!.dependsOn).toEqual(['approve', 'fetch']);
  });

  it('connecting from then or a case appends to that branch', () => {
    const next = connect(steps, 'big', 'then', 'done');
    expect(next.find((s) => s.id === 'big')!.then).toEqual(['approve', 'done']);
    const sw = connect([{ id: 's', type: 'switch', cases: [{ equals: 1 }] }, { id: 'x', type: 'end' }], 's', 'case-0', 'x');
    expect((sw[0]!.cases as { next: string[] }[])[0]!.next).toEqual(['x']);
  });

  it('ignores self links', () => {
    expect(connect(steps, 'fetch', 'out', 'fetch')).toEqual(steps);
  });

  it('disconnecting removes the field when it empties', () => {
    const next = disconnect(steps, { source: 'fetch', target: 'big', handle: 'out' });
    expect('dependsOn' in next.find((s) => s.id === 'big')!).toBe(false);
    const noGoto = disconnect(steps, { source: 'approve', target: 'done', handle: 'error' });
    expect('onError' in noGoto.find((s) => s.id === 'approve')!).toBe(false);
  });

  it('removing steps removes every reference to them', () => {
    const next = removeSteps(steps, new Set(['approve']));
    expect(next.map((s) => s.id)).toEqual(['fetch', 'big', 'done']);
    expect(next.find((s) => s.id === 'big')!.then).toBeUndefined();
    expect(next.find((s) => s.id === 'done')!.dependsOn).toBeUndefined();
    expect(linksOfAll(next).map((l) => l.id)).toEqual(['fetch:out->big', 'big:else->done']);
  });
});

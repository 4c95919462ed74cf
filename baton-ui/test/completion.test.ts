import { describe, expect, it } from 'vitest';
import { accept, complete } from '../src/editor/completion';
import { upstreamOf } from '../src/graph/upstream';
import type { StepDef } from '../src/model/definition';

const steps: StepDef[] = [
  { id: 'plan', type: 'tool', tool: 't' },
  { id: 'research', type: 'tool', tool: 't', dependsOn: ['plan'] },
  { id: 'check', type: 'condition', condition: 'true', dependsOn: 'research', then: ['write'] },
  { id: 'write', type: 'tool', tool: 't' },
  { id: 'unrelated', type: 'tool', tool: 't' },
];

describe('upstream steps', () => {
  it('follows dependencies and branch targets transitively, nearest first', () => {
    expect(upstreamOf(steps, 'write')).toEqual(['check', 'research', 'plan']);
    expect(upstreamOf(steps, 'plan')).toEqual([]);
  });

  it('terminates on cycles', () => {
    const cyclic: StepDef[] = [
      { id: 'a', type: 'tool', dependsOn: 'b' },
      { id: 'b', type: 'tool', dependsOn: 'a' },
    ];
    expect(upstreamOf(cyclic, 'a')).toEqual(['b']);
  });
});

describe('template completion', () => {
  const ctx = { upstream: upstreamOf(steps, 'write'), inputs: ['goal'] };

  it('offers upstream step outputs and inputs after ${', () => {
    const text = 'Write about ${';
    const c = complete(text, text.length, ctx)!;
    expect(c.suggestions.slice(0, 4)).toEqual([
      'steps.check.output',
      'steps.research.output',
      'steps.plan.output',
      'inputs.goal',
    ]);
    expect(c.suggestions).not.toContain('steps.unrelated.output');
  });

  it('filters by what was typed', () => {
    const text = '${steps.re';
    expect(complete(text, text.length, ctx)!.suggestions).toEqual(['steps.research.output']);
  });

  it('offers nothing outside a placeholder', () => {
    expect(complete('${inputs.goal} and more', 23, ctx)).toBeNull();
    expect(complete('plain', 5, ctx)).toBeNull();
  });

  it('accepting closes the placeholder and puts the caret after it', () => {
    const text = 'x ${steps.pl';
    const c = complete(text, text.length, ctx)!;
    const r = accept(text, text.length, c, 'steps.plan.output');
    expect(r.text).toBe('x ${steps.plan.output}');
    expect(r.caret).toBe(r.text.length);
  });

  it('accepting before an existing } does not add another', () => {
    const text = '${steps.}';
    const c = complete(text, 8, ctx)!;
    expect(accept(text, 8, c, 'steps.plan.output').text).toBe('${steps.plan.output}');
  });
});

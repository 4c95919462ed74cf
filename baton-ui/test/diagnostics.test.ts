import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/api/types';
import type { WorkflowDef } from '../src/model/definition';
import { placeDiagnostics, splitPointer, worst } from '../src/validation/diagnostics';

const def: WorkflowDef = {
  id: 'w',
  steps: [
    { id: 'fetch', type: 'tool', tool: 't' },
    { id: 'each', type: 'map', items: 'x', steps: [{ id: 'inner', type: 'tool' }] },
    { id: 'a~b', type: 'tool' },
  ],
};

const d = (pointer: string | null, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  severity: 'error',
  code: 'x',
  message: 'm',
  pointer,
  ...extra,
});

describe('placing diagnostics', () => {
  it('splits pointers into a step index and a field', () => {
    expect(splitPointer('/steps/3/retry/maxRetries')).toEqual({ index: 3, field: 'retry' });
    expect(splitPointer('/steps/0')).toEqual({ index: 0, field: null });
    expect(splitPointer('/inputs/type')).toBeNull();
    expect(splitPointer(null)).toBeNull();
  });

  it('puts a field error on the step and the field', () => {
    const placed = placeDiagnostics(def, [d('/steps/0/tool')]);
    expect(placed.byStep.get('fetch')).toHaveLength(1);
    expect(placed.byField.get('fetch/tool')).toHaveLength(1);
    expect(placed.general).toEqual([]);
  });

  it('puts a nested step\'s error on its top-level container', () => {
    const placed = placeDiagnostics(def, [d('/steps/1/steps/0/tool', { stepId: 'inner' })]);
    expect(placed.byStep.get('each')).toHaveLength(1);
    expect(placed.byField.get('each/steps')).toHaveLength(1);
  });

  it('falls back to the step id without a pointer, and to general without either', () => {
    const placed = placeDiagnostics(def, [d(null, { stepId: 'fetch' }), d('/inputs'), d(null)]);
    expect(placed.byStep.get('fetch')).toHaveLength(1);
    expect(placed.general).toHaveLength(2);
  });

  it('decodes escaped pointer tokens', () => {
    expect(splitPointer('/steps/2/a~1b')).toEqual({ index: 2, field: 'a/b' });
  });

  it('ranks errors above warnings', () => {
    expect(worst([d(null, { severity: 'warning' }), d(null)])).toBe('error');
    expect(worst([d(null, { severity: 'warning' })])).toBe('warning');
    expect(worst(undefined)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { StepDetail } from '../src/api/types';
import { bars } from '../src/monitor/Timeline';

const step = (path: string, startedAt: string, endedAt: string): StepDetail => ({
  path,
  stepId: path,
  status: 'COMPLETED',
  startedAt,
  endedAt,
});

describe('timeline bars', () => {
  it('orders by start, and keeps the run order for steps that started in the same millisecond', () => {
    const same = '2026-11-21T10:00:00.000Z';
    const { bars: list } = bars(
      [step('later', '2026-11-21T10:00:00.005Z', '2026-11-21T10:00:00.009Z'), step('first', same, same), step('call', same, '2026-11-21T10:00:00.004Z')],
      0,
    );
    expect(list.map((b) => b.path)).toEqual(['first', 'call', 'later']);
    expect(list[2]?.start).toBe(5);
  });
});

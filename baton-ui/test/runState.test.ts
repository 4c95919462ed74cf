import { describe, expect, it } from 'vitest';
import type { ExecutionDetail, StreamMessage, StreamType } from '../src/api/types';
import { applyMessage, dominant, emptyRun, fromDetail, summarize, topLevelId, type RunState } from '../src/monitor/runState';

let offset = 0;
const msg = (type: StreamType, data: Record<string, unknown>, at = offset++): StreamMessage => ({
  type,
  offset: at,
  executionId: 'r1',
  timestamp: '2026-01-01T00:00:00Z',
  data: { executionId: 'r1', ...data },
});
const fold = (messages: StreamMessage[], from: RunState = emptyRun()) => messages.reduce(applyMessage, from);

describe('the run state folded from stream messages', () => {
  it('follows a run from start to end, step by step', () => {
    offset = 0;
    const s = fold([
      msg('execution_started', { workflowId: 'w' }),
      msg('node_started', { path: 'a', stepId: 'a', status: 'RUNNING', attempt: 1, startedAt: '2026-01-01T00:00:00Z' }),
      msg('node_completed', { path: 'a', stepId: 'a', status: 'COMPLETED', attempt: 1, output: 42, durationMs: 12 }),
      msg('execution_completed', { status: 'COMPLETED', outputs: { x: 42 } }),
    ]);
    expect(s.status).toBe('COMPLETED');
    expect(s.lastOffset).toBe(3);
    expect(s.steps.get('a')).toMatchObject({ status: 'COMPLETED', output: 42, startedAt: '2026-01-01T00:00:00Z', durationMs: 12 });
  });

  it('ignores messages at or before the last offset (a reconnect replays them)', () => {
    offset = 0;
    const once = fold([msg('node_started', { path: 'a', status: 'RUNNING' }), msg('node_completed', { path: 'a', status: 'COMPLETED' })]);
    const replayed = fold([msg('node_started', { path: 'a', status: 'RUNNING' }, 0)], once);
    expect(replayed).toBe(once);
  });

  it('asks a question: the step waits and its form is pending until the step goes on', () => {
    offset = 0;
    const asked = fold([
      msg('user_input_required', { path: 'ok', stepId: 'ok', status: 'WAITING', waitId: 'w1', prompt: 'Approve?', form: { type: 'object' } }),
    ]);
    expect(asked.steps.get('ok')?.status).toBe('WAITING');
    expect(asked.pending.get('w1')).toMatchObject({ stepId: 'ok', prompt: 'Approve?' });
    const answered = fold([msg('node_completed', { path: 'ok', stepId: 'ok', status: 'COMPLETED', waitId: null })], asked);
    expect(answered.pending.size).toBe(0);
    expect(answered.steps.get('ok')?.status).toBe('COMPLETED');
  });

  it('pauses and resumes the run', () => {
    offset = 0;
    const paused = fold([msg('execution_started', {}), msg('execution_paused', { by: 'me' })]);
    expect(paused.status).toBe('PAUSED');
    expect(fold([msg('log', { event: 'RunResumed', message: 'resumed' })], paused).status).toBe('RUNNING');
  });

  it('keeps logs and streamed tokens per step', () => {
    offset = 0;
    const s = fold([
      msg('log', { path: 'a', level: 'warn', message: 'slow' }),
      msg('token', { path: 'a', text: 'Hel' }),
      msg('token', { path: 'a', token: 'lo' }),
    ]);
    expect(s.logs).toEqual([{ offset: 0, timestamp: '2026-01-01T00:00:00Z', path: 'a', level: 'warn', message: 'slow' }]);
    expect(s.tokens.get('a')).toBe('Hello');
  });

  it('applies transient tokens and log lines, which carry the offset of the journal event before them', () => {
    const started = fold([msg('node_started', { path: 'a', status: 'RUNNING' }, 3)], fromDetail(detailAt(2, 'RUNNING', [])));
    const live = (type: StreamType, data: Record<string, unknown>): StreamMessage => ({ ...msg(type, data, 3), live: true });
    const s = fold([live('token', { path: 'a', token: 'Hel' }), live('token', { path: 'a', token: 'lo' }), live('log', { path: 'a', message: 'thinking' })], started);
    expect(s.tokens.get('a')).toBe('Hello');
    expect(s.logs.map((l) => l.message)).toEqual(['thinking']);
    expect(s.lastOffset).toBe(3);
    // the journal's own messages are still applied once
    expect(fold([msg('node_started', { path: 'a', status: 'RUNNING' }, 3)], s)).toBe(s);
  });

  const detailAt = (at: number, status: string, steps: { path: string; status: string }[]) =>
    ({ id: 'r1', workflowId: 'w', status, offset: at, steps: steps.map((x) => ({ ...x, stepId: x.path })) }) as unknown as ExecutionDetail;

  it('starts from the detail: its steps, and its offset as the last one seen, so the stream goes on after it', () => {
    offset = 0;
    const s = fromDetail(detailAt(4004, 'COMPLETED', [{ path: 'fan', status: 'COMPLETED' }, { path: 'fan[0]/square', status: 'COMPLETED' }]));
    expect(s.lastOffset).toBe(4004);
    expect(s.historyOffset).toBe(4004);
    expect(summarize(s.steps, 0).get('fan')).toMatchObject({ status: 'COMPLETED', nested: { COMPLETED: 1 } });
    // the history the detail already holds is not applied again
    expect(fold([msg('node_started', { path: 'fan', status: 'RUNNING' }, 17)], s)).toBe(s);
  });

  it('takes a later detail at least as recent as the stream, keeps its own state over an older one', () => {
    offset = 0;
    const before = fold([msg('node_started', { path: 'a', status: 'RUNNING' })], fromDetail(detailAt(-1, 'RUNNING', [])));
    const detail = {
      ...detailAt(0, 'WAITING', [{ path: 'a', status: 'WAITING' }]),
      pendingInputs: [{ waitId: 'w1', executionId: 'r1', path: 'a', stepId: 'a' }],
    };
    const s = fromDetail(detail, before);
    expect(s.status).toBe('WAITING');
    expect(s.lastOffset).toBe(0);
    expect(s.historyOffset).toBe(-1);
    expect([...s.pending.keys()]).toEqual(['w1']);
    const older = fromDetail(detailAt(-1, 'RUNNING', [{ path: 'a', status: 'RUNNING' }]), s);
    expect(older.steps.get('a')?.status).toBe('WAITING');
    expect(older.status).toBe('WAITING');
  });

  it('drops a detail that left the server before what the page shows: its run fields are older too', () => {
    offset = 0;
    const ended = { ...detailAt(5, 'COMPLETED', [{ path: 'a', status: 'COMPLETED' }]), outputs: { answer: 42 } };
    const shown = fromDetail(ended, fromDetail(detailAt(2, 'WAITING', [{ path: 'a', status: 'WAITING' }])));
    expect(shown.detail?.outputs).toEqual({ answer: 42 });
    // a refresh sent while the run still waited, answered late
    const late = fromDetail({ ...detailAt(2, 'WAITING', [{ path: 'a', status: 'WAITING' }]), outputs: null }, shown);
    expect(late).toBe(shown);
    // and one that lags the stream rather than the last detail
    const streamed = fold([msg('execution_completed', { status: 'COMPLETED' }, 9)], shown);
    expect(fromDetail(detailAt(5, 'COMPLETED', []), streamed)).toBe(streamed);
  });

  it('summarises a map by the statuses of its iterations', () => {
    offset = 0;
    const s = fold([
      msg('node_started', { path: 'fan', status: 'RUNNING' }),
      ...[0, 1, 2].map((i) => msg('node_completed', { path: `fan[${i}]/square`, status: 'COMPLETED' })),
      msg('node_failed', { path: 'fan[3]/square', status: 'RETRYING', attempt: 1 }),
    ]);
    const fan = summarize(s.steps, Date.parse('2026-01-01T00:00:01Z')).get('fan');
    expect(fan).toMatchObject({ status: 'RUNNING', nested: { COMPLETED: 3, RETRYING: 1 } });
    expect(topLevelId('fan[12]/square')).toBe('fan');
    expect(topLevelId('branches/b1')).toBe('branches');
    expect(dominant(['COMPLETED', 'FAILED', 'RUNNING'])).toBe('FAILED');
    expect(dominant([])).toBeNull();
  });

  it("keeps an unchanged step's summary object while a map's branches stream in, so only the map's node is drawn again", () => {
    offset = 0;
    const done = { status: 'COMPLETED', attempt: 1, durationMs: 5 };
    const start = fold([
      msg('node_completed', { path: 'gate', ...done }),
      msg('node_started', { path: 'fan', status: 'RUNNING', attempt: 1, startedAt: '2026-01-01T00:00:00Z' }),
      msg('node_completed', { path: 'fan[0]/square', ...done }),
    ]);
    const now = Date.parse('2026-01-01T00:00:01Z');
    const first = summarize(start.steps, now);
    const later = fold([msg('node_completed', { path: 'fan[1]/square', ...done })], start);
    const second = summarize(later.steps, now, first);
    expect(second.get('gate')).toBe(first.get('gate'));
    expect(second.get('fan')).not.toBe(first.get('fan'));
    expect(second.get('fan')).toMatchObject({ status: 'RUNNING', nested: { COMPLETED: 2 } });
    // equal counts under other statuses are a change too
    const failed = fold([msg('node_failed', { path: 'fan[1]/square', status: 'FAILED', attempt: 1 })], start);
    expect(summarize(failed.steps, now, second).get('fan')).toMatchObject({ nested: { COMPLETED: 1, FAILED: 1 } });
    expect(summarize(later.steps, now, second)).toEqual(second);
    expect(summarize(later.steps, now, second).get('fan')).toBe(second.get('fan'));
  });
});

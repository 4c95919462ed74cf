// The live state of one execution, folded from its detail and the stream's messages.
import type { ExecutionDetail, PendingInput, RunStatus, StepDetail, StepStatus, StreamMessage } from '../api/types';

export interface LogLine {
  offset: number;
  timestamp: string;
  path: string | null;
  level: string;
  message: string;
}

export interface RunState {
  detail: ExecutionDetail | null;
  status: RunStatus | null;
  /** Every step (nested iterations too) by path. */
  steps: Map<string, StepDetail>;
  pending: Map<string, PendingInput>;
  logs: LogLine[];
  /** Tokens streamed per path (model output as it arrives). */
  tokens: Map<string, string>;
  lastOffset: number;
  /** Log lines at or before this offset were never streamed to the page (it began from the detail): read on demand. */
  historyOffset: number;
}

export const emptyRun = (): RunState => ({
  detail: null,
  status: null,
  steps: new Map(),
  pending: new Map(),
  logs: [],
  tokens: new Map(),
  lastOffset: -1,
  historyOffset: -1,
});

/** The top-level step a path belongs to: `items[3]/price` → `items`. */
export function topLevelId(path: string): string {
  const cut = path.search(/[[/]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/**
 * Takes the run's detail. The first one is where the page starts: its steps, and its offset as the last one seen,
 * so the stream goes on after it instead of replaying the history. A later one is taken only when it is at least as
 * recent as what the page shows: one that left the server before messages the stream has brought since (a slow
 * response) holds an older state of the steps and of the run's own fields (status, outputs, error) and is dropped.
 * The stream's position stays, so messages already on their way are still applied (each carries its step's full
 * state).
 */
export function fromDetail(detail: ExecutionDetail, previous: RunState = emptyRun()): RunState {
  const offset = detail.offset ?? -1;
  const first = previous.detail === null && previous.lastOffset < 0;
  if (!first && (offset < previous.lastOffset || offset < (previous.detail?.offset ?? -1))) return previous;
  const steps = new Map(detail.steps.map((s) => [s.path, s]));
  const pending = new Map((detail.pendingInputs ?? []).map((p) => [p.waitId, p]));
  const positions = first ? { lastOffset: offset, historyOffset: offset } : {};
  return { ...previous, detail, status: detail.status, steps, pending, ...positions };
}

const RUN_STATUS_BY_MESSAGE: Partial<Record<string, RunStatus>> = {
  execution_started: 'RUNNING',
  execution_paused: 'PAUSED',
};

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

/**
 * Applies stream messages in order; journal messages at or before the last offset seen are ignored (reconnects replay
 * them). Transient ones (`live`) carry the offset of the journal event before them and are never replayed: they are
 * always applied. The state's maps are copied once per call, so catching up with thousands of messages costs one pass.
 */
export function applyMessages(state: RunState, messages: readonly StreamMessage[]): RunState {
  let next: RunState | null = null;
  for (const msg of messages) {
    if (!msg.live && msg.offset <= (next ?? state).lastOffset) continue;
    next ??= { ...state, steps: new Map(state.steps), pending: new Map(state.pending), tokens: new Map(state.tokens), logs: [...state.logs] };
    applyInto(next, msg);
  }
  return next ?? state;
}

export const applyMessage = (state: RunState, msg: StreamMessage): RunState => applyMessages(state, [msg]);

/** The log line a `log` message carries. */
export function logLine(msg: StreamMessage): LogLine {
  const data = asRecord(msg.data);
  return {
    offset: msg.offset,
    timestamp: msg.timestamp,
    path: typeof data.path === 'string' ? data.path : null,
    level: typeof data.level === 'string' ? data.level : 'info',
    message: typeof data.message === 'string' ? data.message : JSON.stringify(msg.data),
  };
}

/** Applies one message to a state whose maps and log list belong to the caller. */
function applyInto(next: RunState, msg: StreamMessage): void {
  if (!msg.live) next.lastOffset = msg.offset;
  const data = asRecord(msg.data);
  switch (msg.type) {
    case 'node_started':
    case 'node_completed':
    case 'node_failed': {
      const step = data as unknown as StepDetail;
      if (typeof step.path !== 'string') return;
      putStep(next.steps, step);
      if (step.waitId === null || step.status !== 'WAITING') dropPath(next.pending, step.path);
      break;
    }
    case 'user_input_required': {
      // The data is the waiting step (path, stepId, status WAITING) with the question (waitId, prompt, form, …).
      const input = data as unknown as PendingInput & StepDetail;
      if (typeof input.waitId === 'string') next.pending.set(input.waitId, input);
      if (typeof input.path === 'string') putStep(next.steps, { ...input, status: 'WAITING' });
      break;
    }
    case 'execution_completed':
      next.status = typeof data.status === 'string' ? (data.status as RunStatus) : 'COMPLETED';
      next.pending.clear();
      break;
    case 'log':
      if (data.event === 'RunResumed') next.status = 'RUNNING';
      next.logs.push(logLine(msg));
      break;
    case 'token': {
      const path = typeof data.path === 'string' ? data.path : '';
      const text = typeof data.text === 'string' ? data.text : typeof data.token === 'string' ? data.token : '';
      next.tokens.set(path, (next.tokens.get(path) ?? '') + text);
      break;
    }
    default:
      break;
  }
  const runStatus = RUN_STATUS_BY_MESSAGE[msg.type];
  if (runStatus) next.status = runStatus;
  if (typeof data.runStatus === 'string') next.status = data.runStatus as RunStatus;
}

function putStep(steps: Map<string, StepDetail>, step: StepDetail): void {
  steps.set(step.path, { ...steps.get(step.path), ...step });
}

function dropPath(pending: Map<string, PendingInput>, path: string): void {
  for (const [k, v] of pending) if (v.path === path) pending.delete(k);
}

export interface NodeRunSummary {
  status: StepStatus;
  attempt: number;
  durationMs: number | null;
  /** For composite steps: counts of their nested steps by status. */
  nested: Partial<Record<StepStatus, number>>;
}

const RANK: Record<StepStatus, number> = {
  FAILED: 8,
  RUNNING: 7,
  RETRYING: 6,
  WAITING: 5,
  READY: 4,
  PENDING: 3,
  CANCELLED: 2,
  COMPLETED: 1,
  SKIPPED: 0,
};

export function durationOf(s: StepDetail, now: number): number | null {
  if (typeof s.durationMs === 'number') return s.durationMs;
  if (!s.startedAt) return null;
  const start = Date.parse(s.startedAt);
  const end = s.endedAt ? Date.parse(s.endedAt) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : null;
}

/**
 * One summary per top-level step: its own status, and counts of what runs inside it. A summary equal to the one
 * `previous` holds for the step is that same object, so a graph re-renders only the nodes whose summary changed (while
 * a map's branches stream in, the other steps' nodes are left alone).
 */
export function summarize(
  steps: ReadonlyMap<string, StepDetail>,
  now: number,
  previous?: ReadonlyMap<string, NodeRunSummary>,
): Map<string, NodeRunSummary> {
  const out = new Map<string, NodeRunSummary>();
  const reported = new Set<string>();
  for (const s of steps.values()) {
    const top = topLevelId(s.path);
    let summary = out.get(top);
    if (!summary) {
      summary = { status: 'PENDING', attempt: 0, durationMs: null, nested: {} };
      out.set(top, summary);
    }
    if (s.path === top) {
      reported.add(top);
      summary.status = s.status;
      summary.attempt = s.attempt ?? 0;
      summary.durationMs = durationOf(s, now);
    } else {
      summary.nested[s.status] = (summary.nested[s.status] ?? 0) + 1;
    }
  }
  for (const [id, summary] of out) {
    if (!reported.has(id)) summary.status = dominant(Object.keys(summary.nested) as StepStatus[]) ?? 'PENDING';
    const before = previous?.get(id);
    if (before && sameSummary(before, summary)) out.set(id, before);
  }
  return out;
}

function sameSummary(a: NodeRunSummary, b: NodeRunSummary): boolean {
  if (a.status !== b.status || a.attempt !== b.attempt || a.durationMs !== b.durationMs) return false;
  const keys = Object.keys(a.nested) as StepStatus[];
  return keys.length === Object.keys(b.nested).length && keys.every((k) => a.nested[k] === b.nested[k]);
}

/** The most telling status among several (used when only nested steps have reported). */
export function dominant(statuses: readonly StepStatus[]): StepStatus | null {
  let best: StepStatus | null = null;
  for (const s of statuses) if (best === null || RANK[s] > RANK[best]) best = s;
  return best;
}

export const isFinished = (status: RunStatus | null) =>
  status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED' || status === 'TIMED_OUT';

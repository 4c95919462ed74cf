// A timeline of the run's top-level steps: one bar per step from its start to its end (or now).
import type { StepDetail } from '../api/types';
import { topLevelId } from './runState';

export interface Bar {
  path: string;
  status: StepDetail['status'];
  start: number;
  end: number;
}

/** Bars for the steps that started, in start order (then the run's order), relative to the first start. */
export function bars(steps: Iterable<StepDetail>, now: number): { bars: Bar[]; span: number } {
  const out: Bar[] = [];
  for (const s of steps) {
    if (!s.startedAt || topLevelId(s.path) !== s.path) continue;
    const start = Date.parse(s.startedAt);
    const end = s.endedAt ? Date.parse(s.endedAt) : now;
    if (Number.isFinite(start)) out.push({ path: s.path, status: s.status, start, end: Math.max(start, end) });
  }
  // stable: steps that started in the same millisecond keep the run's order
  out.sort((a, b) => a.start - b.start);
  const t0 = out[0]?.start ?? 0;
  const span = Math.max(1, ...out.map((b) => b.end - t0));
  return { bars: out.map((b) => ({ ...b, start: b.start - t0, end: b.end - t0 })), span };
}

export function Timeline({ steps, now, onSelect }: { steps: Iterable<StepDetail>; now: number; onSelect(id: string): void }) {
  const { bars: list, span } = bars(steps, now);
  return (
    <ol className="timeline" data-testid="timeline">
      {list.map((b) => (
        <li key={b.path}>
          <button type="button" className="timeline-label" onClick={() => onSelect(b.path)}>
            {b.path}
          </button>
          <span className="timeline-track">
            <span
              className={`timeline-bar badge-${b.status}`}
              style={{ left: `${(b.start / span) * 100}%`, width: `${Math.max(0.5, ((b.end - b.start) / span) * 100)}%` }}
              title={`${b.end - b.start} ms`}
            />
          </span>
        </li>
      ))}
    </ol>
  );
}

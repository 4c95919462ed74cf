// The drawer of one step of a run: status, attempts, duration, input, output, error, logs, tokens, cost,
// and a re-run from this step with an edited input.
import { useState } from 'react';
import { post } from '../api/client';
import type { Execution, StepDetail } from '../api/types';
import { formatMs } from '../editor/StepNode';
import { CodeField } from '../forms/CodeField';
import { useT } from '../i18n';
import { Json } from '../ui/Json';
import { ErrorNotice } from '../ui/Notice';
import { navigate } from '../ui/route';
import { StatusBadge } from '../ui/StatusBadge';
import { durationOf, type LogLine, type RunState } from './runState';
import { useHistoryLogs } from './useHistoryLogs';

function tokensText(tokens: StepDetail['tokens']): string | null {
  if (tokens == null) return null;
  if (typeof tokens === 'number') return String(tokens);
  return [tokens.input, tokens.output, tokens.total].map((n) => n ?? '–').join(' / ');
}

function Rerun({ executionId, step }: { executionId: string; step: StepDetail }) {
  const t = useT();
  const [input, setInput] = useState<unknown>(step.input);
  const [error, setError] = useState<Error | null>(null);
  const rerun = () =>
    post<Execution>(`/executions/${encodeURIComponent(executionId)}/rerun`, { fromStep: step.stepId, input })
      .then((run) => navigate('executions', run.id))
      .catch((e: Error) => setError(e));
  return (
    <details>
      <summary>{t('monitor.rerun')}</summary>
      <ErrorNotice error={error} />
      <label htmlFor="rerun-input">{t('monitor.rerunInput')}</label>
      <CodeField id="rerun-input" value={input} onChange={setInput} rows={6} />
      <button type="button" onClick={rerun} data-testid="rerun">
        {t('monitor.rerun')}
      </button>
    </details>
  );
}

export function NodeDrawer({ executionId, id, run, onClose }: { executionId: string; id: string; run: RunState; onClose(): void }) {
  const t = useT();
  const step = run.steps.get(id);
  const nested = [...run.steps.values()].filter((s) => s.path !== id && (s.path.startsWith(`${id}[`) || s.path.startsWith(`${id}/`)));
  const history = useHistoryLogs(executionId, run.historyOffset);
  const logs: LogLine[] = [...history, ...run.logs].filter((l) => l.path === id || l.path?.startsWith(`${id}[`));
  const streamed = run.tokens.get(id);
  return (
    <aside className="drawer" aria-label={id} data-testid="node-drawer">
      <header>
        <h2>{id}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </header>
      {!step ? (
        <p className="muted">{t('status.PENDING')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('common.status')}</dt>
            <dd>
              <StatusBadge status={step.status} />
            </dd>
            <dt>{t('drawer.attempt')}</dt>
            <dd>{step.attempt ?? 0}</dd>
            <dt>{t('drawer.duration')}</dt>
            <dd>{formatMs(durationOf(step, Date.now()) ?? 0)}</dd>
            {tokensText(step.tokens) && (
              <>
                <dt>{t('drawer.tokens')}</dt>
                <dd>{tokensText(step.tokens)}</dd>
              </>
            )}
            {step.cost != null && (
              <>
                <dt>{t('drawer.cost')}</dt>
                <dd>{step.cost}</dd>
              </>
            )}
          </dl>
          {nested.length > 0 && <p className="muted">{t('drawer.iterations', { summary: `${nested.length}` })}</p>}
          <h3>{t('drawer.input')}</h3>
          <Json value={step.input ?? null} label={t('drawer.input')} />
          <h3>{t('drawer.output')}</h3>
          <Json value={streamed ?? step.output ?? null} label={t('drawer.output')} />
          {step.error && (
            <>
              <h3>{t('drawer.error')}</h3>
              <Json value={step.error} label={t('drawer.error')} />
            </>
          )}
          <h3>{t('drawer.logs')}</h3>
          <ul className="logs">
            {logs.map((l) => (
              <li key={l.offset}>
                <span className="muted">{l.timestamp}</span> [{l.level}] {l.message}
              </li>
            ))}
          </ul>
          <Rerun key={id} executionId={executionId} step={step} />
        </>
      )}
    </aside>
  );
}

// The run monitor: controls, the live graph, the timeline, questions waiting for an answer and a node drawer.
import { useEffect, useMemo, useRef, useState } from 'react';
import { get, post } from '../api/client';
import type { RunStatus, Workflow } from '../api/types';
import { withLayout } from '../editor/actions';
import { useT } from '../i18n';
import type { StepDef } from '../model/definition';
import { Json } from '../ui/Json';
import { ErrorNotice } from '../ui/Notice';
import { href } from '../ui/route';
import { StatusBadge } from '../ui/StatusBadge';
import { HumanInputForm } from './HumanInputs';
import { NodeDrawer } from './NodeDrawer';
import { RunGraph } from './RunGraph';
import { isFinished, summarize, type NodeRunSummary } from './runState';
import { Timeline } from './Timeline';
import { useRun } from './useRun';

type Control = 'pause' | 'resume' | 'stop' | 'retry';

function controlsFor(status: RunStatus | null): Control[] {
  if (status === 'PAUSED') return ['resume', 'stop'];
  if (status === 'FAILED' || status === 'CANCELLED' || status === 'TIMED_OUT') return ['retry'];
  if (isFinished(status) || status === null) return [];
  return ['pause', 'stop'];
}

const CONNECTION_LABEL = { connecting: 'monitor.connecting', closed: 'monitor.reconnecting' } as const;

const CONTROL_LABEL = { pause: 'monitor.pause', resume: 'monitor.resume', stop: 'monitor.cancel', retry: 'monitor.retry' } as const;

export function RunPage({ executionId }: { executionId: string }) {
  const t = useT();
  const { state, connection, error, refresh } = useRun(executionId);
  const [steps, setSteps] = useState<StepDef[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<'graph' | 'timeline'>('graph');
  const [actionError, setActionError] = useState<Error | null>(null);
  const detail = state.detail;

  useEffect(() => {
    if (!detail) return;
    const version = detail.workflowVersion ? `?version=${encodeURIComponent(detail.workflowVersion)}` : '';
    get<Workflow>(`/workflows/${encodeURIComponent(detail.workflowId)}${version}`)
      .then((wf) => withLayout(wf.definition))
      .then((def) => setSteps(def.steps))
      .catch((e: Error) => setActionError(e));
  }, [detail?.workflowId, detail?.workflowVersion]);

  const now = Date.now();
  // the summaries shown last: unchanged steps keep their summary object, and their node is not drawn again
  const shown = useRef<ReadonlyMap<string, NodeRunSummary>>(new Map());
  const summaries = useMemo(() => (shown.current = summarize(state.steps, Date.now(), shown.current)), [state.steps]);
  const control = (c: Control) =>
    post(`/executions/${encodeURIComponent(executionId)}/${c}`)
      .then(() => refresh())
      .catch((e: Error) => setActionError(e));

  return (
    <div className="run-page">
      <div className="toolbar" role="toolbar" aria-label="run">
        <h1>{t('monitor.title', { id: executionId })}</h1>
        {state.status && <StatusBadge status={state.status} />}
        <span className="muted small" data-testid="connection" data-state={connection}>
          {connection === 'open' ? `● ${t('monitor.live')}` : t(CONNECTION_LABEL[connection])}
        </span>
        <span className="grow" />
        {controlsFor(state.status).map((c) => (
          <button key={c} type="button" onClick={() => void control(c)} data-testid={`control-${c}`}>
            {t(CONTROL_LABEL[c])}
          </button>
        ))}
        <button type="button" aria-pressed={view === 'graph'} onClick={() => setView('graph')}>
          {t('monitor.graph')}
        </button>
        <button type="button" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
          {t('monitor.timeline')}
        </button>
        {detail && <a href={href('workflows', detail.workflowId)}>{t('monitor.edit')}</a>}
      </div>
      <ErrorNotice error={error ?? actionError} />
      {[...state.pending.values()].map((p) => (
        <HumanInputForm key={p.waitId} input={p} onAnswered={() => void refresh()} />
      ))}
      <div className="run-body">
        {view === 'graph' ? (
          <RunGraph steps={steps} summaries={summaries} selected={selected} onSelect={setSelected} />
        ) : (
          <Timeline steps={state.steps.values()} now={now} onSelect={setSelected} />
        )}
        {selected && <NodeDrawer executionId={executionId} id={selected} run={state} onClose={() => setSelected(null)} />}
      </div>
      {detail?.outputs != null && isFinished(state.status) && (
        <section>
          <h2>{t('monitor.outputs')}</h2>
          <Json value={detail.outputs} />
        </section>
      )}
    </div>
  );
}

// The canvas node of a step: its type, id and key field, handles for links, validation and run badges.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepStatus } from '../api/types';
import { sourceHandles } from '../graph/edges';
import { useT, type MessageKey } from '../i18n';
import { nestedSteps, type StepDef } from '../model/definition';
import { worst } from '../validation/diagnostics';
import type { StepNode as StepNodeType } from './flowNodes';

/** The one field that says most about a step of each type, shown on the node. */
const KEY_FIELD: Record<string, string> = {
  tool: 'tool',
  module: 'operation',
  condition: 'condition',
  switch: 'value',
  map: 'items',
  loop: 'until',
  subworkflow: 'workflow',
  wait: 'duration',
  human: 'prompt',
  transform: 'expression',
  event: 'event',
  agent: 'agent',
  llm: 'prompt',
  http: 'url',
  task: 'capability',
};

function summaryOf(step: StepDef): string {
  const field = KEY_FIELD[step.type];
  const v = field ? step[field] : undefined;
  if (v === undefined) return step.name ?? '';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function NestedCounts({ nested }: { nested: Partial<Record<StepStatus, number>> }) {
  const t = useT();
  const entries = Object.entries(nested) as [StepStatus, number][];
  if (entries.length === 0) return null;
  return (
    <div className="node-nested" data-testid="nested-counts">
      {entries.map(([status, n]) => (
        <span key={status} className={`count badge-${status}`} title={t(`status.${status}` as MessageKey)}>
          {n}
        </span>
      ))}
    </div>
  );
}

function handleLabel(handle: string): string {
  return handle === 'out' ? '' : handle.replace(/^case-(\d+)$/, (_, i: string) => `${Number(i) + 1}`);
}

export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const t = useT();
  const { step, diagnostics, run } = data;
  const severity = worst(diagnostics);
  const handles = sourceHandles(step);
  const nested = nestedSteps(step).length;
  const status = run?.status;
  return (
    <div
      className={`step-node cat-${step.type} ${selected ? 'selected' : ''} ${severity ? `has-${severity}` : ''} ${status ? `run-${status}` : ''}`}
      data-testid={`node-${step.id}`}
      data-status={status}
      title={diagnostics?.map((d) => d.message).join('\n')}
    >
      <Handle type="target" position={Position.Left} id="in" />
      <div className="node-head">
        <span className="node-type">{step.type}</span>
        {severity && (
          <span className={`node-diag diag-${severity}`} aria-label={`${diagnostics!.length} ${severity}`}>
            !
          </span>
        )}
        {status && (
          <span className={`badge badge-${status}`} data-testid={`status-${step.id}`}>
            {t(`status.${status}` as MessageKey)}
          </span>
        )}
      </div>
      <div className="node-id">{step.id}</div>
      <div className="node-summary">{summaryOf(step)}</div>
      {(nested > 0 || (run && run.attempt > 1) || run?.durationMs != null) && (
        <div className="node-foot">
          {nested > 0 && <span>{nested} ⧉</span>}
          {run && run.attempt > 1 && <span>×{run.attempt}</span>}
          {run?.durationMs != null && <span>{formatMs(run.durationMs)}</span>}
        </div>
      )}
      {run && <NestedCounts nested={run.nested} />}
      {handles.map((h, i) => (
        <Handle
          key={h}
          type="source"
          position={Position.Right}
          id={h}
          className={`handle-${h.replace(/-\d+$/, '')}`}
          style={{ top: `${((i + 1) * 100) / (handles.length + 1)}%` }}
          title={h}
        >
          {handleLabel(h) && <span className="handle-label">{handleLabel(h)}</span>}
        </Handle>
      ))}
    </div>
  );
});

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`;
}

export const NODE_TYPES = { step: StepNode };

// Starts a run with inputs from a form generated from the workflow's input schema.
import { useState } from 'react';
import { post } from '../api/client';
import type { Execution, JsonSchema } from '../api/types';
import { SchemaForm } from '../forms/SchemaForm';
import { useT } from '../i18n';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/Notice';
import { navigate } from '../ui/route';

export function RunDialog({ workflowId, inputs, onClose }: { workflowId: string; inputs: JsonSchema | undefined; onClose(): void }) {
  const t = useT();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async (value: unknown) => {
    setBusy(true);
    try {
      const run = await post<Execution>(`/workflows/${encodeURIComponent(workflowId)}/execute`, { inputs: value ?? {} });
      navigate('executions', run.id);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };
  const hasInputs = !!inputs && typeof inputs === 'object' && Object.keys(inputs).length > 0;
  return (
    <Dialog title={t('run.title', { id: workflowId })} onClose={onClose}>
      <ErrorNotice error={error} />
      {!hasInputs && <p className="muted">{t('run.noInputs')}</p>}
      <SchemaForm schema={hasInputs ? inputs : { type: 'object', properties: {} }} submitLabel={t('run.start')} onSubmit={start} idPrefix="run" busy={busy} />
    </Dialog>
  );
}

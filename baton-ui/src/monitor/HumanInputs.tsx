// Forms for the questions a run is waiting on, generated from each question's JSON Schema.
import { useState } from 'react';
import { post } from '../api/client';
import type { PendingInput } from '../api/types';
import { SchemaForm } from '../forms/SchemaForm';
import { useT } from '../i18n';
import { ErrorNotice, Notice } from '../ui/Notice';

export function HumanInputForm({ input, onAnswered }: { input: PendingInput; onAnswered(): void }) {
  const t = useT();
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const answer = async (value: unknown) => {
    try {
      await post(`/inputs/${encodeURIComponent(input.waitId)}`, { value });
      setDone(true);
      onAnswered();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="human-input" data-testid={`human-${input.stepId}`}>
      <h3>
        {t('monitor.waitingInput')}: <code>{input.stepId}</code>
      </h3>
      {input.prompt && <p className="prompt">{input.prompt}</p>}
      <ErrorNotice error={error} />
      {done ? (
        <Notice tone="ok">{t('monitor.answered')}</Notice>
      ) : (
        <SchemaForm schema={input.form} submitLabel={t('monitor.answer')} onSubmit={answer} idPrefix={`answer-${input.waitId}`} />
      )}
    </section>
  );
}

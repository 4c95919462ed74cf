// Tools: the registry's tools, and a form generated from a tool's parameters to try it.
import { useState } from 'react';
import { get, post } from '../api/client';
import type { JsonSchema } from '../api/types';
import { SchemaForm } from '../forms/SchemaForm';
import { useT } from '../i18n';
import { Json } from '../ui/Json';
import { ErrorNotice, Loading } from '../ui/Notice';
import { useAsync } from '../ui/useAsync';

interface Tool {
  name: string;
  description?: string;
  parameters?: JsonSchema;
  source?: string;
}

export function ToolsPage() {
  const t = useT();
  const tools = useAsync(() => get<Tool[] | { items: Tool[] }>('/tools').then((v) => (Array.isArray(v) ? v : v.items)), []);
  const [chosen, setChosen] = useState<Tool | null>(null);
  const [result, setResult] = useState<unknown>();
  const [error, setError] = useState<Error | null>(null);
  const invoke = (args: unknown) =>
    post<unknown>(`/tools/${encodeURIComponent(chosen!.name)}/invoke`, { arguments: args ?? {} })
      .then((r) => (setResult(r), setError(null)))
      .catch((e: Error) => setError(e));
  return (
    <div className="page split">
      <section>
        <h1>{t('tools.title')}</h1>
        <ErrorNotice error={tools.error} />
        {tools.loading && <Loading />}
        <ul className="cards">
          {tools.value?.map((tool) => (
            <li key={tool.name}>
              <button type="button" className="card" onClick={() => (setChosen(tool), setResult(undefined))}>
                <strong>{tool.name}</strong>
                <span className="muted">{tool.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {chosen && (
        <section className="side-panel">
          <h2>
            {t('tools.try')}: {chosen.name}
          </h2>
          <SchemaForm key={chosen.name} schema={chosen.parameters} submitLabel={t('tools.try')} onSubmit={invoke} idPrefix="tool" />
          <ErrorNotice error={error} />
          {result !== undefined && (
            <>
              <h3>{t('tools.result')}</h3>
              <Json value={result} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

// Agents: create and edit their definitions, and try a chat with one.
import { useState, type FormEvent } from 'react';
import { post } from '../api/client';
import { useT } from '../i18n';
import { Json } from '../ui/Json';
import { ErrorNotice } from '../ui/Notice';
import { AGENT_SCHEMA } from '../resources/schemas';
import { ResourceEditor, type Item } from './ResourceEditor';

const TEMPLATE = {
  name: 'writer',
  version: '1',
  type: 'chat',
  role: 'Writer',
  description: 'Writes a short report',
  model: { use: 'offline' },
  systemPrompt: 'You write concise reports.',
};

/** The definition to edit: the agent's, its version moved on (a save registers a new version). */
function nextVersion(agent: Item): Item {
  const definition = (agent.definition ?? {}) as Item;
  const n = Number(definition.version);
  return { ...definition, version: Number.isInteger(n) ? String(n + 1) : `${String(definition.version ?? '1')}.1` };
}

function Chat({ agentId }: { agentId: string }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [log, setLog] = useState<{ q: string; a: unknown }[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const send = (e: FormEvent) => {
    e.preventDefault();
    const q = message;
    post<unknown>(`/agents/${encodeURIComponent(agentId)}/chat`, { message: q })
      .then((a) => (setLog((l) => [...l, { q, a }]), setMessage('')))
      .catch((err: Error) => setError(err));
  };
  return (
    <section>
      <h3>{t('agents.chat')}</h3>
      <ErrorNotice error={error} />
      {log.map((m, i) => (
        <div key={i} className="chat">
          <p>
            <strong>›</strong> {m.q}
          </p>
          <Json value={m.a} />
        </div>
      ))}
      <form onSubmit={send} className="row">
        <input aria-label={t('agents.message')} value={message} onChange={(e) => setMessage(e.target.value)} />
        <button type="submit" disabled={!message}>
          {t('agents.send')}
        </button>
      </form>
    </section>
  );
}

export function AgentsPage() {
  const t = useT();
  return (
    <ResourceEditor
      title={t('agents.title')}
      path="/agents"
      schema={AGENT_SCHEMA}
      template={TEMPLATE}
      idOf={(a) => String(a.id)}
      summaryOf={(a) => `v${String(a.version)} · ${String((a.definition as Item | undefined)?.description ?? '')}`}
      definitionOf={nextVersion}
      save={(_, definition) => post('/agents', definition)}
      readOnly={(a) => (a.source === 'config' ? t('agents.fromConfig') : null)}
      extra={(a) => <Chat key={String(a.id)} agentId={String(a.id)} />}
    />
  );
}

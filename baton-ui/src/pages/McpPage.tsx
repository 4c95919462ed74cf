// MCP servers: connect (stdio, streamable HTTP or SSE), change, reconnect, remove; the tools each one offers.
import { useState } from 'react';
import { del, get, post } from '../api/client';
import { useT } from '../i18n';
import { MCP_SCHEMA } from '../resources/schemas';
import { ErrorNotice } from '../ui/Notice';
import { useAsync } from '../ui/useAsync';
import { ResourceEditor, type Item } from './ResourceEditor';

const TEMPLATE = { name: 'files', transport: 'stdio', command: ['npx', 'some-mcp-server'] };

/** The fields of a server's view that its configuration has (environment values are never shown again). */
function configOf(server: Item): Item {
  const out: Item = { name: server.name, transport: server.transport, timeoutMs: server.timeoutMs };
  if (server.url) out.url = server.url;
  if (Array.isArray(server.command) && server.command.length > 0) out.command = server.command;
  return out;
}

function McpTools({ name }: { name: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const tools = useAsync(() => get<{ name: string }[]>(`/mcp-servers/${encodeURIComponent(name)}/tools`), [name, version]);
  const reconnect = () =>
    post(`/mcp-servers/${encodeURIComponent(name)}/reconnect`)
      .then(() => setVersion((v) => v + 1))
      .catch((e: Error) => setError(e));
  return (
    <section>
      <ErrorNotice error={tools.error ?? error} />
      <p className="muted" data-testid="mcp-tools">
        {t('mcp.tools', { tools: tools.value?.map((x) => x.name).join(', ') ?? '…' })}
      </p>
      <button type="button" onClick={() => void reconnect()}>
        {t('mcp.reconnect')}
      </button>
    </section>
  );
}

export function McpPage() {
  const t = useT();
  return (
    <ResourceEditor
      title={t('mcp.title')}
      path="/mcp-servers"
      schema={MCP_SCHEMA}
      template={TEMPLATE}
      idOf={(s) => String(s.name)}
      summaryOf={(s) => `${String(s.transport)} · ${String(s.status)}${s.error ? ` · ${String(s.error)}` : ''}`}
      definitionOf={configOf}
      // the server has no update: a change removes the old connection, then adds the new one
      save={async (original, config) => {
        if (original) await del(`/mcp-servers/${encodeURIComponent(String(original.name))}`);
        return post('/mcp-servers', config);
      }}
      extra={(s) => <McpTools key={String(s.name)} name={String(s.name)} />}
    />
  );
}

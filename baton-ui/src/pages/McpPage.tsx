// MCP servers: connect (stdio or streamable HTTP), edit, remove; the tools each one offers.
import { get } from '../api/client';
import { useT } from '../i18n';
import { useAsync } from '../ui/useAsync';
import { ResourceEditor } from './ResourceEditor';

const TEMPLATE = { name: 'files', transport: 'stdio', command: ['npx', 'some-mcp-server'], env: {} };

function McpTools({ name }: { name: string }) {
  const t = useT();
  const tools = useAsync(() => get<{ name: string }[]>(`/mcp-servers/${encodeURIComponent(name)}/tools`), [name]);
  return <p className="muted">{t('mcp.tools', { tools: tools.value?.map((x) => x.name).join(', ') ?? tools.error?.message ?? '…' })}</p>;
}

export function McpPage() {
  const t = useT();
  return <ResourceEditor title={t('mcp.title')} path="/mcp-servers" idField="name" template={TEMPLATE} extra={(s) => <McpTools key={String(s.name)} name={String(s.name)} />} />;
}

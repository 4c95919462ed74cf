// A list of server resources (agents, MCP servers) with a YAML editor to create, change and delete them.
import { useState, type ReactNode } from 'react';
import { del, get, post, put } from '../api/client';
import { CodeField } from '../forms/CodeField';
import { useT } from '../i18n';
import { ErrorNotice, Loading } from '../ui/Notice';
import { useAsync } from '../ui/useAsync';

type Item = Record<string, unknown>;

interface Props {
  title: string;
  /** The collection path under /api/v1, e.g. `/agents`. */
  path: string;
  idField: string;
  template: Item;
  /** Extra content for the selected item (a chat, its tools…). */
  extra?(item: Item): ReactNode;
}

const asList = (v: unknown): Item[] => (Array.isArray(v) ? v : ((v as { items?: Item[] })?.items ?? [])) as Item[];

export function ResourceEditor({ title, path, idField, template, extra }: Props) {
  const t = useT();
  const list = useAsync(() => get<unknown>(path).then(asList), [path]);
  const [editing, setEditing] = useState<{ original: Item | null; value: unknown } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const idOf = (item: Item) => String(item[idField] ?? item.name ?? '');

  const save = async () => {
    if (!editing) return;
    try {
      if (editing.original) await put(`${path}/${encodeURIComponent(idOf(editing.original))}`, editing.value);
      else await post(path, editing.value);
      setEditing(null);
      list.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const remove = async (item: Item) => {
    try {
      await del(`${path}/${encodeURIComponent(idOf(item))}`);
      setEditing(null);
      list.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div className="page split">
      <section>
        <div className="toolbar">
          <h1>{title}</h1>
          <span className="grow" />
          <button type="button" className="primary" onClick={() => setEditing({ original: null, value: template })}>
            {t('common.create')}
          </button>
        </div>
        <ErrorNotice error={list.error ?? error} />
        {list.loading && <Loading />}
        {list.value?.length === 0 && <p className="muted">{t('common.none')}</p>}
        <ul className="cards">
          {list.value?.map((item) => (
            <li key={idOf(item)}>
              <button type="button" className="card" onClick={() => setEditing({ original: item, value: item })}>
                <strong>{idOf(item)}</strong>
                <span className="muted">{String(item.description ?? item.role ?? item.url ?? '')}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing && (
        <section className="side-panel">
          <h2>{editing.original ? idOf(editing.original) : t('common.create')}</h2>
          <label htmlFor="resource-yaml">{t('agents.definition')}</label>
          <CodeField id="resource-yaml" value={editing.value} onChange={(v) => setEditing({ ...editing, value: v })} rows={14} />
          <div className="row">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('common.save')}
            </button>
            {editing.original && (
              <button type="button" className="danger" onClick={() => void remove(editing.original!)}>
                {t('common.delete')}
              </button>
            )}
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
          {editing.original && extra?.(editing.original)}
        </section>
      )}
    </div>
  );
}

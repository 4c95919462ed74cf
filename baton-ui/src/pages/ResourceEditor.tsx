// A list of server resources (agents, MCP servers) with an editor to create, change and delete them: a form generated
// from the resource's JSON Schema, or the same value as YAML.
import { useState, type ReactNode } from 'react';
import { del, get } from '../api/client';
import { CodeField } from '../forms/CodeField';
import { ObjectFields } from '../forms/ObjectFields';
import { missingRequired } from '../forms/SchemaForm';
import { useLang, useT } from '../i18n';
import { localize, type LocalizedSchema } from '../resources/schemas';
import { ErrorNotice, Loading } from '../ui/Notice';
import { useAsync } from '../ui/useAsync';

export type Item = Record<string, unknown>;

interface Props {
  title: string;
  /** The collection path under /api/v1, e.g. `/agents`. */
  path: string;
  schema: LocalizedSchema;
  /** The definition a new one starts from. */
  template: Item;
  idOf(item: Item): string;
  summaryOf(item: Item): string;
  /** The part of a listed item the editor changes (what `save` sends). */
  definitionOf(item: Item): Item;
  /** Stores the definition, as a new resource or in place of `original`. */
  save(original: Item | null, definition: Item): Promise<unknown>;
  /** Why an item cannot be changed here, or null. */
  readOnly?(item: Item): string | null;
  /** Extra content for the selected item (a chat, its tools…). */
  extra?(item: Item): ReactNode;
}

const asList = (v: unknown): Item[] => (Array.isArray(v) ? v : ((v as { items?: Item[] })?.items ?? [])) as Item[];
const asItem = (v: unknown): Item => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Item) : {});

export function ResourceEditor(props: Props) {
  const { title, path, idOf, summaryOf, definitionOf, extra } = props;
  const t = useT();
  const lang = useLang((s) => s.lang);
  const list = useAsync(() => get<unknown>(path).then(asList), [path]);
  const [editing, setEditing] = useState<{ original: Item | null; value: Item } | null>(null);
  const [view, setView] = useState<'form' | 'yaml'>('form');
  const [error, setError] = useState<Error | null>(null);
  const schema = localize(props.schema, lang);
  const locked = editing?.original ? (props.readOnly?.(editing.original) ?? null) : null;
  const missing = editing ? missingRequired(schema, editing.value) : [];

  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      setEditing(null);
      setError(null);
      list.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const open = (original: Item | null, value: Item) => (setEditing({ original, value }), setError(null));

  return (
    <div className="page split">
      <section>
        <div className="toolbar">
          <h1>{title}</h1>
          <span className="grow" />
          <button type="button" className="primary" onClick={() => open(null, props.template)} data-testid="resource-create">
            {t('common.create')}
          </button>
        </div>
        <ErrorNotice error={list.error} />
        {list.loading && <Loading />}
        {list.value?.length === 0 && <p className="muted">{t('common.none')}</p>}
        <ul className="cards">
          {list.value?.map((item) => (
            <li key={idOf(item)}>
              <button type="button" className="card" onClick={() => open(item, definitionOf(item))} data-testid={`resource-${idOf(item)}`}>
                <strong>{idOf(item)}</strong>
                <span className="muted">{summaryOf(item)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing && (
        <section className="side-panel" data-testid="resource-editor">
          <h2>{editing.original ? idOf(editing.original) : t('common.create')}</h2>
          <ErrorNotice error={error} />
          {locked && <p className="muted">{locked}</p>}
          <div className="row" role="group" aria-label={t('resource.view')}>
            <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')} data-testid="resource-view-form">
              {t('resource.form')}
            </button>
            <button type="button" aria-pressed={view === 'yaml'} onClick={() => setView('yaml')} data-testid="resource-view-yaml">
              YAML
            </button>
          </div>
          <fieldset disabled={locked !== null} className="schema-form">
            {view === 'form' ? (
              <ObjectFields schema={schema} value={editing.value} onChange={(value) => setEditing({ ...editing, value })} idPrefix="resource" />
            ) : (
              <CodeField id="resource-yaml" label={t('agents.definition')} value={editing.value} onChange={(v) => setEditing({ ...editing, value: asItem(v) })} rows={16} />
            )}
          </fieldset>
          <div className="row">
            {!locked && (
              <button type="button" className="primary" disabled={missing.length > 0} onClick={() => void act(() => props.save(editing.original, editing.value))}>
                {t('common.save')}
              </button>
            )}
            {editing.original && !locked && (
              <button type="button" className="danger" onClick={() => void act(() => del(`${path}/${encodeURIComponent(idOf(editing.original!))}`))}>
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

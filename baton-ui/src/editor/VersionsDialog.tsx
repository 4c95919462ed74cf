// The versions of a workflow: open one, publish one, compare two.
import { useState } from 'react';
import { get, post } from '../api/client';
import type { VersionInfo, Workflow } from '../api/types';
import { useT } from '../i18n';
import { formatDefinition } from '../io/formats';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice, Loading } from '../ui/Notice';
import { useAsync } from '../ui/useAsync';
import { diffLines, hasChanges, type DiffLine } from './diff';
import { Time } from '../ui/Time';

const path = (id: string) => `/workflows/${encodeURIComponent(id)}`;

async function versionYaml(id: string, version: string): Promise<string> {
  const wf = await get<Workflow>(`${path(id)}?version=${encodeURIComponent(version)}`);
  return formatDefinition(wf.definition, 'yaml');
}

interface Props {
  workflowId: string;
  onOpen(wf: Workflow): void;
  onClose(): void;
}

export function VersionsDialog({ workflowId, onOpen, onClose }: Props) {
  const t = useT();
  const versions = useAsync(() => get<VersionInfo[]>(`${path(workflowId)}/versions`), [workflowId]);
  const [left, setLeft] = useState('');
  const [right, setRight] = useState('');
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const list = versions.value ?? [];

  const act = (f: () => Promise<void>) => f().catch((e: Error) => setError(e));
  const compare = () =>
    act(async () => setDiff(diffLines(await versionYaml(workflowId, left), await versionYaml(workflowId, right))));
  const publish = (version: string) =>
    act(async () => {
      await post(`${path(workflowId)}/publish`, { version });
      versions.reload();
    });
  const open = (version: string) =>
    act(async () => onOpen(await get<Workflow>(`${path(workflowId)}?version=${encodeURIComponent(version)}`)));

  return (
    <Dialog title={t('versions.title')} onClose={onClose} wide>
      <ErrorNotice error={versions.error ?? error} />
      {versions.loading && <Loading />}
      <table className="table" data-testid="versions">
        <tbody>
          {list.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{v.status}</td>
              <td>
                <Time value={v.createdAt} />
              </td>
              <td>
                <button type="button" onClick={() => open(v.version)}>
                  {t('versions.load')}
                </button>
                {v.status !== 'published' && (
                  <button type="button" onClick={() => publish(v.version)}>
                    {t('editor.publish')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <select aria-label="from" value={left} onChange={(e) => setLeft(e.target.value)}>
          <option value="" />
          {list.map((v) => (
            <option key={v.version}>{v.version}</option>
          ))}
        </select>
        <span>{t('versions.with')}</span>
        <select aria-label="to" value={right} onChange={(e) => setRight(e.target.value)}>
          <option value="" />
          {list.map((v) => (
            <option key={v.version}>{v.version}</option>
          ))}
        </select>
        <button type="button" disabled={!left || !right} onClick={compare}>
          {t('versions.diff')}
        </button>
      </div>
      {diff &&
        (hasChanges(diff) ? (
          <pre className="diff" data-testid="diff">
            {diff.map((l, i) => (
              <div key={i} className={`diff-${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}`}>
                {l.op} {l.text}
              </div>
            ))}
          </pre>
        ) : (
          <p>{t('versions.noChanges')}</p>
        ))}
    </Dialog>
  );
}

// The executions list, filtered by workflow and status.
import { useState } from 'react';
import { get, query } from '../api/client';
import type { Execution, Page, RunStatus } from '../api/types';
import { useT, type MessageKey } from '../i18n';
import { ErrorNotice, Loading } from '../ui/Notice';
import { Pager, usePage } from '../ui/Pager';
import { href } from '../ui/route';
import { StatusBadge } from '../ui/StatusBadge';
import { useAsync } from '../ui/useAsync';
import { Time } from '../ui/Time';

const STATUSES: RunStatus[] = ['PENDING', 'RUNNING', 'PAUSED', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED'];

export function ExecutionsPage() {
  const t = useT();
  const [workflowId, setWorkflowId] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = usePage();
  const list = useAsync(
    () => get<Page<Execution>>(`/executions${query({ workflowId, status, page, page_size: 20 })}`),
    [workflowId, status, page],
  );
  return (
    <div className="page">
      <div className="toolbar">
        <h1>{t('nav.executions')}</h1>
        <label>
          {t('executions.workflow')} <input value={workflowId} data-testid="execution-workflow" onChange={(e) => (setWorkflowId(e.target.value), setPage(1))} />
        </label>
        <label>
          {t('common.status')}{' '}
          <select value={status} data-testid="execution-status" onChange={(e) => (setStatus(e.target.value), setPage(1))}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={list.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorNotice error={list.error} />
      {list.loading && <Loading />}
      <table className="table" data-testid="execution-list">
        <thead>
          <tr>
            <th>Id</th>
            <th>{t('executions.workflow')}</th>
            <th>{t('common.status')}</th>
            <th>{t('executions.started')}</th>
          </tr>
        </thead>
        <tbody>
          {list.value?.items.map((e) => (
            <tr key={e.id}>
              <td>
                <a href={href('executions', e.id)}>{e.id}</a>
              </td>
              <td>
                {e.workflowId} v{e.workflowVersion}
              </td>
              <td>
                <StatusBadge status={e.status} />
              </td>
              <td>
                <Time value={e.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value && <Pager page={page} total={list.value.total} pageSize={list.value.pageSize} onPage={setPage} />}
    </div>
  );
}

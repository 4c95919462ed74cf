// The workflow list.
import { get, query } from '../api/client';
import type { Page, WorkflowSummary } from '../api/types';
import { useT } from '../i18n';
import { ErrorNotice, Loading } from '../ui/Notice';
import { href } from '../ui/route';
import { Pager, usePage } from '../ui/Pager';
import { useAsync } from '../ui/useAsync';
import { Time } from '../ui/Time';

export function WorkflowsPage() {
  const t = useT();
  const [page, setPage] = usePage();
  const list = useAsync(() => get<Page<WorkflowSummary>>(`/workflows${query({ page, page_size: 20 })}`), [page]);
  return (
    <div className="page">
      <div className="toolbar">
        <h1>{t('nav.workflows')}</h1>
        <span className="grow" />
        <a className="button primary" href={href('workflows', 'new')} data-testid="new-workflow">
          {t('workflows.new')}
        </a>
      </div>
      <ErrorNotice error={list.error} />
      {list.loading && <Loading />}
      <table className="table" data-testid="workflow-list">
        <thead>
          <tr>
            <th>Id</th>
            <th>{t('common.name')}</th>
            <th>{t('workflows.latest')}</th>
            <th>{t('workflows.published')}</th>
            <th>{t('workflows.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {list.value?.items.map((w) => (
            <tr key={w.id}>
              <td>
                <a href={href('workflows', w.id)}>{w.id}</a>
              </td>
              <td>{w.name}</td>
              <td>{w.latestVersion}</td>
              <td>{w.publishedVersion ?? '—'}</td>
              <td>
                <Time value={w.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value && <Pager page={page} total={list.value.total} pageSize={list.value.pageSize} onPage={setPage} />}
    </div>
  );
}

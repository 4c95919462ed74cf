// Every question waiting for an answer, across runs.
import { get } from '../api/client';
import type { PendingInput } from '../api/types';
import { useT } from '../i18n';
import { HumanInputForm } from '../monitor/HumanInputs';
import { ErrorNotice, Loading } from '../ui/Notice';
import { href } from '../ui/route';
import { useAsync } from '../ui/useAsync';

export function InboxPage() {
  const t = useT();
  const list = useAsync(() => get<PendingInput[]>('/inputs'), []);
  return (
    <div className="page">
      <h1>{t('inputs.title')}</h1>
      <ErrorNotice error={list.error} />
      {list.loading && <Loading />}
      {list.value?.length === 0 && <p className="muted">{t('common.none')}</p>}
      {list.value?.map((p) => (
        <div key={p.waitId}>
          <a href={href('executions', p.executionId)}>{p.executionId}</a>
          <HumanInputForm input={p} onAnswered={list.reload} />
        </div>
      ))}
    </div>
  );
}

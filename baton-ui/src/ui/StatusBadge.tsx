import type { RunStatus, StepStatus } from '../api/types';
import { useT, type MessageKey } from '../i18n';

/** One badge per status: its colour comes from the stylesheet (`.badge-COMPLETED`…). */
export function StatusBadge({ status }: { status: StepStatus | RunStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </span>
  );
}

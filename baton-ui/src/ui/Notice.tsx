import type { ReactNode } from 'react';
import { useT } from '../i18n';

export type Tone = 'info' | 'ok' | 'warn' | 'error';

export function Notice({ tone = 'info', children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

/** The error of a failed request, in words. */
export function ErrorNotice({ error }: { error: Error | null | undefined }) {
  const t = useT();
  if (!error) return null;
  return <Notice tone="error">{t('common.error', { detail: error.message })}</Notice>;
}

export function Loading() {
  const t = useT();
  return <p className="muted">{t('common.loading')}</p>;
}

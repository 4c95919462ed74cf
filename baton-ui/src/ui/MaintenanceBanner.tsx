// The maintenance banner: shown while the server reports degradation level 4, read at start and every
// POLL_MS, so that it comes and goes by itself. Editing goes on meanwhile: drafts stay in the browser.
import { useEffect, useState } from 'react';
import { get } from '../api/client';
import { formatTime, useLang, useT } from '../i18n';

/** What `GET /api/v1/degradation` says, as far as the banner needs it. */
export interface DegradationState {
  level: number;
  manual?: { reason?: string | null; expectedRecovery?: string | null } | null;
}

export const MAINTENANCE_LEVEL = 4;
const POLL_MS = 15_000;

export function MaintenanceBanner() {
  const t = useT();
  const { lang } = useLang();
  const [state, setState] = useState<DegradationState | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () =>
      get<DegradationState>('/degradation').then(
        (d) => alive && setState(d),
        // An unreachable server is the editor's own offline notice; the banner keeps what it last knew.
        () => undefined,
      );
    void read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (!state || state.level < MAINTENANCE_LEVEL) return null;
  const reason = state.manual?.reason;
  const until = state.manual?.expectedRecovery;
  return (
    <div className="maintenance-banner" role="alert" data-testid="maintenance-banner">
      <strong>{t('maintenance.title')}</strong> {t('maintenance.body')}
      {reason ? <> {t('maintenance.reason', { reason })}</> : null}
      {until ? <> {t('maintenance.until', { time: formatTime(until, lang) })}</> : null}
    </div>
  );
}

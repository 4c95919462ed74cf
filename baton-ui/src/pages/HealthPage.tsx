// Health of the components, metrics charted over the time this page is open, and active alerts.
import { useEffect, useState } from 'react';
import { get, post } from '../api/client';
import { useT } from '../i18n';
import { Json } from '../ui/Json';
import { ErrorNotice } from '../ui/Notice';
import { Sparkline } from '../ui/Sparkline';
import { useAsync } from '../ui/useAsync';

interface Health {
  status: string;
  components?: Record<string, unknown>;
}

interface Alert {
  alertId: string;
  ruleId: string;
  severity: string;
  message: string;
  status: string;
}

interface AlertRule {
  id: string;
  severity: string;
  description: string;
}

/** `GET /alerts?status=active`: the active alerts and the rules that raise them. */
interface Alerts {
  alerts: Alert[];
  rules: AlertRule[];
}

/** Numeric leaves of a metrics summary, flattened to dotted names. */
export function numericLeaves(value: unknown, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value === 'number') out[prefix || 'value'] = value;
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) Object.assign(out, numericLeaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return out;
}

const SAMPLES = 60;
/** How often the metrics are sampled and the alerts read again, in ms. */
const REFRESH_MS = 5000;

function useMetricHistory(): [Record<string, number[]>, Error | null] {
  const [history, setHistory] = useState<Record<string, number[]>>({});
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const sample = () =>
      get<unknown>('/metrics/summary')
        .then((m) => {
          setError(null);
          setHistory((h) => {
            const next: Record<string, number[]> = {};
            for (const [k, v] of Object.entries(numericLeaves(m))) next[k] = [...(h[k] ?? []), v].slice(-SAMPLES);
            return next;
          });
        })
        .catch((e: Error) => setError(e));
    void sample();
    const timer = setInterval(sample, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return [history, error];
}

export function HealthPage() {
  const t = useT();
  const health = useAsync(() => get<Health>('/health'), []);
  const alerts = useAsync(() => get<Alerts>('/alerts?status=active'), []);
  const [resolveError, setResolveError] = useState<Error | null>(null);
  const [metrics, metricsError] = useMetricHistory();
  // alerts are raised and resolved by the server's rules while the page is open
  const reloadAlerts = alerts.reload;
  useEffect(() => {
    const timer = setInterval(reloadAlerts, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadAlerts]);
  const resolve = (a: Alert) =>
    post(`/alerts/${encodeURIComponent(a.alertId)}/resolve`)
      .then(() => setResolveError(null))
      .catch((e: Error) => setResolveError(e))
      .finally(reloadAlerts);
  return (
    <div className="page">
      <h1>{t('health.title')}</h1>
      <ErrorNotice error={health.error} />
      {health.value && (
        <>
          <p className={`health health-${health.value.status}`} data-testid="health-status">
            {t('health.overall', { status: health.value.status })}
          </p>
          <Json value={health.value.components} />
        </>
      )}
      <h2>{t('health.metrics')}</h2>
      <ErrorNotice error={metricsError} />
      <div className="sparks">
        {Object.entries(metrics).map(([name, values]) => (
          <Sparkline key={name} label={name} values={values} />
        ))}
      </div>
      <h2>{t('health.alerts')}</h2>
      <ErrorNotice error={alerts.error ?? resolveError} />
      {alerts.value?.alerts.length === 0 && <p className="muted">{t('health.noAlerts')}</p>}
      <ul className="cards" data-testid="alerts">
        {alerts.value?.alerts.map((a) => (
          <li key={a.alertId} className="row" data-alert-id={a.alertId} data-rule={a.ruleId}>
            <span className={`badge sev-${a.severity}`}>{a.severity}</span> {a.ruleId} {a.message}
            <button type="button" onClick={() => void resolve(a)} aria-label={`${t('health.resolve')} ${a.ruleId}`}>
              {t('health.resolve')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('health.rules')}</h3>
      <table className="table" data-testid="alert-rules">
        <tbody>
          {alerts.value?.rules.map((r) => (
            <tr key={r.id}>
              <td>{r.severity}</td>
              <td>{r.id}</td>
              <td>{r.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

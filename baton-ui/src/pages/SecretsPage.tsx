// Secrets: names only; a value is sent once and never shown.
import { useState, type FormEvent } from 'react';
import { del, get, put } from '../api/client';
import { useT } from '../i18n';
import { ErrorNotice, Loading } from '../ui/Notice';
import { useAsync } from '../ui/useAsync';

type SecretName = string | { name: string };
const nameOf = (s: SecretName) => (typeof s === 'string' ? s : s.name);

export function SecretsPage() {
  const t = useT();
  const list = useAsync(() => get<SecretName[] | { items: SecretName[] }>('/secrets').then((v) => (Array.isArray(v) ? v : v.items)), []);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    put(`/secrets/${encodeURIComponent(name)}`, { value })
      .then(() => (setName(''), setValue(''), list.reload()))
      .catch((err: Error) => setError(err));
  };
  return (
    <div className="page">
      <h1>{t('secrets.title')}</h1>
      <p className="muted">{t('secrets.hint')}</p>
      <ErrorNotice error={list.error ?? error} />
      {list.loading && <Loading />}
      <ul className="cards">
        {list.value?.map((s) => (
          <li key={nameOf(s)} className="row">
            <code>{nameOf(s)}</code>
            <button type="button" className="danger" onClick={() => del(`/secrets/${encodeURIComponent(nameOf(s))}`).then(list.reload, setError)}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <input aria-label={t('common.name')} placeholder={t('common.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <input aria-label={t('secrets.value')} placeholder={t('secrets.value')} type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" disabled={!name || !value}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}

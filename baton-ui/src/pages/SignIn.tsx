// Sign-in with an API key, checked against /auth/whoami before it is kept.
import { useState, type FormEvent } from 'react';
import { request, setApiKey } from '../api/client';
import { useT } from '../i18n';
import { Notice } from '../ui/Notice';

export function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const t = useT();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await request('/auth/whoami', { key });
      setApiKey(key);
      onSignedIn();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="signin" onSubmit={submit}>
      <h1>{t('signin.title')}</h1>
      {error && <Notice tone="error">{t('signin.failed', { detail: error })}</Notice>}
      <label htmlFor="api-key">{t('signin.key')}</label>
      <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
      <button type="submit" className="primary" disabled={!key}>
        {t('signin.submit')}
      </button>
    </form>
  );
}

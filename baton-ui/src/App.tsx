// The shell: navigation, language and theme switches, sign-in, and the page for the current route.
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, setApiKey } from './api/client';
import { EditorPage } from './editor/EditorPage';
import { LANGUAGES, useLang, useT, type MessageKey } from './i18n';
import type { Lang } from './api/types';
import { RunPage } from './monitor/RunPage';
import { AgentsPage } from './pages/AgentsPage';
import { ExecutionsPage } from './pages/ExecutionsPage';
import { HealthPage } from './pages/HealthPage';
import { InboxPage } from './pages/InboxPage';
import { McpPage } from './pages/McpPage';
import { SecretsPage } from './pages/SecretsPage';
import { SignIn } from './pages/SignIn';
import { ToolsPage } from './pages/ToolsPage';
import { WorkflowsPage } from './pages/WorkflowsPage';
import { MaintenanceBanner } from './ui/MaintenanceBanner';
import { href, useRoute } from './ui/route';
import { useTheme } from './ui/theme';

const NAV: [string, MessageKey][] = [
  ['workflows', 'nav.workflows'],
  ['executions', 'nav.executions'],
  ['inbox', 'nav.inputs'],
  ['agents', 'nav.agents'],
  ['tools', 'nav.tools'],
  ['mcp', 'nav.mcp'],
  ['secrets', 'nav.secrets'],
  ['health', 'nav.health'],
];

function page(route: string[]): ReactNode {
  const [section = 'workflows', id] = route;
  switch (section) {
    case 'workflows':
      return id ? <EditorPage key={id} workflowId={id === 'new' ? null : id} /> : <WorkflowsPage />;
    case 'executions':
      return id ? <RunPage key={id} executionId={id} /> : <ExecutionsPage />;
    case 'inbox':
      return <InboxPage />;
    case 'agents':
      return <AgentsPage />;
    case 'tools':
      return <ToolsPage />;
    case 'mcp':
      return <McpPage />;
    case 'secrets':
      return <SecretsPage />;
    case 'health':
      return <HealthPage />;
    default:
      return <WorkflowsPage />;
  }
}

function Settings() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { theme, setTheme } = useTheme();
  return (
    <div className="settings">
      <label>
        <span className="visually-hidden">{t('settings.language')}</span>
        <select aria-label={t('settings.language')} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="language">
          {LANGUAGES.map((l) => (
            <option key={l.lang} value={l.lang}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={t('settings.theme')} data-testid="theme">
        {theme === 'dark' ? `☀ ${t('theme.light')}` : `☾ ${t('theme.dark')}`}
      </button>
    </div>
  );
}

type Auth = 'checking' | 'in' | 'out';

export function App() {
  const t = useT();
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>('checking');
  useEffect(() => {
    get('/auth/whoami')
      .then(() => setAuth('in'))
      // Only a refused key asks for another; an unreachable server still lets the editor work from drafts.
      .catch((e: unknown) => setAuth(e instanceof ApiError && (e.status === 401 || e.status === 403) ? 'out' : 'in'));
  }, []);
  if (auth === 'checking') return null;
  if (auth === 'out') return <SignIn onSignedIn={() => setAuth('in')} />;
  return (
    <div className="app">
      {/* The router owns the hash: the skip link moves the focus instead of navigating. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <a className="brand" href={href('workflows')}>
          {t('app.title')}
        </a>
        <nav aria-label="main">
          {NAV.map(([section, key]) => (
            <a key={section} href={href(section)} aria-current={(route[0] ?? 'workflows') === section ? 'page' : undefined}>
              {t(key)}
            </a>
          ))}
        </nav>
        <span className="grow" />
        <Settings />
        <button
          type="button"
          onClick={() => {
            setApiKey(null);
            setAuth('out');
          }}
        >
          {t('nav.signOut')}
        </button>
      </header>
      <MaintenanceBanner />
      <main id="main" tabIndex={-1}>{page(route)}</main>
    </div>
  );
}

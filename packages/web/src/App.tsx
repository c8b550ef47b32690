/** The app shell: header with navigation and the language switch, then the current page. */
import { lazy, Suspense, Component, type ReactNode } from 'react';
import { useI18n } from './i18n/context';
import { Link, useRoute, type Route } from './lib/router';
import { useScenarioState } from './lib/scenario-context';
import { ErrorBox, Loading } from './components/common';
import type { MessageKey } from './i18n/messages';

const pages: Record<Route, ReturnType<typeof lazy>> = {
  overview: lazy(() => import('./pages/OverviewPage')),
  scenario: lazy(() => import('./pages/ScenarioPage')),
  deterrence: lazy(() => import('./pages/DeterrencePage')),
  negotiation: lazy(() => import('./pages/NegotiationPage')),
  simulation: lazy(() => import('./pages/SimulationPage')),
  games: lazy(() => import('./pages/GamesPage')),
  evidence: lazy(() => import('./pages/EvidencePage')),
};

const navOrder: Route[] = ['overview', 'scenario', 'deterrence', 'negotiation', 'simulation', 'games', 'evidence'];

class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null; key: string }> {
  state = { error: null as Error | null, key: this.props.resetKey };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  render() {
    return this.state.error ? <ErrorBox error={this.state.error} /> : this.props.children;
  }
}

/** What an unknown path shows (the server answers every page path with the app). */
function NotFound() {
  const { t } = useI18n();
  return (
    <div className="card" data-testid="not-found">
      <h2>{t('notFound.title')}</h2>
      <p>{t('notFound.text', { path: window.location.pathname })}</p>
    </div>
  );
}

export function App() {
  const { t, lang, setLang, name } = useI18n();
  const route = useRoute();
  const state = useScenarioState();
  const Page = route === 'not-found' ? NotFound : pages[route];
  const needsScenario = route !== 'games' && route !== 'not-found';
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden>●</span>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav className="app-nav" aria-label="pages">
          {navOrder.map((r) => (
            <Link key={r} to={r} className={r === route ? 'active' : ''}>
              {t(`nav.${r}` as MessageKey)}
            </Link>
          ))}
        </nav>
        <button className="lang-switch" data-testid="lang-switch" aria-label={t('lang.label')} onClick={() => setLang(lang === 'en' ? 'zh-Hant' : 'en')}>
          {t('lang.switch')}
        </button>
      </header>
      {state.status === 'ready' ? (
        <div className="scenario-bar">
          <strong>{name(state.scenario.title)}</strong>
          <span>
            {t('overview.asOf')} {state.scenario.asOf}
          </span>
          {state.offline ? <span className="offline-note">{t('common.offline')}</span> : null}
        </div>
      ) : null}
      <main className="app-main" data-page={route}>
        <ErrorBoundary resetKey={route}>
          {needsScenario && state.status === 'loading' ? <Loading /> : null}
          {needsScenario && state.status === 'error' ? <ErrorBox error={state.error} /> : null}
          {!needsScenario || state.status === 'ready' ? (
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          ) : null}
        </ErrorBoundary>
      </main>
    </div>
  );
}

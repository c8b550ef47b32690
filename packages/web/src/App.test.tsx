// @vitest-environment happy-dom
import { describe, expect, it, afterEach } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n/context';
import { Link, useRoute } from './lib/router';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Probe() {
  const { t, lang, setLang, name } = useI18n();
  const route = useRoute();
  return (
    <div>
      <span id="label">{t('nav.deterrence')}</span>
      <span id="actor">{name({ en: 'North Korea (DPRK)', 'zh-Hant': '北韓' })}</span>
      <span id="route">{route}</span>
      <button id="switch" onClick={() => setLang(lang === 'en' ? 'zh-Hant' : 'en')} />
      <Link to="games">games</Link>
    </div>
  );
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

describe('language switch and routing', () => {
  it('switching language changes labels and actor names; links change the page without reloading', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
    act(() =>
      root!.render(
        <I18nProvider initial="en">
          <Probe />
        </I18nProvider>,
      ),
    );
    expect(host.querySelector('#label')!.textContent).toBe('Deterrence');
    expect(host.querySelector('#actor')!.textContent).toBe('North Korea (DPRK)');
    act(() => (host.querySelector('#switch') as HTMLButtonElement).click());
    expect(host.querySelector('#label')!.textContent).toBe('嚇阻');
    expect(host.querySelector('#actor')!.textContent).toBe('北韓');
    expect(document.documentElement.lang).toBe('zh-Hant');
    act(() => (host.querySelector('a[data-route="games"]') as HTMLAnchorElement).click());
    expect(host.querySelector('#route')!.textContent).toBe('games');
    expect(window.location.pathname).toBe('/games');
  });
});

describe('routes', () => {
  it('an unknown path is a not-found page, not the overview', async () => {
    const { routeOf } = await import('./lib/router');
    expect(routeOf('/')).toBe('overview');
    expect(routeOf('/deterrence')).toBe('deterrence');
    expect(routeOf('/games/')).toBe('games');
    expect(routeOf('/nosuch-page')).toBe('not-found');
  });
});

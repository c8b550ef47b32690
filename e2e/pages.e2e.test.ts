/**
 * Every page in both interface languages, on a desktop and on a phone-sized screen: it loads with
 * the default scenario, shows no error and no console error, its navigation reads in the chosen
 * language, nothing is wider than the screen, and an unknown path shows the not-found page (not
 * the overview). A full-page screenshot of each goes to .artifacts/e2e/pages/<lang>-<page>.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchBrowser, startServer, watchedPage, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
const shotsDir = path.join(artifactsDir, 'pages');

beforeAll(async () => {
  mkdirSync(shotsDir, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pages: { route: string; name: string; ready: string }[] = [
  { route: '/', name: 'overview', ready: '[data-testid="actor-network"] canvas' },
  { route: '/scenario', name: 'scenario', ready: '[data-testid="coverage-chart"][data-ready="true"] canvas' },
  { route: '/deterrence', name: 'deterrence', ready: '[data-testid="outcome-chart"][data-ready="true"] canvas' },
  { route: '/negotiation', name: 'negotiation', ready: '[data-testid="positions-chart"][data-ready="true"] canvas' },
  { route: '/simulation', name: 'simulation', ready: '[data-testid="sim-fan-chart"][data-ready="true"] canvas' },
  { route: '/games', name: 'games', ready: '[data-testid="game-text"]' },
  { route: '/evidence', name: 'evidence', ready: '[data-testid="evidence-text"]' },
  { route: '/nosuch-page', name: 'not-found', ready: '[data-testid="not-found"]' },
];

const navWords: Record<'en' | 'zh-Hant', RegExp> = { en: /Overview[\s\S]*Scenario[\s\S]*Deterrence/, 'zh-Hant': /總覽[\s\S]*情境[\s\S]*嚇阻/ };

async function openIn(context: BrowserContext, lang: 'en' | 'zh-Hant', route: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await watchedPage(context, 30_000);
  await page.addInitScript(`window.localStorage.setItem('brink.lang', ${JSON.stringify(lang)})`);
  await page.goto(`${server.url}${route}`);
  await page.locator('main[data-page]').waitFor();
  return { page, errors };
}

describe.each(['en', 'zh-Hant'] as const)('every page in %s', (lang) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-TW' });
  });
  afterAll(async () => context?.close());

  it.each(pages)('$name loads, in the language, without errors', async ({ route, name, ready }) => {
    const { page, errors } = await openIn(context, lang, route);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(400); // charts finish their first draw
    expect(await page.locator('header nav').innerText()).toMatch(navWords[lang]);
    expect(await page.locator('main .error-box').count(), `${name}: an error box is shown`).toBe(0);
    if (name === 'not-found') expect(await page.locator('[data-testid="not-found"]').innerText()).toContain('/nosuch-page');
    await page.screenshot({ path: path.join(shotsDir, `${lang}-${name}.png`), fullPage: true });
    expect(errors, `${name}: console errors`).toEqual([]);
    await page.close();
  });
});

describe('a phone-sized screen (390 px)', () => {
  it.each(pages.filter((p) => p.name !== 'not-found'))('$name fits the screen width', async ({ route, name, ready }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US' });
    try {
      const { page } = await openIn(context, 'en', route);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      // The page itself must not scroll sideways (wide tables and charts scroll inside their own boxes).
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
      expect(overflow, `${name} is ${overflow} px wider than the screen`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(shotsDir, `phone-${name}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });
});

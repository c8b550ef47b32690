/**
 * The Simulation page in Chromium: the ensemble runs in the engine worker and draws outcome
 * probabilities with intervals, the ladder, fan charts, probabilities over time, the hindcast with
 * its baselines' scores and the causal diagram; a comparison draws paired differences; the
 * sensitivity analysis draws the tornado and the Sobol indices; a stored server run completes; the
 * language switch translates the page. Screenshots go to .artifacts/e2e/.
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
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  ({ page, errors } = await watchedPage(context, 60_000));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
const ready = (id: string) => page.locator(`[data-testid="${id}"][data-ready="true"] canvas`).first().waitFor();

describe('the Simulation page', () => {
  it('runs the ensemble in the worker and draws every chart', async () => {
    await page.goto(`${server.url}/simulation`);
    await page.locator('main[data-page="simulation"]').waitFor();
    await page.locator('[data-testid="sim-runs"]').selectOption('1000');
    const summary = page.locator('[data-testid="sim-summary"]');
    await summary.waitFor();
    await expect.poll(async () => summary.innerText()).toMatch(/1,000 runs × 104 weeks from 2025-09-01/);
    expect(await summary.innerText()).toMatch(/23 of 25 mechanisms drive the simulation; signs checked through the kernel: 22\/22/);
    for (const id of ['sim-outcomes-chart', 'sim-ladder-chart', 'sim-fan-chart', 'sim-cumulative-chart', 'sim-hindcast-chart']) await ready(id);
    await page.locator('[data-testid="causal-diagram"] canvas').first().waitFor();
    // The hindcast scores: the model and both baselines, and a verdict either way.
    expect(await page.locator('[data-testid="sim-hindcast-scores"] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid="sim-hindcast-verdict"]').innerText()).toMatch(/launch model (beats|does not beat) both baselines/);
    expect(await page.locator('[data-testid="sim-inert"] li').count()).toBe(2);
    // Another fan variable redraws the fan chart.
    await page.locator('[data-testid="sim-fan-variable"]').selectOption('capability');
    await page.waitForTimeout(600);
    await shot('20-simulation');
    expect(errors).toEqual([]);
  });

  it('compares two variants run for run and draws the paired differences', async () => {
    await page.locator('[data-testid="sim-variant"]').selectOption('yoon-hardline');
    await page.locator('[data-testid="sim-compare"]').selectOption('lee-engagement');
    await page.locator('[data-testid="sim-comparison"]').waitFor();
    await ready('sim-differences-chart');
    expect(await page.locator('[data-testid="sim-comparison"] .hint').innerText()).toMatch(/minus/);
    await page.waitForTimeout(500);
    await shot('21-simulation-compare');
    await page.locator('[data-testid="sim-compare"]').selectOption('');
    await page.locator('[data-testid="sim-variant"]').selectOption('');
    await ready('sim-ladder-chart');
  });

  it('runs the sensitivity analysis: tornado and Sobol indices', async () => {
    await page.locator('[data-testid="sim-run-sensitivity"]').click();
    await ready('sim-tornado-chart');
    await ready('sim-sobol-chart');
    await page.locator('[data-testid="sim-sensitivity-outcome"]').selectOption('armed-clash');
    await page.waitForTimeout(500);
    await page.locator('[data-testid="sim-sensitivity"]').screenshot({ path: path.join(artifactsDir, '22-simulation-sensitivity.png') });
  }, 180_000);

  it('stores a run on the server with its provenance', async () => {
    const runs = page.locator('[data-testid="server-runs-simulate"]');
    await runs.locator('[data-testid="server-run"]').click();
    await runs.locator('[data-testid="server-run-result"]').waitFor({ timeout: 120_000 });
    expect(await runs.locator('[data-testid="server-run-result"]').innerText()).toMatch(/10000 runs: A 7th DPRK nuclear test \d/);
  }, 150_000);

  it('switches to Traditional Chinese', async () => {
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(async () => page.locator('a[data-route="simulation"]').innerText()).toBe('模擬');
    await expect.poll(async () => page.locator('[data-testid="sim-outcomes"] h2').innerText()).toBe('結果機率');
    await ready('sim-outcomes-chart');
    await page.waitForTimeout(500);
    await shot('23-simulation-zh');
    await page.locator('[data-testid="lang-switch"]').click();
  });
});

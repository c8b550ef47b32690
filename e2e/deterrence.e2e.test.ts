/**
 * The Deterrence page in Chromium: it leads with the result over the plausible
 * parameter space and what it turns on, shows where each value comes from under its slider, moves
 * sliders on round steps, draws the AEG's six outcomes with their names, keeps "outside the model"
 * apart from "never fails" on the map, stacks its panels on a 390 px screen, and reads in both
 * languages. Screenshots go to .artifacts/e2e/ (deterrence-*.png).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchBrowser, startServer, watchedPage, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  ({ page, errors } = await watchedPage(context, 20_000));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shot(name: string) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

async function openDeterrence(model?: string) {
  await page.goto(`${server.url}/deterrence`);
  await page.locator('main[data-page]').waitFor();
  if (model) await page.locator('[data-testid="deterrence-model"]').selectOption(model);
  await page.locator('[data-testid="outcome-table"]').waitFor();
  await page.locator('[data-testid="spread-headline"]').waitFor();
  await page.locator('[data-testid="spread-chart"][data-ready="true"] canvas').first().waitFor();
  await page.locator('[data-testid="outcome-chart"][data-ready="true"] canvas').first().waitFor();
  await page.locator('[data-testid="map-chart"][data-ready="true"] canvas').first().waitFor();
  await page.waitForTimeout(400);
}

describe('Deterrence page', () => {
  it('leads with the spread over the plausible parameter space, then the point result', async () => {
    await openDeterrence('aeg');
    const headline = await page.locator('[data-testid="spread-headline"]').innerText();
    expect(headline).toMatch(/Deterrence holds in every equilibrium at \d+% of the plausible parameter space \(1000 points/);
    expect(headline).toMatch(/between [\d.]+ and [\d.]+ at 90% of the points/);
    const drivers = page.locator('[data-testid="spread-drivers"] li');
    expect(await drivers.count()).toBeGreaterThan(0);
    expect(await drivers.first().innerText()).toMatch(/of the spread, higher is (safer|riskier)/);
    // The headline card comes before the point result.
    const spreadBox = await page.locator('[data-testid="card-spread"]').boundingBox();
    const pointBox = await page.locator('[data-testid="card-outcomes"]').boundingBox();
    expect(spreadBox!.y).toBeLessThan(pointBox!.y);
    expect(await page.locator('[data-testid="spread-point"]').innerText()).toMatch(/At these values/);
    await shot('deterrence-aeg-en');
    for (const card of ['spread', 'outcomes', 'map', 'tree']) {
      await page.locator(`[data-testid="card-${card}"]`).screenshot({ path: path.join(artifactsDir, `deterrence-aeg-en-${card}.png`) });
    }
  });

  it('shows where each slider\'s value comes from: grade, range and rationale or citation', async () => {
    await openDeterrence('aeg');
    const pHH = await page.locator('[data-testid="provenance-p_HH"]').innerText();
    expect(pHH).toMatch(/range \[0\.05, 0\.6\]/);
    expect(pHH).toMatch(/cited to the source|stated by the source|implied by the source|context only/);
    const cDD = await page.locator('[data-testid="provenance-c_DD"]').innerText();
    expect(cDD).toMatch(/an assumption: no source gives the number/);
    expect(cDD).toMatch(/ordering c_DD < c_ED/); // the scenario's rationale
  });

  it('sliders move on round steps: no values like 0.3635', async () => {
    await openDeterrence('aeg');
    for (const name of ['p_HH', 'c_SQ', 'p_Ch']) {
      const slider = page.locator(`[data-testid="slider-${name}"]`);
      const step = Number(await slider.getAttribute('step'));
      expect([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]).toContain(step);
      await slider.focus();
      for (let k = 0; k < 3; k++) await slider.press('ArrowRight');
      await expect.poll(async () => await page.locator(`[data-testid="value-${name}"]`).innerText()).toMatch(/^-?\d+(\.\d{1,3})?$/);
    }
    // The linked Defender types are rounded too and still sum to 1.
    const probs = await Promise.all(['p_HH', 'p_HS', 'p_SH', 'p_SS'].map(async (n) => Number(await page.locator(`[data-testid="value-${n}"]`).innerText())));
    for (const p of probs) expect(String(p)).toMatch(/^\d+(\.\d{1,3})?$/);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  }, 60_000);

  it('stacks its panels on a 390 px screen, with nothing wider than the screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', deviceScaleFactor: 2 });
    const p = await phone.newPage();
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`${server.url}/deterrence`);
    await p.locator('[data-testid="outcome-table"]').waitFor();
    await p.locator('[data-testid="spread-headline"]').waitFor();
    await p.locator('[data-testid="map-chart"][data-ready="true"] canvas').first().waitFor();
    await p.waitForTimeout(500);
    const params = await p.locator('[data-testid="card-parameters"]').boundingBox();
    const outcomes = await p.locator('[data-testid="card-outcomes"]').boundingBox();
    const sweep = await p.locator('[data-testid="card-sweep"]').boundingBox();
    const map = await p.locator('[data-testid="card-map"]').boundingBox();
    expect(outcomes!.y).toBeGreaterThan(params!.y + params!.height - 1);
    expect(map!.y).toBeGreaterThan(sweep!.y + sweep!.height - 1);
    for (const box of [params, outcomes, sweep, map]) expect(box!.x + box!.width).toBeLessThanOrEqual(391);
    const overflow = (await p.evaluate('document.documentElement.scrollWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(391);
    await p.screenshot({ path: path.join(artifactsDir, 'deterrence-390px.png'), fullPage: true });
    for (const card of ['spread', 'parameters', 'outcomes', 'map']) {
      await p.locator(`[data-testid="card-${card}"]`).screenshot({ path: path.join(artifactsDir, `deterrence-390px-${card}.png`) });
    }
    await phone.close();
  });

  it('reads in Traditional Chinese: headline, grades and outcome names', async () => {
    await openDeterrence('aeg');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('[data-testid="spread-headline"]').innerText()).toMatch(/所有均衡下嚇阻都成立/);
    const headline = await page.locator('[data-testid="spread-headline"]').innerText();
    expect(headline).not.toMatch(/[A-Za-z]{4,}/);
    expect(await page.locator('[data-testid="provenance-c_DD"] [data-testid="grounds"]').innerText()).toMatch(/\p{Script=Han}/u);
    expect(await page.locator('[data-testid="outcome-table"] thead').innerText()).toContain('全面戰爭');
    await page.waitForTimeout(400);
    await shot('deterrence-aeg-zh-Hant');
    for (const card of ['spread', 'outcomes', 'map']) {
      await page.locator(`[data-testid="card-${card}"]`).screenshot({ path: path.join(artifactsDir, `deterrence-aeg-zh-Hant-${card}.png`) });
    }
    await page.locator('[data-testid="deterrence-model"]').selectOption('audience');
    await page.locator('[data-testid="outcome-table"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="outcome-table"]').innerText()).toMatch(/分離均衡/);
    await page.locator('[data-testid="spread-chart"][data-ready="true"] canvas').first().waitFor();
    await page.waitForTimeout(600);
    await shot('deterrence-audience-zh-Hant');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('[data-testid="outcome-table"]').innerText()).toMatch(/Separating Equilibrium/);
    await page.waitForTimeout(600);
    await shot('deterrence-audience-en');
  }, 60_000);

  it('had no uncaught errors', () => {
    expect(errors).toEqual([]);
  });
});

/**
 * The web app in a real browser: each page loads with the default scenario's data, a deterrence
 * slider changes the drawn outcome probabilities, an uploaded Gambit game shows its equilibria,
 * the language switch changes the labels, and a citation opens its source with the quote
 * highlighted. A screenshot of each page goes to .artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchBrowser, repoRoot, startServer, watchedPage, type RunningServer } from './harness';
import { equilibriumKinds, modelTitles } from '../packages/web/src/i18n/engine-text';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[] = [];
const timings: Record<string, number> = {};
const gambitDir = path.resolve(repoRoot, '../shared/conformance/gambit');
const haveGambit = existsSync(gambitDir);
if (!haveGambit) console.warn("e2e: ../shared/conformance/gambit is absent (a clone without the peers' data), so the upload of a Gambit game checked against Gambit's equilibria is skipped");

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
  ({ page, errors: consoleErrors } = await watchedPage(context, 15_000));
});

afterAll(async () => {
  writeFileSync(path.join(artifactsDir, 'timings.json'), JSON.stringify({ server: server?.kind, ...timings }, null, 2));
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
    await page.locator('[data-testid="timeline-chart"][data-ready="true"] canvas').first().waitFor();
    const mechanisms = await page.locator('[data-testid="mechanism"]').count();
    expect(mechanisms).toBeGreaterThan(0);
    const stats = await page.locator('[data-testid="overview-stats"]').innerText();
    expect(stats).toMatch(/\d+\s*actors/);
    // An actor's details: what the scenario says about it, with citations.
    await page.locator('.actor-chips button[data-actor="dprk"]').click();
    const details = page.locator('[data-testid="actor-details"]');
    await details.waitFor();
    expect(await details.locator('[data-testid="cite-link"]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await shot('01-overview');
  });

  it('scenario: every value with provenance; a citation opens the source with the quote highlighted', async () => {
    await open('/scenario');
    const rows = page.locator('[data-testid="values-table"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="variant"]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="coverage-chart"][data-ready="true"] canvas').first().waitFor();
    await page.waitForTimeout(300);
    await shot('02-scenario');
    const cite = page.locator('[data-testid="values-table"] [data-testid="cite-link"]').filter({ hasText: '「' }).first();
    const title = (await cite.getAttribute('title')) ?? '';
    await cite.click();
    const mark = page.locator('[data-testid="source-drawer"] [data-testid="quote-mark"]');
    await mark.waitFor();
    const marked = (await mark.innerText()).replace(/\s+/g, ' ').trim();
    expect(marked).toBe(title.replace(/\s+/g, ' ').trim());
    await page.screenshot({ path: path.join(artifactsDir, '03-citation.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="source-drawer"]').count()).toBe(0);
  });

  it('deterrence: moving a slider re-solves in the worker and changes the drawn outcome probabilities', async () => {
    await open('/deterrence');
    const table = page.locator('[data-testid="outcome-table"]');
    await table.waitFor();
    await page.locator('[data-testid="outcome-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="deterrence-tree"] .eq-edge').first().waitFor();
    await page.locator('[data-testid="sweep-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="map-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="tornado-chart"][data-ready="true"] canvas').first().waitFor();
    await page.waitForTimeout(400);
    await shot('05-deterrence');
    // Move sliders (last first: the credibility parameters come last) to an end until the drawn
    // outcome probabilities change; a slider move must redraw them without a page round trip.
    const sliders = page.locator('[data-testid="sliders"] input[type="range"]');
    const before = await table.innerText();
    let after = before;
    const count = await sliders.count();
    for (let k = count - 1; k >= Math.max(0, count - 8) && after === before; k--) {
      for (const key of ['Home', 'End']) {
        const started = Date.now();
        await sliders.nth(k).focus();
        await sliders.nth(k).press(key);
        try {
          await expect.poll(() => table.innerText(), { timeout: 1_500 }).not.toBe(before);
          timings.sliderRedrawMs = Date.now() - started;
          after = await table.innerText();
          break;
        } catch {
          /* this end does not change the outcome: try the other end, then another slider */
        }
      }
    }
    expect(after).not.toBe(before);
    await page.locator('[data-testid="deterrence-tree"] .eq-edge').first().waitFor();
    if (server.kind === 'brink serve') {
      // The sweep as a stored run on the server, followed by server-sent events.
      await page.locator('[data-testid="server-runs-deterrence"] [data-testid="server-run"]').click();
      const stored = page.locator('[data-testid="server-runs-deterrence"] [data-testid="server-run-result"]');
      await stored.waitFor({ timeout: 20_000 });
      expect(await stored.innerText()).toMatch(/done · \S+: 41 points/);
    }
    await shot('06-deterrence-after-slider');
  });

  it('negotiation: positions per round, the forecast and the variant comparison', async () => {
    await open('/negotiation');
    await page.locator('[data-testid="forecast"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="positions-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="variants-chart"][data-ready="true"] canvas').first().waitFor();
    const forecast = await page.locator('[data-testid="forecast"] .forecast').innerText();
    expect(Number.parseFloat(forecast)).not.toBeNaN();
    if (server.kind === 'brink serve') {
      // The same forecast as a stored run on the server, followed by server-sent events.
      await page.locator('[data-testid="server-run"]').click();
      const stored = page.locator('[data-testid="server-run-result"]');
      await stored.waitFor({ timeout: 20_000 });
      expect(await stored.innerText()).toMatch(/done · \d/);
    }
    await page.waitForTimeout(300);
    await shot('07-negotiation');
  });

  it('games: an uploaded game file shows its equilibria; a tree game draws its equilibrium path', async () => {
    await open('/games');
    // The repository's chicken example: two pure equilibria and one mixed (each backs down with probability 9/10).
    await page.locator('[data-testid="game-file"]').setInputFiles(path.join(repoRoot, 'examples', 'games', 'chicken.nfg'));
    await page.locator('[data-testid="game-matrix"]').waitFor();
    await page.locator('[data-testid="game-method"]').selectOption('enummixed');
    await page.locator('[data-testid="game-solve"]').click();
    const rows = page.locator('[data-testid="equilibrium-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const text = await page.locator('[data-testid="equilibria-table"]').innerText();
    expect(text).toMatch(/Back down 9\/10; Stand firm 1\/10/);
    expect(text).toContain('-1/10, -1/10');
    await shot('08-games-nfg');
    // The bundled deterrence example (extensive form), solved for subgame-perfect equilibria.
    await page.locator('select[aria-label="Load an example"]').selectOption('deterrence-efg');
    await page.locator('[data-testid="game-tree"]').waitFor();
    await page.locator('[data-testid="game-method"]').selectOption('spe');
    await page.locator('[data-testid="game-solve"]').click();
    await rows.first().waitFor();
    await page.locator('[data-testid="game-tree"] .eq-edge').first().waitFor();
    await shot('09-games-efg');
    // Downloads: the equilibria as CSV and JSON, the picture as SVG and PNG.
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
    };
    const csv = await download('CSV');
    expect(csv.name).toBe('deterrence-spe.csv');
    expect(csv.body.toString('utf8').trim().split('\n')).toHaveLength(1 + (await rows.count()));
    const json = JSON.parse((await download('JSON')).body.toString('utf8')) as { method: string; equilibria: unknown[] };
    expect(json.method).toBe('spe');
    expect((await download('SVG')).body.toString('utf8')).toContain('<svg');
    expect([...(await download('PNG')).body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it.skipIf(!haveGambit)("games: an uploaded Gambit game shows Gambit's equilibria (needs ../shared/conformance/gambit)", async () => {
    await open('/games');
    const file = path.join(gambitDir, 'games', '2x2a.nfg');
    const expected = (JSON.parse(readFileSync(path.join(gambitDir, 'expected', '2x2a.nfg.json'), 'utf8')) as { runs: { method: string; equilibria: string[][] }[] }).runs.find((r) => r.method === 'enummixed')!;
    await page.locator('[data-testid="game-file"]').setInputFiles(file);
    await page.locator('[data-testid="game-matrix"]').waitFor();
    await page.locator('[data-testid="game-method"]').selectOption('enummixed');
    await page.locator('[data-testid="game-solve"]').click();
    const rows = page.locator('[data-testid="equilibrium-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(expected.equilibria.length);
    const text = await page.locator('[data-testid="equilibria-table"]').innerText();
    for (const v of expected.equilibria[0]!) if (v !== '0' && v !== '1') expect(text).toContain(v);
    await shot('08b-games-gambit-nfg');
  });

  it('games: a bad upload gives a clear error with its place', async () => {
    await open('/games');
    await page.locator('[data-testid="game-file"]').setInputFiles({ name: 'broken.nfg', mimeType: 'text/plain', buffer: Buffer.from('NFG 1 R "broken" { "A" "B" } { 2 2 }\n\n1 2 3\n') });
    const error = page.locator('.error-box');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/broken\.nfg:\d+:\d+/);
    await shot('10-games-bad-upload');
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
    // The deterrence page in Chinese: the engine's model titles, equilibrium kinds, parameter
    // descriptions and summary are shown translated (the engine itself answers in English).
    await open('/deterrence');
    const table = page.locator('[data-testid="outcome-table"]');
    await table.waitFor();
    const zhTitles = Object.values(modelTitles);
    const options = await page.locator('[data-testid="deterrence-model"] option').allInnerTexts();
    expect(options.length).toBe(zhTitles.length);
    for (const o of options) expect(zhTitles.some((title) => o.startsWith(title)), o).toBe(true);
    const kinds = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((k) => k.replace(/^\d+\.\s*/, '').trim());
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(Object.values(equilibriumKinds), k).toContain(k);
    expect(await table.innerText()).not.toMatch(/Equilibrium/);
    expect(await page.locator('[data-testid="deterrence-summary"]').innerText()).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.locator('[data-testid="sliders"] .marker').first().innerText()).toMatch(/\p{Script=Han}/u);
    await page.locator('[data-testid="outcome-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="deterrence-tree"] .eq-edge').first().waitFor();
    await page.locator('[data-testid="sweep-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="map-chart"][data-ready="true"] canvas').first().waitFor();
    await page.locator('[data-testid="tornado-chart"][data-ready="true"] canvas').first().waitFor();
    await page.waitForTimeout(400);
    await shot('11-deterrence-zh-Hant');
    // A model with several equilibria at the scenario's values (AEG: e.g. deterrence and no response).
    await page.locator('[data-testid="deterrence-model"]').selectOption('aeg');
    await expect.poll(async () => (await table.locator('tbody tr').count()) > 1).toBe(true);
    const aegKinds = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((k) => k.replace(/^\d+\.\s*/, '').trim());
    for (const k of aegKinds) expect(Object.values(equilibriumKinds), k).toContain(k);
    await page.locator('[data-testid="deterrence-tree"] .eq-edge').first().waitFor();
    await page.waitForTimeout(400);
    await shot('11b-deterrence-aeg-zh-Hant');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => nav.innerText()).toContain('Overview');
  }, 60_000);

  it('the pages had no uncaught errors', () => {
    // Without the API (vite preview), the scenario request answers 404 before the bundled copy is used.
    const allowed = server.kind === 'vite preview' ? /favicon|404/ : /favicon/;
    expect(consoleErrors.filter((e) => !allowed.test(e))).toEqual([]);
  });
});


/**
 * The Scenario page in a real browser, on `brink serve`: the grades with their counts (as the engine
 * counts them), each value's grade with its reading or rationale, the modeller's translation in the
 * citation drawer; the Chinese interface (actor names and list sizes in Chinese, no "[1 items]");
 * an upload that a model cannot run (AEG types summing to 1.25) refused with its JSON path and
 * nothing stored; a valid upload stored as version 2, compared with version 1, and version 1
 * restored as version 3. Screenshots in .artifacts/e2e/ (both languages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { countGrades, listGradedValues, parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { artifactsDir, launchBrowser, repoRoot, startServer, watchedPage, type RunningServer } from './harness';

const TEXT = readFileSync(path.join(repoRoot, 'scenarios/korean-peninsula-2025-09.yaml'), 'utf8');
const SEED = readFileSync(path.join(repoRoot, 'sources/000_8d664b9cd5e9c824.txt'), 'utf8');
const P_HH = 'p_HH: { value: 0.25, range: [0.05, 0.6]';
const counts = countGrades(listGradedValues(validateScenario(parseScenarioText(TEXT, 's.yaml'), { readSource: () => SEED })));

let server: RunningServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // The server was the scenario's only way in: skip nothing, require the API (no offline copy).
  if (server.kind !== 'brink serve') throw new Error('the scenario e2e tests need `brink serve` (versions and upload live in the API)');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  ({ page, errors: consoleErrors } = await watchedPage(context, 20_000));
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(route: string) {
  await page.goto(`${server.url}${route}`);
  await page.locator('main[data-page]').waitFor();
}

async function shot(name: string) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Uploads a scenario text as a file (as a user picks one); small texts are typed into the box instead. */
async function upload(text: string) {
  await page.locator('[data-testid="upload-file"]').setInputFiles({ name: 'scenario.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await expect.poll(async () => (await page.locator('[data-testid="upload-text"]').inputValue()).length, { timeout: 20_000 }).toBe(text.length);
}

describe('Scenario page', () => {
  it('leads with the grades and shows each value with its grade, reading or rationale, and the translation of its quote', async () => {
    await open('/scenario');
    const summary = page.locator('[data-testid="grade-summary"]');
    await summary.waitFor();
    expect(await summary.innerText()).toBe(
      `${counts.total} values: ${counts.stated} stated, ${counts.implied} implied, ${counts.assumed} assumed (${counts.context} of them cite a source as context); ${counts.derived} derived from others.`,
    );
    const rows = page.locator('[data-testid="values-table"] tbody tr');
    expect(await rows.count()).toBe(counts.total);
    // p_HH: implied, with the modeller's reading and the English of its quote.
    const pHH = rows.filter({ hasText: 'aeg.parameters.p_HH' });
    expect(await pHH.getAttribute('data-grade')).toBe('implied');
    expect(await pHH.innerText()).toMatch(/Reading:.*0\.25 is the modeller's reading/s);
    expect(await pHH.locator('.translation').innerText()).toMatch(/deterrence by punishment/);
    // A stated value and an assumed one.
    await page.locator('[data-testid="grade-filter"]').selectOption('stated');
    expect(await rows.count()).toBe(counts.stated);
    await page.locator('[data-testid="grade-filter"]').selectOption('all');
    await page.locator('[data-testid="grades-chart"][data-ready="true"] canvas').first().waitFor();
    await page.waitForTimeout(300);
    await shot('20-scenario-grades-en');
    // The citation drawer shows the quote in the source and the modeller's translation.
    await pHH.locator('[data-testid="cite-link"]').first().click();
    await page.locator('[data-testid="quote-mark"]').waitFor();
    expect(await page.locator('[data-testid="quote-translation"]').innerText()).toMatch(/Modeller's translation: “markedly increases the risk/);
    await page.screenshot({ path: path.join(artifactsDir, '21-scenario-citation-translation.png') });
    await page.keyboard.press('Escape');
  }, 60_000);

  it('speaks Chinese: grades, actor names in the value column, list sizes, no "[N items]"', async () => {
    await open('/scenario?lang=zh-Hant');
    await page.locator('[data-testid="grade-summary"]').waitFor();
    expect(await page.locator('[data-testid="grade-summary"]').innerText()).toMatch(new RegExp(`共 ${counts.total} 個數值：${counts.stated} 個明示`));
    const variants = page.locator('[data-testid="card-variants"]');
    const text = await variants.innerText();
    expect(text).toContain('尹錫悅');
    expect(text).not.toMatch(/yoon-suk-yeol|\[\d+ items\]|items/);
    expect(text).toContain('對北韓的擴音器宣傳廣播持續進行');
    // Rationales in Chinese.
    expect(await page.locator('[data-testid="values-table"]').innerText()).toContain('建模者的解讀');
    await page.waitForTimeout(300);
    await shot('22-scenario-zh-Hant');
  }, 60_000);

  it('refuses an upload a model cannot run (AEG types summing to 1.25) with the JSON path, storing nothing', async () => {
    await open('/scenario');
    await page.locator('[data-testid="versions-table"]').waitFor();
    expect(await page.locator('[data-testid="versions-table"] tbody tr').count()).toBe(1);
    await upload(TEXT.replace(P_HH, 'p_HH: { value: 0.5, range: [0.05, 0.6]'));
    await page.locator('[data-testid="upload-store"]').click();
    const error = page.locator('[data-testid="card-upload"] .error-box');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/sum to 1\.25, not 1/);
    expect(await error.innerText()).toContain('$.models.deterrence.aeg.parameters (p_HH+p_HS+p_SH+p_SS)');
    await page.screenshot({ path: path.join(artifactsDir, '23-scenario-upload-refused.png') });
    // Nothing was stored.
    const versions = (await (await fetch(`${server.url}/api/scenarios/korean-peninsula-2025-09/versions`)).json()) as { versions: unknown[] };
    expect(versions.versions).toHaveLength(1);
    // A syntax error names its line.
    await page.locator('[data-testid="upload-text"]').fill('id: x\ntitle: "open\nasOf: 2025\n');
    await page.locator('[data-testid="upload-check"]').click();
    await expect.poll(() => error.innerText()).toMatch(/scenario\.yaml:2:8: YAML syntax error/);
  }, 60_000);

  it('stores a valid upload as version 2, compares it with version 1, and restores version 1 as version 3', async () => {
    await open('/scenario');
    const changed = TEXT.replace(P_HH, 'p_HH: { value: 0.3, range: [0.05, 0.6]').replace('          value: 0.3\n          range: [0.05, 0.5]', '          value: 0.25\n          range: [0.05, 0.5]');
    await upload(changed);
    await page.locator('[data-testid="upload-store"]').click();
    await page.locator('[data-testid="upload-stored"]').waitFor();
    expect(await page.locator('[data-testid="upload-stored"]').innerText()).toMatch(/Stored as korean-peninsula-2025-09 version 2/);
    await open('/scenario');
    const table = page.locator('[data-testid="versions-table"]');
    await table.locator('tbody tr').nth(1).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    const diff = page.locator('[data-testid="version-diff"]');
    await diff.waitFor();
    const pHH = diff.locator('tr', { hasText: 'aeg.parameters.p_HH' });
    expect(await pHH.innerText()).toMatch(/0\.25[\s\S]*implied[\s\S]*0\.3[\s\S]*implied/);
    expect(await diff.innerText()).toContain('radg.parameters.p_B');
    await page.waitForTimeout(200);
    await shot('24-scenario-versions-diff');
    await page.locator('[data-testid="restore-1"]').click();
    await page.locator('[data-testid="versions-message"]').waitFor();
    expect(await page.locator('[data-testid="versions-message"]').innerText()).toMatch(/Version 1 restored as version 3/);
    await expect.poll(async () => table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/v3[\s\S]*latest[\s\S]*restores v1/);
    const latest = (await (await fetch(`${server.url}/api/scenarios/korean-peninsula-2025-09`)).json()) as { version: number; text: string };
    expect(latest.version).toBe(3);
    expect(latest.text).toBe(TEXT);
    await shot('25-scenario-restored');
  }, 90_000);

  it('had no uncaught errors (the refused upload answers 422, which the browser logs)', () => {
    expect(consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});

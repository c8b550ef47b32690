/**
 * Web app benchmark: the time for a deterrence slider move to redraw in the browser.
 *
 * Builds the web app when its build is older than its sources (packages/web, packages/engine),
 * starts `brink serve` on 127.0.0.1 with a throwaway data folder (e2e/harness.ts), opens the
 * deterrence page in Debian's Chromium (playwright-core), then moves one slider N times between
 * two values that give different outcome probabilities (the scenario's default model, then AEG,
 * the heaviest solve). Each move is timed inside the page, so
 * test-side polling does not inflate it:
 *   t0   = performance.now() just before the slider's `input` event is dispatched (React's onChange);
 *   dom  = the first MutationObserver callback after which the outcome table's text differs
 *          (the solve ran in the Web Worker and React committed the new probabilities);
 *   frame = two animation frames after that (the new table has been painted).
 * Between moves the page is left to settle (the sweep, map and tornado lanes finish their
 * re-computation in their own workers), as when a person moves a slider and looks.
 * Time to the first page served is in bench/server.bench.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, repoRoot, startServer } from '../e2e/harness';
import type { BenchRow } from './harness';

const MOVES = 15;
const WEB_DIST_INDEX = path.join(repoRoot, 'packages/web/dist/index.html');

/** Newest modification time (ms) of the files under `dir` (skipping node_modules, dist and dot folders). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds packages/web when dist is missing or older than the web app's or the engine's sources. */
function ensureWebBuild(): string {
  const built = existsSync(WEB_DIST_INDEX) ? statSync(WEB_DIST_INDEX).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(repoRoot, 'packages/web')), newestMtime(path.join(repoRoot, 'packages/engine/src')));
  if (built >= sources) return 'build up to date';
  const t0 = performance.now();
  const build = spawnSync('npm', ['run', '-s', 'build', '-w', '@brink/web'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (build.status !== 0) {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`building the web app failed:\n${build.stderr}`);
    return 'rebuild FAILED, measured the previous build';
  }
  return `rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

interface Move {
  /** The slider's own value label re-rendered (React's first commit after the event). */
  commit: number;
  dom: number;
  frame: number;
}

/**
 * Runs in the page (plain JavaScript: this file is type-checked without the DOM library). Moves the
 * slider `testId` to `value` and resolves with the times of a Move, or null after 5 s unchanged.
 */
const MOVE_IN_PAGE = `async ({ testId, value }) => new Promise((resolve) => {
  const table = document.querySelector('[data-testid="outcome-table"]');
  const input = document.querySelector('[data-testid="' + testId + '"]');
  const before = table.textContent;
  const label = input.closest('.slider')?.querySelector('.value') ?? null;
  const labelBefore = label?.textContent;
  let t0 = 0;
  let commit = NaN;
  const labelObserver = new MutationObserver(() => {
    if (label.textContent === labelBefore) return;
    commit = performance.now() - t0;
    labelObserver.disconnect();
  });
  if (label) labelObserver.observe(label, { subtree: true, childList: true, characterData: true });
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (table.textContent === before) return;
    observer.disconnect();
    labelObserver.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({ commit, dom: now - t0, frame: performance.now() - t0 })));
  });
  const timer = setTimeout(() => {
    observer.disconnect();
    labelObserver.disconnect();
    resolve(null);
  }, 5000);
  observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
  // React tracks an input's value through the prototype's setter; the input event fires onChange.
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  t0 = performance.now();
  setValue.call(input, String(value));
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/** One slider move, timed in the page; null when the outcome table did not change within 5 s. */
async function moveSlider(page: Page, testId: string, value: number): Promise<Move | null> {
  return (await page.evaluate(`(${MOVE_IN_PAGE})(${JSON.stringify({ testId, value })})`)) as Move | null;
}

/** Waits until the page's workers are idle: no progress bar, the solve done, then a short pause. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400); // the sweep (120 ms) and tornado (300 ms) lanes start after a delay
  await page.waitForFunction(
    `!document.querySelector('[role="progressbar"]') && !/…/.test(document.querySelector('[data-testid="solve-status"]')?.textContent ?? '')`,
    null,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(250);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Times MOVES slider moves of the model shown (the scenario's default model, or `model`). */
async function measureModel(page: Page, model: string | null, context: string): Promise<BenchRow[]> {
  const select = page.locator('[data-testid="deterrence-model"]');
  if (model !== null && (await select.inputValue()) !== model) {
    await select.selectOption(model);
    await settle(page);
  }
  const modelId = await select.inputValue();

  // A slider and two of its values that give different outcome probabilities (last slider first:
  // the credibility probabilities come last), found the way a person would: try its two ends.
  const sliderLocator = page.locator('[data-testid="sliders"] input[type="range"]');
  const sliders: { testId: string; min: number; max: number; value: number }[] = [];
  for (let i = 0; i < (await sliderLocator.count()); i++) {
    const el = sliderLocator.nth(i);
    sliders.push({ testId: (await el.getAttribute('data-testid'))!, min: Number(await el.getAttribute('min')), max: Number(await el.getAttribute('max')), value: Number(await el.inputValue()) });
  }
  let chosen: { testId: string; values: [number, number] } | null = null;
  for (const s of sliders.slice().reverse().slice(0, 8)) {
    for (const end of [s.min, s.max]) {
      if (end === s.value) continue;
      const moved = await moveSlider(page, s.testId, end);
      await settle(page);
      if (moved) {
        chosen = { testId: s.testId, values: [s.value, end] };
        break;
      }
    }
    if (chosen) break;
  }
  if (!chosen) throw new Error(`${modelId}: no slider end changed the outcome table`);

  // Warm-up (JIT, chart code paths), then the measured moves, back and forth.
  for (let i = 0; i < 2; i++) {
    await moveSlider(page, chosen.testId, chosen.values[i % 2]!);
    await settle(page);
  }
  const moves: Move[] = [];
  let missed = 0;
  const solveMs: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const move = await moveSlider(page, chosen.testId, chosen.values[i % 2]!);
    if (move) moves.push(move);
    else missed++;
    const status = (await page.locator('[data-testid="solve-status"]').textContent()) ?? '';
    const ms = /([\d.]+)\s*ms/.exec(status);
    if (ms) solveMs.push(Number(ms[1]));
    await settle(page);
  }
  if (moves.length === 0) throw new Error(`${modelId}: no slider move changed the outcome table`);
  const dom = moves.map((m) => m.dom).sort((a, b) => a - b);
  const frame = moves.map((m) => m.frame).sort((a, b) => a - b);
  const commit = moves.map((m) => m.commit).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  solveMs.sort((a, b) => a - b);
  const param = chosen.testId.replace(/^slider-/, '');
  const common = `${moves.length} moves of ${param} between ${chosen.values.map((v) => +v.toFixed(4)).join(' and ')}${missed ? `, ${missed} missed` : ''}; ${context}`;
  return [
    {
      area: 'web',
      workload: `deterrence slider move (${modelId}) -> outcome table changed (Chromium, in-page MutationObserver)`,
      ms: percentile(dom, 50),
      detail: `median ${percentile(dom, 50).toFixed(1)} ms, p90 ${percentile(dom, 90).toFixed(1)} ms, min ${dom[0]!.toFixed(1)}, max ${dom[dom.length - 1]!.toFixed(1)}; first React commit (the slider's label) median ${commit.length ? percentile(commit, 50).toFixed(1) : '?'} ms; worker solve median ${solveMs.length ? percentile(solveMs, 50).toFixed(1) : '?'} ms; ${common}`,
    },
    {
      area: 'web',
      workload: `deterrence slider move (${modelId}) -> new outcome painted (two animation frames later)`,
      ms: percentile(frame, 50),
      detail: `median ${percentile(frame, 50).toFixed(1)} ms, p90 ${percentile(frame, 90).toFixed(1)} ms; ${common}`,
    },
  ];
}

export default async function (): Promise<BenchRow[]> {
  const build = ensureWebBuild();
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/deterrence`);
    await page.locator('[data-testid="outcome-table"]').waitFor();
    await page.locator('[data-testid="outcome-chart"][data-ready="true"]').waitFor();
    await settle(page);
    const where = `${server.kind}; ${build}`;
    // The scenario's default model, then the Asymmetric Escalation Game (the heaviest solve).
    const rows = await measureModel(page, null, where);
    rows.push(...(await measureModel(page, 'aeg', where)));
    await context.close();
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}

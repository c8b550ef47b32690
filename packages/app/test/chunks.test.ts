/**
 * Chunked runs: for every chunkable kind, merging the chunks' results in index order
 * gives exactly (canonical JSON, bit for bit) the result the kind computes in one process with the
 * same seed, whatever order the chunks were computed in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type Scenario } from '@brink/engine/scenario';
import { getRunKind, toJsonSafe, type RunTask } from '../src/jobs';
import { chunkRanges } from '../src/jobs/chunks';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile } from '../src/scenario-files';

let scenario: Scenario;
beforeAll(async () => {
  scenario = (await loadScenarioFile(DEFAULT_SCENARIO_PATH)).scenario as Scenario;
});

const ctx = { onProgress: () => {} };

async function wholeAndChunked(task: RunTask): Promise<{ whole: string; chunked: string; chunks: number }> {
  const spec = getRunKind(task.kind)!;
  const whole = canonicalJson(toJsonSafe(await spec.execute(task, ctx)));
  const specs = spec.chunks!.split(task)!;
  expect(specs.length).toBeGreaterThan(1);
  // Computed in reverse order (as workers might finish), merged in index order.
  const parts = specs.map(() => null as unknown);
  for (let i = specs.length - 1; i >= 0; i--) parts[i] = toJsonSafe(spec.chunks!.executeChunk(task, specs[i], ctx));
  const chunked = canonicalJson(toJsonSafe(await spec.chunks!.merge(task, JSON.parse(JSON.stringify(parts)) as unknown[])));
  return { whole, chunked, chunks: specs.length };
}

describe('chunked runs equal one-process runs', () => {
  it('splits a range into at most `most` chunks of at least `min` units, in order, covering it once', () => {
    for (const [n, most, min] of [[1, 32, 1], [7, 32, 1], [100, 32, 1], [401, 32, 1], [5000, 8, 10], [15, 4, 10]] as const) {
      const r = chunkRanges(n, { most, min });
      expect(r.length).toBeLessThanOrEqual(Math.max(most, 1));
      expect(r.map((c) => c.count).reduce((a, b) => a + b, 0)).toBe(n);
      r.forEach((c, i) => expect(c.first).toBe(i === 0 ? 0 : r[i - 1]!.first + r[i - 1]!.count));
    }
  });

  it('deterrence maps (AEG and RADG), row by row', async () => {
    for (const options of [
      { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_HH', steps: 9, steps2: 7 } },
      { model: 'radg', analysis: 'map', ranges: { p_B: [0, 1] }, map: { x: 'p_B', y: 'b_SQ', steps: 6 } },
    ]) {
      const task: RunTask = { kind: 'deterrence', scenario, variant: null, seed: 1, options };
      const { whole, chunked, chunks } = await wholeAndChunked(task);
      expect(chunks).toBeGreaterThan(1);
      expect(chunked).toBe(whole);
    }
  });

  it('a map whose axes are one parameter, and non-map analyses, are executed whole', () => {
    const spec = getRunKind('deterrence')!;
    expect(spec.chunks!.split({ kind: 'deterrence', scenario, variant: null, seed: 1, options: { model: 'radg', analysis: 'map', map: { x: 'p_B', y: 'p_B' } } })).toBeNull();
    expect(spec.chunks!.split({ kind: 'deterrence', scenario, variant: null, seed: 1, options: { model: 'radg' } })).toBeNull();
  });

  it('forecast ensembles (EUM with a tornado, SMP; a variant; seeds), member range by member range', async () => {
    const variant = scenario.variants?.[0]?.id ?? null;
    for (const [options, seed] of [
      [{ model: 'eum', ensemble: 45, tornado: true, maxRounds: 30 }, 7],
      [{ model: 'smp', ensemble: 24 }, 1],
    ] as const) {
      const task: RunTask = { kind: 'forecast', scenario, variant, seed, options: { ...options } };
      const { whole, chunked } = await wholeAndChunked(task);
      expect(chunked).toBe(whole);
    }
    expect(getRunKind('forecast')!.chunks!.split({ kind: 'forecast', scenario, variant: null, seed: 1, options: { model: 'eum', ensemble: 0 } })).toBeNull();
    // Without `ensemble`, a forecast carries the default interval ensemble: it splits too.
    expect(getRunKind('forecast')!.chunks!.split({ kind: 'forecast', scenario, variant: null, seed: 1, options: { model: 'eum' } })!.length).toBeGreaterThan(1);
  });

  it('crisis simulations: the ensemble, a paired comparison, and the tornado and Sobol designs (run ranges, design points)', async () => {
    for (const options of [
      { runs: 4000, weeks: 26 },
      { runs: 3000, weeks: 20, compare: ['yoon-hardline', 'lee-engagement'] },
      { runs: 2500, weeks: 12, sobol: true, tornadoRuns: 20, sobolSamples: 8, sobolRuns: 4, hindcast: true },
    ]) {
      const task: RunTask = { kind: 'simulate', scenario, variant: null, seed: 3, options };
      const { whole, chunked, chunks } = await wholeAndChunked(task);
      expect(chunks).toBeGreaterThan(1);
      expect(chunked).toBe(whole);
    }
    // A small ensemble is executed whole.
    expect(getRunKind('simulate')!.chunks!.split({ kind: 'simulate', scenario, variant: null, seed: 1, options: { runs: 500 } })).toBeNull();
  }, 120_000);
});

/**
 * `brink forecast` and the bargaining plumbing behind it: scenario issue -> model scale and back,
 * ensembles (same seed, same ensemble), tornado, KTAB CSV input, and the CLI's exit codes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  baseIssueValues,
  fromModelScale,
  issueModelInput,
  issueToEumInput,
  parseKtabCsv,
  runEnsemble,
  runEum,
  sampleIssueValues,
  toModelScale,
  tornado,
  writeKtabCsv,
} from '@brink/engine/bargaining';
import { listVariants, type Issue } from '@brink/engine/scenario';
import { createRng } from '@brink/engine/random';
import { forecastFile, forecastIssue, forecastJson, issueForecaster, parseEumOptions, sparkline, type KtabForecastReport, type ScenarioForecastReport } from '../src/cli/commands/forecast';
import { DEFAULT_SCENARIO_PATH, REPO_ROOT, loadScenarioFile } from '../src/scenario-files';

/** KTAB's own example, beside the repository on the developers' machines (../shared is not part of a user's clone). */
const KTAB_3DIM = path.resolve(process.cwd(), '../shared/conformance/ktab/data/dummyData_3Dim.csv');
if (!existsSync(KTAB_3DIM)) console.warn("forecast test: ../shared/conformance/ktab is absent (a clone without the peers' data), so the run on KTAB's own example is skipped");

const assume = (value: number, range?: [number, number]) => ({ value, ...(range ? { range } : {}), assumption: 'test' });

/** A year-valued issue (BDM 1994's emission-standards case shape: positions are years of introduction). */
const yearsIssue = {
  id: 'emission-date',
  title: { en: 'Date of emission standards' },
  scale: { min: 1990, max: 2000, anchors: [{ value: 1990, label: { en: 'At once' } }, { value: 1995, label: { en: 'Mid-decade' } }, { value: 2000, label: { en: 'End of decade' } }] },
  positions: [
    { actor: 'nl', position: assume(1994, [1993, 1996]), salience: assume(0.8, [0.6, 0.9]), clout: assume(0.08, [0.05, 0.1]) },
    { actor: 'be', position: assume(1997, [1995, 1998]), salience: assume(0.4, [0.3, 0.6]), clout: assume(0.08, [0.06, 0.1]) },
    { actor: 'de', position: assume(1994), salience: assume(0.8), clout: assume(0.16) },
    { actor: 'fr', position: assume(2000, [1998, 2000]), salience: assume(0.6, [0.4, 0.8]), clout: assume(0.16, [0.12, 0.2]) },
    { actor: 'uk', position: assume(2000), salience: assume(0.9), clout: assume(0.16) },
    { actor: 'gr', position: assume(1997, [1994, 1999]), salience: assume(0.7, [0.5, 0.8]), clout: assume(0.08, [0.05, 0.1]) },
  ],
} as unknown as Issue;

const issue = issueModelInput(yearsIssue, '$.issues[0]', new Map([['de', 'Germany']]));

describe('scenario issue -> model inputs', () => {
  it('maps the issue scale to 0..100 and back', () => {
    expect(toModelScale(issue.scale, 1994)).toBeCloseTo(40, 12);
    expect(fromModelScale(issue.scale, 40)).toBeCloseTo(1994, 12);
    const input = issueToEumInput(issue);
    expect(input.actors.map((a) => a.position)).toEqual([40, 70, 40, 100, 100, 70].map((x) => expect.closeTo(x, 10)));
    expect(input.actors[2]!.name).toBe('Germany');
    expect(input.actors[0]!.name).toBe('nl');
  });

  it('forecasts in the issue units: the EUM on 0..100 mapped back', () => {
    const f = forecastIssue(issue, null, 'eum');
    const direct = runEum(issueToEumInput(issue));
    expect(f.forecast.value).toBeCloseTo(fromModelScale(issue.scale, direct.forecast), 10);
    expect(f.forecast.value).toBeGreaterThanOrEqual(1990);
    expect(f.forecast.value).toBeLessThanOrEqual(2000);
    expect(f.positions[0]!.map((r) => r[0])).toEqual([1994, 1997, 1994, 2000, 2000, 1997].map((x) => expect.closeTo(x, 9)));
    expect(f.positions.length).toBe(f.turns + 1);
    expect(f.final).toEqual(f.positions[f.turns]);
    expect(f.rounds!.length).toBe(f.turns);
    for (const r of f.rounds!) for (const m of r.moves) expect(m.text).toMatch(/challenged/);
  });

  it('rejects a clout of 0 and an unknown issue with the JSON path', () => {
    const bad = structuredClone(yearsIssue) as unknown as { positions: { clout: { value: number } }[] };
    bad.positions[1]!.clout.value = 0;
    expect(() => issueModelInput(bad as unknown as Issue, '$.issues[3]')).toThrow(/\$\.issues\[3\]\.positions\[1\]\.clout\.value/);
  });
});

describe('uncertainty', () => {
  const forecaster = issueForecaster('eum');

  it('same seed, same ensemble; another seed, another ensemble; forecasts on the scale', () => {
    const a = runEnsemble(issue, forecaster, { runs: 60, seed: 5 });
    const b = runEnsemble(issue, forecaster, { runs: 60, seed: 5 });
    const c = runEnsemble(issue, forecaster, { runs: 60, seed: 6 });
    expect(b.forecasts).toEqual(a.forecasts);
    expect(c.forecasts).not.toEqual(a.forecasts);
    for (const x of a.forecasts) expect(x >= 1990 && x <= 2000).toBe(true);
    expect(a.histogram.counts.reduce((s, k) => s + k, 0)).toBe(60);
    expect(a.quantiles.p05).toBeLessThanOrEqual(a.quantiles.p50);
    expect(a.quantiles.p50).toBeLessThanOrEqual(a.quantiles.p95);
  });

  it('samples each ranged input inside its range and leaves unranged inputs alone', () => {
    const rng = createRng('s').split('ensemble');
    for (let r = 0; r < 50; r++) {
      const v = sampleIssueValues(issue, rng.split(r));
      issue.actors.forEach((a, i) => {
        for (const field of ['position', 'salience', 'clout'] as const) {
          const range = a.ranges[field];
          if (range) expect(v[field][i]! >= range[0] && v[field][i]! <= range[1]).toBe(true);
          else expect(v[field][i]).toBe(baseIssueValues(issue)[field][i]);
        }
      });
    }
  });

  it("a run's sample does not depend on the other runs (stream per run and actor)", () => {
    const root = createRng(9).split('ensemble');
    const alone = sampleIssueValues(issue, root.split(7));
    for (let r = 0; r < 7; r++) sampleIssueValues(issue, root.split(r));
    expect(sampleIssueValues(issue, root.split(7))).toEqual(alone);
  });

  it('tornado: one bar per ranged input, sorted by swing, swing = |f(high) − f(low)|', () => {
    const t = tornado(issue, forecaster);
    const ranged = issue.actors.reduce((s, a) => s + Object.keys(a.ranges).length, 0);
    expect(t.bars.length).toBe(ranged);
    for (let k = 1; k < t.bars.length; k++) expect(t.bars[k - 1]!.swing).toBeGreaterThanOrEqual(t.bars[k]!.swing);
    for (const b of t.bars) expect(b.swing).toBeCloseTo(Math.abs(b.forecastAtHigh - b.forecastAtLow), 12);
    expect(t.bars.some((b) => b.actor === 'de' || b.actor === 'uk')).toBe(false);
  });
});

describe('brink forecast on files', () => {
  it('runs the default scenario for the base and every variant; forecasts stay on each issue scale', async () => {
    const loaded = await loadScenarioFile(DEFAULT_SCENARIO_PATH);
    const report = (await forecastFile(DEFAULT_SCENARIO_PATH, { variants: ['all'] })) as ScenarioForecastReport;
    const variants = listVariants(loaded.base).length;
    expect(report.issues.length).toBe(loaded.base.issues.length * (variants + 1));
    for (const f of report.issues) {
      expect(f.forecast.value).toBeGreaterThanOrEqual(f.scale.min);
      expect(f.forecast.value).toBeLessThanOrEqual(f.scale.max);
      for (const state of f.positions) for (const row of state) expect(row[0]! >= f.scale.min - 1e-9 && row[0]! <= f.scale.max + 1e-9).toBe(true);
    }
    const json = forecastJson(report) as { issues: { turns: number; positions: unknown[]; final: unknown }[] };
    for (const i of json.issues) expect(i.positions.length).toBe(i.turns + 1);
  });

  it('runs the EUM on a KTAB CSV per dimension, in the KTAB JSON shape', async () => {
    // The repository's example in KTAB's CSV format: 6 actors, 2 dimensions.
    const file = path.join(REPO_ROOT, 'examples', 'ktab', 'peninsula-illustrative.csv');
    const r = (await forecastFile(file, { model: 'eum' })) as KtabForecastReport;
    expect(r).toMatchObject({ kind: 'ktab', model: 'eum', scale: '0..100', numActors: 6, numDims: 2 });
    expect(r.actors).toEqual(['DPRK', 'USA', 'ROK', 'Japan', 'China', 'Russia']);
    expect(r.states).toBe(r.turns + 1);
    expect(r.positions.length).toBe(r.turns + 1);
    expect(r.final).toEqual(r.positions[r.turns]);
    for (const state of r.positions) {
      expect(state.length).toBe(6);
      for (const row of state) {
        expect(row.length).toBe(2);
        for (const x of row) expect(x >= 0 && x <= 100).toBe(true);
      }
    }
    // The first state is the file's positions.
    expect(r.positions[0]).toEqual([[100, 100], [10, 20], [20, 40], [5, 10], [40, 70], [80, 95]]);
    const median = r.forecast.median as number[];
    expect(median.length).toBe(2);
    expect(r.rounds!.map((x) => x.dim)).toEqual(r.dims);
    // Per dimension: each dimension on its own (a one-dimension CSV) gives the same final positions
    // and median as that dimension's column of the two-dimension run.
    const input = parseKtabCsv(readFileSync(file, 'utf8'), file);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-forecast-'));
    for (let d = 0; d < 2; d++) {
      const one = path.join(dir, `dim${d}.csv`);
      const pick = (rows: number[][]) => rows.map((row) => [row[d]!]);
      writeFileSync(one, writeKtabCsv({ ...input, name: `dim${d}`, dimensions: [input.dimensions[d]!], positions: pick(input.positions), saliences: pick(input.saliences) }));
      const alone = (await forecastFile(one, { model: 'eum' })) as KtabForecastReport;
      expect(alone.numDims).toBe(1);
      expect(alone.turns).toBeLessThanOrEqual(r.turns);
      expect(alone.final.map((row) => row[0])).toEqual(r.final.map((row) => row[d]));
      expect((alone.forecast.median as number[])[0]).toBe(median[d]);
    }
  });

  it.skipIf(!existsSync(KTAB_3DIM))('runs the EUM on KTAB\'s three-dimension example (needs ../shared/conformance/ktab)', async () => {
    const r = (await forecastFile(KTAB_3DIM, { model: 'eum' })) as KtabForecastReport;
    expect(r.numDims).toBe(3);
    expect(r.positions.length).toBe(r.turns + 1);
    expect(r.final).toEqual(r.positions[r.turns]);
    for (const state of r.positions) for (const row of state) for (const x of row) expect(x >= 0 && x <= 100).toBe(true);
    expect((r.forecast.median as number[]).length).toBe(3);
  });

  it('passes --eum choices through, typed and checked', () => {
    expect(parseEumOptions(['medianRule=weighted-mean', 'q=0.9', 'recordOffers=false'])).toEqual({ medianRule: 'weighted-mean', q: 0.9, recordOffers: false });
    expect(() => parseEumOptions(['nope=1'])).toThrow(/unknown EUM option/);
    expect(() => parseEumOptions(['q=x'])).toThrow(/needs a number/);
    const viaCli = forecastIssue(issue, null, 'eum', { eumOptions: parseEumOptions(['medianRule=weighted-mean', 'stableMedianRounds=0']) });
    const direct = runEum(issueToEumInput(issue), { medianRule: 'weighted-mean', stableMedianRounds: 0 });
    expect(viaCli.forecast.value).toBeCloseTo(fromModelScale(issue.scale, direct.forecast), 10);
    expect(() => runEum(issueToEumInput(issue), { medianRule: 'mean' as never })).toThrow(/medianRule must be one of/);
  });

  it('draws sparklines on the scale', () => {
    expect(sparkline([0, 50, 100], 0, 100)).toBe('▁▅█');
  });

  it('exits 2 naming the row and column of a bad CSV field (CLI)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-forecast-'));
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'x,y,3,1\nActor,Desc,Power,D1,S1\nA,a,10,50,50\nB,b,abc,20,50\nC,c,5,80,50\n');
    const run = promisify(execFile);
    const err = await run('node', ['packages/app/bin/brink.js', 'forecast', file], { cwd: process.cwd() }).then(
      () => undefined,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toMatch(/bad\.csv:4:5/);
    expect(err?.stdout).toBe('');
  });
});

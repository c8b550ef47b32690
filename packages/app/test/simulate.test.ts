/**
 * `brink simulate` and the `simulate` run kind: the JSON shapes of the issue, identical results for
 * any number of worker threads, paired differences, the hindcast, the XMILE export, and bad input
 * (exit 2 / 422 with the place, the same message on both, nothing stored).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { brink, brinkInProcess } from './cli-harness';
import { createWorkerPool, type TaskRunner } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { DEFAULT_SCENARIO_PATH } from '../src/scenario-files';

const SCENARIO = 'scenarios/korean-peninsula-2025-09.yaml';
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'brink-simulate-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Json = Record<string, unknown>;

describe('brink simulate', () => {
  it('prints outcome probabilities with intervals', async () => {
    const r = await brinkInProcess('simulate', SCENARIO, '--runs', '300', '--weeks', '52');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A 7th DPRK nuclear test\s+\d+\.\d%\s+\[\d+\.\d+%, \d+\.\d+%\]/);
    expect(r.stdout).toMatch(/Highest level reached on the escalation ladder/);
    expect(r.stdout).toMatch(/Mechanisms: 23 of 25 drive the simulation \(signs checked: 22\/22\)/);
  });

  it('--json: { runs, weeks, seed, outcomes[{id,label,p,lo,hi}], variables[{id,unit,weeks[{week,q05,q50,q95}]}] }', async () => {
    const r = await brinkInProcess('simulate', SCENARIO, '--runs', '200', '--weeks', '30', '--seed', '7', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j).toMatchObject({ runs: 200, weeks: 30, seed: 7 });
    const outcomes = j.outcomes as Json[];
    expect(outcomes.length).toBeGreaterThan(5);
    for (const o of outcomes) expect(Object.keys(o)).toEqual(expect.arrayContaining(['id', 'label', 'p', 'lo', 'hi']));
    const variables = j.variables as { id: string; unit: string; weeks: Json[] }[];
    expect(variables.find((v) => v.id === 'capability')!.unit).toBe('index 0-100');
    for (const v of variables) {
      expect(v.weeks).toHaveLength(30);
      expect(Object.keys(v.weeks[0]!)).toEqual(expect.arrayContaining(['week', 'q05', 'q50', 'q95']));
    }
  });

  it('gives bit-identical results with 1 and 2 worker threads', () => {
    const one = brink('simulate', SCENARIO, '--runs', '700', '--weeks', '40', '--json', '--workers', '1');
    const two = brink('simulate', SCENARIO, '--runs', '700', '--weeks', '40', '--json', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const strip = (s: string) => {
      const j = JSON.parse(s) as Json;
      delete j.workers;
      return j;
    };
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
  });

  it('--compare V1,V2 adds paired differences (second minus first)', async () => {
    const r = await brinkInProcess('simulate', SCENARIO, '--compare', 'yoon-hardline,lee-engagement', '--runs', '400', '--weeks', '52', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { differences: { id: string; diff: number; lo: number; hi: number }[]; variants: { variant: string; outcomes: { id: string; p: number }[] }[] };
    expect(j.variants.map((v) => v.variant)).toEqual(['yoon-hardline', 'lee-engagement']);
    for (const d of j.differences) {
      const a = j.variants[0]!.outcomes.find((o) => o.id === d.id)!.p;
      const b = j.variants[1]!.outcomes.find((o) => o.id === d.id)!.p;
      expect(d.diff).toBeCloseTo(b - a, 6);
      expect(d.lo).toBeLessThanOrEqual(d.diff);
      expect(d.hi).toBeGreaterThanOrEqual(d.diff);
    }
    const text = await brinkInProcess('simulate', SCENARIO, '--compare', 'base,lee-engagement', '--runs', '200', '--weeks', '20');
    expect(text.stdout).toMatch(/lee-engagement minus base/);
  });

  it('--hindcast --json: monthly launch days 2020-01..2023-04 and the three scores', async () => {
    const r = await brinkInProcess('simulate', SCENARIO, '--runs', '100', '--weeks', '10', '--hindcast', '--json');
    const h = (JSON.parse(r.stdout) as { hindcast: Json }).hindcast as { train_end: string; unit: string; months: Json[]; scores: Record<string, Json> };
    expect(h.train_end).toBe('2019-12-31');
    expect(h.unit).toBe('launch days');
    expect(h.months).toHaveLength(40);
    expect(Object.keys(h.months[0]!)).toEqual(expect.arrayContaining(['month', 'observed', 'q05', 'q25', 'q50', 'q75', 'q95']));
    for (const k of ['model', 'poisson', 'last12']) expect(Object.keys(h.scores[k]!)).toEqual(expect.arrayContaining(['crps', 'log_score', 'coverage50', 'coverage90']));
    const text = await brinkInProcess('simulate', SCENARIO, '--runs', '100', '--weeks', '10', '--hindcast');
    expect(text.stdout).toMatch(/Poisson at the training mean/);
    expect(text.stdout).toMatch(/previous 12 months/);
  });

  it('--export-xmile writes an XMILE 1.0 model', async () => {
    const file = path.join(tmp, 'crisis.xmile');
    const r = await brinkInProcess('simulate', SCENARIO, '--runs', '50', '--weeks', '10', '--export-xmile', file);
    expect(r.code).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toMatch(/<xmile version="1.0" xmlns="http:\/\/docs.oasis-open.org\/xmile\/ns\/XMILE\/v1.0">/);
    expect(xml).toMatch(/<stock name="capability">/);
    expect(xml).toMatch(/<sim_specs method="Euler" time_units="weeks"><start>0<\/start><stop>10<\/stop>/);
  });

  it('refuses bad input with exit 2 and the place', () => {
    const runs0 = brink('simulate', SCENARIO, '--runs', '0');
    expect(runs0.code).toBe(2);
    expect(runs0.stderr).toMatch(/--runs: the number of runs must be an integer/);
    const weeksNeg = brink('simulate', SCENARIO, '--weeks', '-1');
    expect(weeksNeg.code).toBe(2);
    expect(weeksNeg.stderr).toMatch(/--weeks: the number of weeks must be an integer/);
    // A mechanism naming an unknown variable: file:line:col and the JSON path.
    const text = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');
    const broken = text.replace(/(- id: russia-balances-china\n\s+form: flow\n\s+cause: russia-support\n\s+effect: )china-leverage/, '$1chinas-sway');
    expect(broken).not.toBe(text);
    const file = path.join(tmp, 'broken.yaml');
    writeFileSync(file, broken);
    const r = brink('simulate', file, '--runs', '10');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: invalid scenario: \$\.models\.crisis\.mechanisms\[id=russia-balances-china\]\.effect: unknown variable "chinas-sway"/);
    // A probability outside [0, 1] and a reversed range.
    for (const [from, to, where] of [
      ['probability: { value: 0.0012, range: [0.0004, 0.003]', 'probability: { value: 1.2, range: [0.0004, 0.003]', /actions\[id=nuclear-test\]\.probability/],
      ['initial: { value: 0.4, range: [0.25, 0.55]', 'initial: { value: 0.4, range: [0.55, 0.25]', /variables\[id=sanctions\]\.initial/],
    ] as const) {
      writeFileSync(file, text.replace(from, to));
      const res = brink('simulate', file, '--runs', '10');
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(where);
      expect(res.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    }
  });
});

describe('the simulate run kind', () => {
  let dir: string;
  let store: Store;
  let runner: TaskRunner;
  let app: FastifyInstance;
  let scenarioId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'brink-simulate-server-'));
    store = await openStore({ dataDir: path.join(dir, 'data'), env: {} });
    runner = createWorkerPool(1);
    app = await buildServer({ store, runner, env: {} });
    await app.ready();
    scenarioId = (JSON.parse((await app.inject({ url: '/api/health' })).body) as { defaultScenarioId: string }).defaultScenarioId;
  });
  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses runs 0 and weeks -1 with 422, the place and the CLI\'s message; nothing stored', async () => {
    const before = (await store.listRuns({ limit: 1000 })).length;
    for (const [options, place, message] of [
      [{ runs: 0 }, '$.options.runs', /the number of runs must be an integer in \[1, 1000000\], got 0/],
      [{ weeks: -1 }, '$.options.weeks', /the number of weeks must be an integer in \[1, 5200\], got -1/],
      [{ compare: ['base', 'nope'] }, '$.options.compare[1]', /unknown variant "nope"/],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'simulate', scenarioId, options } });
      expect(res.statusCode).toBe(422);
      const body = JSON.parse(res.body) as Json;
      expect(body.place).toBe(place);
      expect(String(body.message)).toMatch(message);
    }
    expect((await store.listRuns({ limit: 1000 })).length).toBe(before);
  });

  it('runs, reports progress and stores the report with its provenance', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'simulate', scenarioId, seed: 3, options: { runs: 300, weeks: 26, hindcast: true } } });
    expect(res.statusCode).toBe(202);
    const id = (JSON.parse(res.body) as { id: string }).id;
    const events = await app.inject({ url: `/api/runs/${id}/events` });
    expect(events.body).toMatch(/progress/);
    const run = JSON.parse((await app.inject({ url: `/api/runs/${id}` })).body) as { status: string; result: Json; provenance: Json };
    expect(run.status).toBe('done');
    expect(run.result).toMatchObject({ runs: 300, weeks: 26, seed: 3 });
    expect((run.result.hindcast as Json).train_end).toBe('2019-12-31');
    expect(run.provenance.seed).toBe(3);
    // The same report as the CLI (same seed, runs and weeks).
    const cli = JSON.parse((await brinkInProcess('simulate', SCENARIO, '--runs', '300', '--weeks', '26', '--seed', '3', '--json')).stdout) as Json;
    expect(run.result.outcomes).toEqual(cli.outcomes);
  });
});

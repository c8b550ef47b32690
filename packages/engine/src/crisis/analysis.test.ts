/**
 * The crisis module's analyses and algorithms: the shipped launch table against the CNS file, the
 * launch model and its hindcast, proper scores and intervals, the NB regression, inverse CDFs, the
 * deterrence hand-off agreeing with the deterrence models, the tornado and Sobol indices, the
 * XMILE export and the causal diagram.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index';
import { getDeterrenceModel, worstFailure, failureProbability } from '../deterrence/index';
import { defaultScenario, repoRoot } from '../../test/crisis-fixture';
import {
  AEG_OUTCOME_CODES,
  CNS_LAUNCH_DAYS,
  CNS_MISSILES,
  causalGraph,
  compileCrisisModel,
  crps,
  decideDeterrence,
  ensembleTornado,
  exportXmile,
  fitNegativeBinomial,
  handoffParams,
  launchDaysByMonth,
  logScore,
  pairedDifference,
  pmfQuantile,
  poissonPmf,
  runHindcast,
  sobolIndices,
  wilson,
} from './index';
import { gammaMeanOneQuantiles, gammaP, normalQuantile, pertQuantiles, fromTable } from './inverse-cdf';

const model = compileCrisisModel(defaultScenario());

describe('the CNS launch-day table', () => {
  const csv = path.resolve(repoRoot, '../shared/data/dprk-missile-tests.csv');
  // The table is derived from ../shared/data (absent in a user's clone: then only the shipped totals are checked).
  it.skipIf(!existsSync(csv))('matches the CNS CSV: one entry per distinct date, missiles per date', () => {
    // A small RFC 4180 reader (quoted fields may hold commas and newlines).
    const rows: string[][] = [[]];
    let field = '';
    let quoted = false;
    const text = readFileSync(csv, 'utf8');
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',' || ch === '\n') {
        rows.at(-1)!.push(field);
        field = '';
        if (ch === '\n') rows.push([]);
      } else if (ch !== '\r') field += ch;
    }
    if (field !== '') rows.at(-1)!.push(field);
    const lines = rows.slice(1).filter((r) => r.length > 1);
    expect(lines).toHaveLength(245);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const counts = new Map<string, number>();
    for (const line of lines) {
      const date = line[1]!;
      const full = /^(\d{1,2})-(\w{3})-(\d{2})$/.exec(date);
      const partial = /^(\w{3})-(\d{2})$/.exec(date);
      const yy = (s: string) => (Number(s) > 50 ? 1900 : 2000) + Number(s);
      const key = full
        ? `${yy(full[3]!)}-${String(months.indexOf(full[2]!) + 1).padStart(2, '0')}-${full[1]!.padStart(2, '0')}`
        : `${yy(partial![2]!)}-${String(months.indexOf(partial![1]!) + 1).padStart(2, '0')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(CNS_LAUNCH_DAYS.map(([d, n]) => [d, n])).toEqual([...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  });

  it('gives the yearly launch days of the data README', () => {
    expect(CNS_LAUNCH_DAYS.reduce((s, [, n]) => s + n, 0)).toBe(CNS_MISSILES);
    const byYear = new Map<string, number>();
    for (const [date] of CNS_LAUNCH_DAYS) byYear.set(date.slice(0, 4), (byYear.get(date.slice(0, 4)) ?? 0) + 1);
    expect(Object.fromEntries(['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'].map((y) => [y, byYear.get(y) ?? 0]))).toEqual({
      '2014': 11, '2015': 7, '2016': 16, '2017': 15, '2018': 0, '2019': 14, '2020': 4, '2021': 4, '2022': 34, '2023': 8,
    });
  });
});

describe('the hindcast (fit to 2019-12, forecast 2020-01..2023-04)', () => {
  const h = runHindcast({ seed: 1, draws: 300 });
  it('has the JSON shape of the issue, month by month', () => {
    expect(h.train_end).toBe('2019-12-31');
    expect(h.unit).toBe('launch days');
    expect(h.months).toHaveLength(40);
    expect(h.months[0]!.month).toBe('2020-01');
    expect(h.months.at(-1)!.month).toBe('2023-04');
    const byMonth = launchDaysByMonth();
    for (const m of h.months) {
      expect(m.observed).toBe(byMonth.get(m.month) ?? 0);
      expect(m.q05 <= m.q25 && m.q25 <= m.q50 && m.q50 <= m.q75 && m.q75 <= m.q95).toBe(true);
    }
    expect(h.months.filter((m) => m.month.startsWith('2022')).reduce((s, m) => s + m.observed, 0)).toBe(34);
    for (const name of ['model', 'poisson', 'last12'] as const) {
      const s = h.scores[name];
      expect(Number.isFinite(s.crps) && Number.isFinite(s.log_score)).toBe(true);
      expect(s.coverage50).toBeGreaterThanOrEqual(0);
      expect(s.coverage90).toBeLessThanOrEqual(1);
    }
  });

  it('fits exercises up and summit diplomacy down (the 2018 pause)', () => {
    const [, exercise, detente, memory] = h.fit.coefficients;
    expect(exercise).toBeGreaterThan(0);
    expect(detente).toBeLessThan(-1);
    expect(memory).toBeGreaterThan(0);
    // The Poisson baseline is the training mean: 68 launch days in 96 months.
    expect(h.fit.trainingMeanPerMonth).toBeCloseTo(68 / 96, 12);
  });

  it('is reproducible for a seed', () => {
    expect(runHindcast({ seed: 1, draws: 300 }).scores).toEqual(h.scores);
  });
});

describe('scores and intervals', () => {
  it('CRPS and log score of count forecasts', () => {
    const point = Float64Array.from([0, 0, 1]);
    expect(crps(point, 2)).toBe(0);
    expect(crps(point, 0)).toBe(2); // F = 0, 0, 1 against 1, 1, 1
    const p = poissonPmf(1.5);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(logScore(p, 2)).toBeCloseTo(Math.log((Math.exp(-1.5) * 1.5 ** 2) / 2), 12);
    expect(pmfQuantile(p, 0.5)).toBe(1);
    // CRPS is proper: the true distribution scores best on average.
    const truth = poissonPmf(3);
    const mean = (q: Float64Array) => Array.from(truth).reduce((s, w, y) => s + w * crps(q, y), 0);
    expect(mean(truth)).toBeLessThan(mean(poissonPmf(2)));
    expect(mean(truth)).toBeLessThan(mean(poissonPmf(4)));
  });

  it('Wilson and Newcombe intervals', () => {
    // Wilson (1927) for 0 of 10: [0, 0.2775].
    const [lo, hi] = wilson(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.2775, 4);
    // Newcombe (1998), table II example: a=8, b=5, c=4, d=... n=? Use invariants instead: contains the
    // estimate, flips with the order, shrinks with more pairs.
    const d = pairedDifference(30, 12, 4, 54);
    expect(d.diff).toBeCloseTo(-0.08, 12);
    expect(d.lo).toBeLessThan(d.diff);
    expect(d.hi).toBeGreaterThan(d.diff);
    const flipped = pairedDifference(30, 4, 12, 54);
    expect(flipped.lo).toBeCloseTo(-d.hi, 12);
    expect(flipped.hi).toBeCloseTo(-d.lo, 12);
    const bigger = pairedDifference(300, 120, 40, 540);
    expect(bigger.hi - bigger.lo).toBeLessThan(d.hi - d.lo);
  });
});

describe('the NB regression and the inverse CDFs', () => {
  it('recovers the coefficients of simulated negative binomial counts', () => {
    const rng = createRng('nb');
    const x: number[][] = [];
    const y: number[] = [];
    const r = 3;
    for (let i = 0; i < 3000; i++) {
      const z = rng.next();
      const mu = Math.exp(0.5 + 1.2 * z);
      // Gamma-Poisson mixture: λ ~ Gamma(r, mu/r), y ~ Poisson(λ).
      const lambda = (mu / r) * fromTable(gammaMeanOneQuantiles(r), rng.next()) * r;
      let k = 0;
      let p = Math.exp(-lambda);
      let F = p;
      const u = rng.next();
      while (u > F) {
        p *= lambda / ++k;
        F += p;
      }
      x.push([1, z]);
      y.push(k);
    }
    const fit = fitNegativeBinomial(x, y, 100);
    expect(fit.beta[0]).toBeCloseTo(0.5, 0);
    expect(fit.beta[1]).toBeCloseTo(1.2, 0);
    expect(fit.shape).toBeGreaterThan(1.5);
    expect(fit.shape).toBeLessThan(6);
  });

  it('PERT, normal and gamma quantiles', () => {
    const q = pertQuantiles(0, 0.2, 1);
    expect(q[0]).toBe(0);
    expect(q[256]).toBe(1);
    // PERT mean (lo + 4 mode + hi)/6 = 0.3.
    let mean = 0;
    for (let k = 0; k < 4096; k++) mean += fromTable(q, (k + 0.5) / 4096) / 4096;
    expect(mean).toBeCloseTo(0.3, 3);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(gammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    const g = gammaMeanOneQuantiles(4);
    expect(fromTable(g, 0.5)).toBeCloseTo(0.9180, 3); // median of Gamma(4, rate 4)
  });
});

describe('the deterrence hand-off agrees with the deterrence models', () => {
  const h = model.deterrence!;
  const start = new Float64Array(model.nodes.length);
  for (let i = 0; i < model.offsets.calendar; i++) start[i] = model.params[model.initialParam[i]!]!.value;

  it('at the starting state it solves exactly the scenario\'s AEG binding', () => {
    const params = handoffParams(h, start, start, 1, 0.2);
    const binding = Object.fromEntries(Object.entries(defaultScenario().models.deterrence.aeg!.parameters).map(([k, v]) => [k, v.value]));
    for (const [k, v] of Object.entries(binding)) expect(params[k]).toBeCloseTo(v, 12);
    const decision = decideDeterrence(h, params);
    const full = getDeterrenceModel('aeg').solve(params);
    expect(decision.strike).toBeCloseTo(worstFailure(getDeterrenceModel('aeg'), full), 12);
  });

  it('for any state, the decision is the selected equilibrium of the full solve', () => {
    const rng = createRng('handoff');
    const aeg = getDeterrenceModel('aeg');
    for (let k = 0; k < 25; k++) {
      const x = Float64Array.from(start);
      x[h.challengerHard] = rng.next();
      x[h.tacticalCredibility] = rng.next();
      x[h.strikeCost] = 0.5 + 0.5 * rng.next();
      x[h.statusQuo] = rng.next();
      const params = handoffParams(h, x, start, 1, 0.2);
      const decision = decideDeterrence(h, params);
      const full = aeg.solve(params);
      const failures = full.equilibria.map((e) => failureProbability(aeg, e));
      if (failures.length === 0) continue;
      const pick = failures.indexOf(Math.max(...failures));
      AEG_OUTCOME_CODES.forEach((code, i) => expect(decision.outcomes[i]).toBeCloseTo(full.equilibria[pick]!.outcomes[code] ?? 0, 12));
      expect(decision.equilibria).toEqual(full.equilibria.map((e) => e.kind));
    }
  });
});

describe('sensitivity', () => {
  it('tornado: output-only numbers do not move any outcome; the test probability moves the test outcome', () => {
    const keys = ['$.models.crisis.variables[id=us-taiwan-focus].initial', '$.models.crisis.actions[id=nuclear-test].probability'];
    const params = keys.map((k) => model.params.findIndex((p) => p.key === k));
    const t = ensembleTornado(model, { params, runsPerPoint: 150, weeks: 52, seed: 2 });
    const bar = (key: string) => t.bars.find((b) => b.key === key)!;
    expect(bar(keys[0]!).swing).toBe(0);
    const test = t.outcomes.findIndex((o) => o.id === 'nuclear-test');
    expect(bar(keys[1]!).atHigh[test]!).toBeGreaterThan(bar(keys[1]!).atLow[test]!);
    expect(t.bars[0]!.key).toBe(keys[1]);
  });

  it('Sobol: a number that moves nothing has zero indices; one that matters has a positive total index', () => {
    const keys = ['$.models.crisis.variables[id=us-taiwan-focus].initial', '$.models.crisis.actions[id=nuclear-test].probability'];
    const params = keys.map((k) => model.params.findIndex((p) => p.key === k));
    const s = sobolIndices(model, { params, baseSamples: 24, runsPerPoint: 24, weeks: 52, seed: 3, bootstrap: 100 });
    const test = s.outcomes.find((o) => o.id === 'nuclear-test')!;
    expect(test.indices[0]!.total).toBe(0);
    expect(test.indices[0]!.first).toBe(0);
    expect(test.indices[1]!.total).toBeGreaterThan(0.2);
    expect(test.indices[1]!.totalLo).toBeLessThanOrEqual(test.indices[1]!.total);
    expect(test.indices[1]!.totalHi).toBeGreaterThanOrEqual(test.indices[1]!.total);
  });
});

describe('exports', () => {
  it('XMILE 1.0: well-formed, every flow attached to a stock, every name in an equation defined', () => {
    const xml = exportXmile(model);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">')).toBe(true);
    // Balanced tags.
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w-]*)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
    const names = new Set([...xml.matchAll(/<(?:stock|flow|aux) name="([^"]+)"/g)].map((m) => m[1]!));
    for (const m of xml.matchAll(/<inflow>([^<]+)<\/inflow>/g)) expect(names.has(m[1]!)).toBe(true);
    for (const m of xml.matchAll(/<eqn>([^<]*)<\/eqn>/g)) {
      for (const id of m[1]!.replace(/&lt;|&gt;|&amp;/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
        if (['EXP', 'LN', 'TIME', 'e'].includes(id)) continue;
        expect(names.has(id), `${id} in ${m[1]}`).toBe(true);
      }
    }
    expect([...xml.matchAll(/<stock /g)]).toHaveLength(model.counts.stocks);
  });

  it('the causal diagram has an edge for every driving mechanism and the hand-off', () => {
    const g = causalGraph(model);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    for (const m of model.mechanisms.filter((x) => x.status === 'drives')) {
      const e = g.edges.find((x) => x.mechanism === m.id)!;
      expect([e.source, e.target]).toEqual([m.causeNode, m.effectNode]);
      expect(e.sign).toBe(m.sign);
    }
    expect(g.edges.some((e) => e.target === 'model.aeg')).toBe(true);
    expect(g.inert.map((m) => m.id).sort()).toEqual(['freeze-offer-unlikely', 'non-nuclear-vulnerability']);
  });
});

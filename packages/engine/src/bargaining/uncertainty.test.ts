/** Ensemble and tornado over ranged issue inputs (uncertainty.ts), with a transparent forecaster. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { IssueModelInput, IssueValues } from './scenario-issues';
import { quantileSorted, runEnsemble, sampleIssueValues, tornado, type IssueForecaster } from './uncertainty';
import { createRng } from '../random/rng';

const issue: IssueModelInput = {
  issueId: 'test',
  title: 'Test issue',
  scale: { min: -10, max: 10, anchors: [] },
  place: '$.issues[0]',
  ruledOut: [],
  actors: [
    { id: 'a', name: 'A', position: -5, salience: 0.5, clout: 1, ranges: { position: [-8, -2], salience: [0.2, 0.9] }, veto: false, place: '$.issues[0].positions[0]' },
    { id: 'b', name: 'B', position: 4, salience: 0.8, clout: 2, ranges: { clout: [1, 4] }, veto: false, place: '$.issues[0].positions[1]' },
    { id: 'c', name: 'C', position: 9, salience: 0.3, clout: 1, ranges: {}, veto: false, place: '$.issues[0].positions[2]' },
  ],
};

/** Salience-and-clout weighted mean position: it stays on the scale and ignores nothing. */
const weightedMean: IssueForecaster = (_issue, v: IssueValues) => {
  let num = 0;
  let den = 0;
  v.position.forEach((x, i) => {
    const w = v.salience[i]! * v.clout[i]!;
    num += w * x;
    den += w;
  });
  return num / den;
};

describe('runEnsemble', () => {
  it('is reproducible from the seed, stays on the scale and counts every run once in the histogram', () => {
    const a = runEnsemble(issue, weightedMean, { runs: 200, seed: 7 });
    const b = runEnsemble(issue, weightedMean, { runs: 200, seed: 7 });
    const c = runEnsemble(issue, weightedMean, { runs: 200, seed: 8 });
    expect(b.forecasts).toEqual(a.forecasts);
    expect(c.forecasts).not.toEqual(a.forecasts);
    for (const x of a.forecasts) expect(x >= issue.scale.min && x <= issue.scale.max).toBe(true);
    expect(a.histogram.counts.reduce((s, k) => s + k, 0)).toBe(200);
    expect(a.min).toBeLessThanOrEqual(a.quantiles.p05);
    expect(a.quantiles.p05).toBeLessThanOrEqual(a.quantiles.p50);
    expect(a.quantiles.p50).toBeLessThanOrEqual(a.quantiles.p95);
    expect(a.quantiles.p95).toBeLessThanOrEqual(a.max);
    expect(a.base).toBe(weightedMean(issue, { position: [-5, 4, 9], salience: [0.5, 0.8, 0.3], clout: [1, 2, 1] }));
  });

  it('draws every ranged input inside its range and keeps unranged inputs', () => {
    const rng = createRng('draws');
    for (let r = 0; r < 100; r++) {
      const v = sampleIssueValues(issue, rng.split(r));
      expect(v.position[0]! >= -8 && v.position[0]! <= -2).toBe(true);
      expect(v.salience[0]! >= 0.2 && v.salience[0]! <= 0.9).toBe(true);
      expect(v.clout[1]! >= 1 && v.clout[1]! <= 4).toBe(true);
      expect([v.clout[0], v.position[1], v.position[2], v.salience[2]]).toEqual([1, 4, 9, 0.3]);
    }
  });

  it('rejects a bad run or bin count with InputError naming it', () => {
    expect(() => runEnsemble(issue, weightedMean, { runs: Number.NaN, seed: 1 })).toThrow(InputError);
    expect(() => runEnsemble(issue, weightedMean, { runs: 10, seed: 1, bins: 0 })).toThrow(/bins/);
    expect(() => runEnsemble(issue, weightedMean, { runs: 10, seed: 1, bins: 2.5 })).toThrow(InputError);
  });
});

describe('quantileSorted (Hyndman-Fan type 7)', () => {
  it('interpolates between order statistics', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(5);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('tornado', () => {
  it('has one bar per ranged input, sorted by swing, each swing the forecast difference at the range ends', () => {
    const t = tornado(issue, weightedMean);
    expect(t.bars.map((b) => `${b.actor}.${b.field}`).sort()).toEqual(['a.position', 'a.salience', 'b.clout']);
    for (let k = 0; k + 1 < t.bars.length; k++) expect(t.bars[k]!.swing).toBeGreaterThanOrEqual(t.bars[k + 1]!.swing);
    const bar = t.bars.find((b) => b.actor === 'a' && b.field === 'position')!;
    const at = (x: number): number => weightedMean(issue, { position: [x, 4, 9], salience: [0.5, 0.8, 0.3], clout: [1, 2, 1] });
    expect(bar.swing).toBeCloseTo(Math.abs(at(-2) - at(-8)), 12);
  });
});

/**
 * SMP unit and property tests. Published reference results are in
 * packages/engine/test/ktab-conformance.test.ts; here: the building blocks' invariants (docs/smp.md,
 * "What it computes") and properties of whole runs (fast-check, fixed seeds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../errors';
import { probEduChallenge } from './challenge';
import { interpolateCoordinate } from './bargain';
import { conditionalPce, markovIncentivePce, markovUniformPce } from './pce';
import { riskFromProbabilities, estimateRisk } from './risk';
import { runSmp } from './run';
import type { SmpInput, SmpOptions } from './types';
import { riskUtility, round4, weightedDistance } from './utility';
import { utilityCoalitions, victoryMatrix, vote } from './voting';

const small: SmpInput = {
  name: 'four',
  actors: [
    { name: 'A', power: 100 },
    { name: 'B', power: 60 },
    { name: 'C', power: 40 },
    { name: 'D', power: 25 },
  ],
  dimensions: [{ name: 'x' }, { name: 'y' }],
  positions: [
    [20, 80],
    [70, 30],
    [50, 50],
    [90, 10],
  ],
  saliences: [
    [40, 40],
    [60, 20],
    [30, 30],
    [50, 10],
  ],
};

describe('SMP building blocks', () => {
  it('round4 truncates 0.5 + 1e4 x as KTAB does (bargains quantised to 1e-4)', () => {
    expect(round4(0.123449)).toBe(0.1234);
    expect(round4(0.12346)).toBe(0.1235);
    expect(round4(1)).toBe(1);
    expect(round4(0)).toBe(0);
  });

  it('weighted distance is 0 at the same point and 1 across the unit cube', () => {
    const sal = [0.3, 0.1];
    expect(weightedDistance([0.2, 0.7], 0, [0.2, 0.7], 0, sal, 0, 2)).toBe(0);
    expect(weightedDistance([0, 0], 0, [1, 1], 0, sal, 0, 2)).toBeCloseTo(1, 15);
    // only the salient dimension counts
    expect(weightedDistance([0, 0], 0, [0, 1], 0, [1, 0], 0, 2)).toBe(0);
  });

  it('utility: u(0)=1, u(1)=0, linear when risk-neutral, concave when risk-averse', () => {
    for (const r of [-1, -0.5, 0, 0.5, 1]) {
      expect(riskUtility(0, r)).toBe(1);
      expect(riskUtility(1, r)).toBe(0);
    }
    expect(riskUtility(0.3, 0)).toBeCloseTo(0.7, 15);
    expect(riskUtility(0.5, 1)).toBeGreaterThan(0.5);
    expect(riskUtility(0.5, -1)).toBeLessThan(0.5);
  });

  it('victory probabilities are complementary and PCE distributions sum to 1', () => {
    const u = [0.9, 0.2, 0.5, 0.1, 0.8, 0.4, 0.3, 0.6, 0.95];
    const w = [3, 1, 2];
    for (const vr of ['Proportional', 'Binary', 'PropBin', 'PropCbc', 'Cubic', 'ASymProsp'] as const) {
      for (const vpm of ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const) {
        const c = utilityCoalitions(vr, w, u, 3, 3);
        const v = victoryMatrix(vpm, c, 3);
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) expect(v[a * 3 + b]! + v[b * 3 + a]!).toBeCloseTo(1, 12);
        for (const p of [conditionalPce(v, 3), markovUniformPce(v, 3), markovIncentivePce(c, v, 3)]) {
          expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
          for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('conditional PCE survives products that underflow (many options)', () => {
    const m = 400;
    const v = new Float64Array(m * m).fill(0.1);
    for (let a = 0; a < m; a++) v[a * m + a] = 0.5;
    const p = conditionalPce(v, m);
    expect(p[0]).toBeCloseTo(1 / m, 12);
  });

  it('a non-positive voting weight is an input error', () => {
    expect(() => vote('Proportional', 0, 1, 0)).toThrow(/positive/);
  });

  it('risk attitudes (Mid) span [-1/2, 1]: likeliest winner most risk-averse', () => {
    const r = riskFromProbabilities([0.1, 0.6, 0.3], 'Mid', false);
    expect(r[1]).toBeCloseTo(1, 15);
    expect(r[0]).toBeCloseTo(-0.5, 15);
    expect(riskFromProbabilities([0.1, 0.6, 0.3], 'Min', false)[0]).toBe(0);
    expect(riskFromProbabilities([0.1, 0.6, 0.3], 'Max', false)[0]).toBeCloseTo(-1, 15);
    expect(Array.from(riskFromProbabilities([0.5, 0.5], 'Mid', false))).toEqual([0, 0]);
    expect(() => riskFromProbabilities([0.5, 0.5], 'Mid', true)).toThrow(/risk attitudes/);
    expect(estimateRisk(0.9, 0.3, 'OneThird')).toBeCloseTo(0.7, 15);
    expect(estimateRisk(0.9, 0.3, 'Full')).toBe(0.3);
  });

  it('challenging an actor at your own position gains nothing', () => {
    const n = 3;
    const u = new Float64Array([1, 1, 0.4, 1, 1, 0.4, 0.3, 0.3, 1]);
    const ctx = {
      n,
      salientPower: new Float64Array([1, 1, 1]),
      totalSalience: new Float64Array([0.5, 0.5, 0.5]),
      rule: 'Proportional' as const,
      commit: 'SemiCommit' as const,
    };
    expect(probEduChallenge(ctx, u, 0, 0, 1)[1]).toBe(0);
    expect(probEduChallenge(ctx, u, 0, 0, 2)[1]).toBeGreaterThan(0);
  });

  it('S2P2 bargains sit between the two positions, nearer the likelier and more salient side', () => {
    const [bi, bj] = interpolateCoordinate('S2P2', 0.2, 0.5, 0.9, 0.8, 0.5, 0.1);
    expect(bi).toBeGreaterThanOrEqual(0.2);
    expect(bi).toBeLessThan(0.5);
    expect(Math.abs(bi - bj)).toBeLessThanOrEqual(1e-4 + 1e-12);
    const [mi] = interpolateCoordinate('S2PMax', 0.2, 0.5, 0.9, 0.8, 0.5, 0.1);
    expect(mi).toBe(0.2); // the stronger side does not move
  });
});

describe('runSmp', () => {
  it('records positions, probabilities, stop ratios and a log per turn', () => {
    const progress: number[] = [];
    const r = runSmp(small, { onTurn: (p) => progress.push(p.turn) });
    expect(r.turns).toBeGreaterThanOrEqual(2);
    expect(r.positions).toHaveLength(r.turns + 1);
    expect(r.positions[0]).toEqual(small.positions);
    expect(r.final).toEqual(r.positions[r.turns]);
    expect(r.stopRatioHistory).toHaveLength(r.turns);
    expect(r.log).toHaveLength(r.turns);
    expect(progress).toEqual(Array.from({ length: r.turns }, (_, t) => t + 1));
    for (const row of r.probHistory) expect(row).toHaveLength(r.turns + 1);
    // this scenario oscillates (D swings between A's and B's camps), so KTAB's rule stops it at 100
    if (r.stopReason === 'converged') expect(r.stopRatioHistory[r.turns - 1]).toBeLessThan(0.02);
    else expect(r.turns).toBe(100);
    // every move lands on the mover's side of a logged bargain
    r.log.forEach((entry, t) => {
      for (const m of entry.moves) {
        const after = r.positions[t + 1]![m.actor]!;
        if (m.challenge < 0) {
          expect(after).toEqual(r.positions[t]![m.actor]);
        } else {
          const c = entry.challenges[m.challenge]!;
          expect([c.initiator, c.target]).toContain(m.actor);
          expect(after).toEqual(c.initiator === m.actor ? c.initiatorPosition : c.targetPosition);
        }
      }
    });
    const fp = r.forecast;
    expect(fp.finalProb[fp.mostLikelyActor]).toBe(Math.max(...fp.finalProb));
    expect(fp.mostLikelyPosition).toEqual(r.final[fp.mostLikelyActor]);
  });

  it('every model switch runs and stays on the scale', () => {
    const variants: SmpOptions[] = [
      { victoryProbModel: 'Square' },
      { victoryProbModel: 'Quartic' },
      { victoryProbModel: 'Octic' },
      { victoryProbModel: 'Binary' },
      { pceModel: 'MarkovUniform' },
      { pceModel: 'MarkovIncentive' },
      { votingRule: 'Binary' },
      { votingRule: 'PropBin' },
      { votingRule: 'PropCbc' },
      { votingRule: 'Cubic' },
      { votingRule: 'ASymProsp' },
      { riskRange: 'Min' },
      { riskRange: 'Max' },
      { riskAdjust: 'None' },
      { riskAdjust: 'Half' },
      { riskAdjust: 'TwoThirds' },
      { riskAdjust: 'Full' },
      { thirdPartyCommit: 'NoCommit' },
      { thirdPartyCommit: 'FullCommit' },
      { bargainInterpolation: 'S1P1' },
      { bargainInterpolation: 'S2PMax' },
      { bargainModel: 'InitRcvrInterp' },
      { bargainModel: 'PWCompInterp' },
      { stateTransition: 'Stochastic', seed: 7 },
    ];
    for (const v of variants) {
      const r = runSmp(small, { ...v, maxTurns: 30 });
      for (const st of r.positions) for (const row of st) for (const x of row) expect(x >= 0 && x <= 100).toBe(true);
      expect(r.options).toMatchObject(v);
    }
  });

  it('Stochastic transitions are reproducible for a seed', () => {
    const a = runSmp(small, { stateTransition: 'Stochastic', seed: 3 });
    const b = runSmp(small, { stateTransition: 'Stochastic', seed: 3 });
    expect(a.positions).toEqual(b.positions);
  });

  it('Stochastic transitions differ between seeds and only take offered moves', () => {
    const runs = [1, 2, 3, 4, 5, 6].map((seed) => runSmp(small, { stateTransition: 'Stochastic', seed, maxTurns: 30 }));
    expect(new Set(runs.map((r) => JSON.stringify(r.positions))).size).toBeGreaterThan(1);
    for (const r of runs) {
      r.log.forEach((step, t) => {
        for (const m of step.moves) {
          const next = r.positions[t + 1]![m.actor]!;
          if (m.challenge < 0) expect(next).toEqual(r.positions[t]![m.actor]);
          else {
            const c = step.challenges[m.challenge]!;
            expect(next).toEqual(c.initiator === m.actor ? c.initiatorPosition : c.targetPosition);
          }
        }
      });
    }
  });

  it('shouldStop cancels before the next step; maxTurns caps the run', () => {
    const r = runSmp(small, { shouldStop: () => true });
    expect(r.turns).toBe(0);
    expect(r.stopReason).toBe('cancelled');
    const one = runSmp(small, { maxTurns: 1 });
    expect(one.turns).toBe(1);
    expect(one.stopReason).toBe('maxTurns');
  });

  it('handles a consensus (all at one point) and two-actor scenarios', () => {
    const same: SmpInput = { ...small, positions: small.positions.map(() => [40, 60]) };
    const r = runSmp(same);
    expect(r.turns).toBe(2);
    expect(r.final).toEqual(same.positions);
    expect(r.log[0]!.challenges).toEqual([]);
    expect(r.forecast.finalProb.every((p) => Math.abs(p - 1) < 1e-12)).toBe(true);
    expect(() => runSmp(same, { strict: true })).toThrow(/risk attitudes/);
    const two: SmpInput = { ...small, actors: small.actors.slice(0, 2), positions: small.positions.slice(0, 2), saliences: small.saliences.slice(0, 2) };
    const r2 = runSmp(two);
    for (const st of r2.positions) for (const row of st) for (const x of row) expect(x >= 0 && x <= 100).toBe(true);
  });

  it('rejects bad input with the place of the problem', () => {
    const place = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        if (isInputError(e)) return e.place;
        throw e;
      }
      return undefined;
    };
    const bad = (patch: Partial<SmpInput>) => () => runSmp({ ...small, ...patch });
    expect(place(bad({ actors: small.actors.map((a, i) => (i === 1 ? { ...a, power: 0 } : a)) }))).toBe('$.actors[1].power');
    expect(place(bad({ saliences: [[60, 50], ...small.saliences.slice(1)] }))).toBe('$.saliences[0]');
    expect(place(bad({ saliences: [[0, 0], ...small.saliences.slice(1)] }))).toBe('$.saliences[0]');
    expect(place(bad({ positions: [[20, 101], ...small.positions.slice(1)] }))).toBe('$.positions[0][1]');
    expect(place(bad({ positions: small.positions.slice(1) }))).toBe('$.positions');
    expect(place(() => runSmp(small, { pceModel: 'Nope' as never }))).toBe('pceModel');
    expect(place(() => runSmp(small, { maxTurns: 0 }))).toBe('maxTurns');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const scenarioArb = fc
  .record({
    n: fc.integer({ min: 3, max: 7 }),
    d: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ n, d }) =>
    fc.record({
      power: fc.array(fc.integer({ min: 100, max: 20000 }), { minLength: n, maxLength: n }),
      pos: fc.array(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      sal: fc.array(fc.array(fc.integer({ min: 1, max: Math.floor(10000 / d) }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
    }),
  )
  .map(
    ({ power, pos, sal }): SmpInput => ({
      name: 'prop',
      actors: power.map((p, i) => ({ name: `A${i}`, power: p / 100 })),
      dimensions: pos[0]!.map((_, k) => ({ name: `d${k}` })),
      positions: pos.map((row) => row.map((x) => x / 100)),
      saliences: sal.map((row) => row.map((x) => x / 100)),
    }),
  );

function groupingIsUnambiguous(state: number[][]): boolean {
  for (let i = 0; i < state.length; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.hypot(...state[i]!.map((x, k) => x - state[j]![k]!));
      if (d > 0 && d < 0.25) return false;
    }
  }
  return true;
}

function permuteInput(input: SmpInput, perm: number[]): SmpInput {
  return {
    ...input,
    actors: perm.map((i) => input.actors[i]!),
    positions: perm.map((i) => input.positions[i]!),
    saliences: perm.map((i) => input.saliences[i]!),
  };
}

describe('SMP properties', () => {
  it('positions stay on 0..100, bargains are quantised to 0.01, probabilities in [0,1]', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = runSmp(input, { maxTurns: 40 });
        for (let t = 0; t < r.positions.length; t++) {
          for (const row of r.positions[t]!) {
            for (const x of row) {
              expect(x >= 0 && x <= 100).toBe(true);
              if (t > 0) expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-6);
            }
          }
        }
        for (const row of r.probHistory) for (const p of row) expect(p >= 0 && p <= 1).toBe(true);
        expect(r.turns).toBeLessThanOrEqual(40);
      }),
      { seed: 20261127, numRuns: 40 },
    );
  });

  it('identical actors yield identical paths (symmetric tie-break)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (input, pick) => {
        const n = input.actors.length;
        const src = pick % n;
        const twin: SmpInput = {
          ...input,
          actors: [...input.actors, { ...input.actors[src]!, name: 'twin' }],
          positions: [...input.positions, [...input.positions[src]!]],
          saliences: [...input.saliences, [...input.saliences[src]!]],
        };
        const r = runSmp(twin, { tieBreak: 'symmetric', maxTurns: 40 });
        for (const st of r.positions) expect(st[n]).toEqual(st[src]);
        for (const row of r.probHistory[n]!.keys()) expect(r.probHistory[n]![row]).toBeCloseTo(r.probHistory[src]![row]!, 12);
      }),
      { seed: 4242, numRuns: 40 },
    );
  });

  it('permuting actors permutes the results', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (input, rot) => {
        const n = input.actors.length;
        const perm = Array.from({ length: n }, (_, i) => (i * 1 + rot) % n).reverse();
        const a = runSmp(input, { tieBreak: 'symmetric', maxTurns: 40 });
        const b = runSmp(permuteInput(input, perm), { tieBreak: 'symmetric', maxTurns: 40 });
        expect(b.turns).toBe(a.turns);
        for (let t = 0; t <= a.turns; t++) {
          for (let i = 0; i < n; i++) {
            const pa = a.positions[t]![perm[i]!]!;
            b.positions[t]![i]!.forEach((x, k) => expect(Math.abs(x - pa[k]!)).toBeLessThan(1e-9));
          }
          // Positions closer than 1e-3 on [0,1] (0.1 here) are grouped into one option in scan order
          // (KTAB's rule, not transitive), so win probabilities are comparable only where the
          // grouping is unambiguous.
          if (!groupingIsUnambiguous(a.positions[t]!)) continue;
          for (let i = 0; i < n; i++) expect(b.probHistory[i]![t]).toBeCloseTo(a.probHistory[perm[i]!]![t]!, 9);
        }
      }),
      { seed: 777, numRuns: 40 },
    );
  });

  it('with distinct actors the default (KTAB) tie-break is permutation-invariant too', () => {
    const distinct = scenarioArb.filter((input) => {
      const keys = input.positions.map((p) => p.join(','));
      return new Set(keys).size === keys.length;
    });
    fc.assert(
      fc.property(distinct, (input) => {
        const n = input.actors.length;
        const perm = Array.from({ length: n }, (_, i) => n - 1 - i);
        const a = runSmp(input, { maxTurns: 40 });
        const b = runSmp(permuteInput(input, perm), { maxTurns: 40 });
        expect(b.turns).toBe(a.turns);
        for (let i = 0; i < n; i++) b.final[i]!.forEach((x, k) => expect(Math.abs(x - a.final[perm[i]!]![k]!)).toBeLessThan(1e-9));
      }),
      { seed: 99, numRuns: 30 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expect(runSmp(input, { maxTurns: 20 })).toEqual(runSmp(input, { maxTurns: 20 }));
      }),
      { seed: 5, numRuns: 15 },
    );
  });
});

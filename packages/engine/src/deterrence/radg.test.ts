/**
 * Rudimentary Asymmetric Deterrence Game: Zagare & Kilgour (2000), Perfect Deterrence, sec. 3.4,
 * fig. 3.7 and app. A3 (y_H = 1, y_S = 0 at any Bayesian equilibrium; A demands iff p_B < c_A).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { radg, radgThreshold } from './radg';
import { verifyAgainstEngine } from './verify';
import { reducedNormalForm } from '../games/reduced-normal-form';
import { pureNashProfileIndices } from '../games/enum-pure';
import { isInputError } from '../errors';

describe('RADG (Z&K 2000, sec. 3.4, fig. 3.7, app. A3)', () => {
  const paper = { a_DD: 0, a_SQ: 0.6, a_DC: 1 };

  it('has c_A = (a_DC - a_SQ)/(a_DC - a_DD) = 0.4 for a_DD = 0, a_SQ = 0.6, a_DC = 1', () => {
    expect(radgThreshold(paper)).toBeCloseTo(0.4, 12);
    expect(radg.solve(paper).thresholds.c_A).toBeCloseTo(0.4, 12);
  });

  it('p_B = 0.5 > c_A: deterrence holds, outcome SQ', () => {
    const res = radg.solve({ ...paper, p_B: 0.5 });
    expect(res.equilibria).toHaveLength(1);
    expect(res.equilibria[0]!.outcomes).toEqual({ SQ: 1 });
    expect(res.equilibria[0]!.strategies).toEqual({ x: 0, y_H: 1, y_S: 0 });
    expect(res.sides[0]!.side).toBe('above');
  });

  it('p_B = 0.3 < c_A: A demands; DD with probability 0.3, DC with 0.7', () => {
    const res = radg.solve({ ...paper, p_B: 0.3 });
    expect(res.equilibria).toHaveLength(1);
    expect(res.equilibria[0]!.kind).toBe('Attack Equilibrium');
    expect(res.equilibria[0]!.outcomes.DD).toBeCloseTo(0.3, 12);
    expect(res.equilibria[0]!.outcomes.DC).toBeCloseTo(0.7, 12);
    expect(res.sides[0]!.side).toBe('below');
  });

  it('agrees with the game engine at the paper example (both sides of c_A)', () => {
    for (const p_B of [0.3, 0.5]) {
      const v = verifyAgainstEngine('radg', { ...paper, p_B });
      expect(v.enginePure).toEqual(v.closedFormPure);
      expect(v.reported.length).toBeGreaterThan(0); // every finite game has an equilibrium: an empty list must not pass vacuously
      for (const r of v.reported) {
        expect(r.maxGain).toBeLessThanOrEqual(1e-9);
        expect(r.sequentialFailures).toEqual([]);
      }
    }
  });

  it('needs the perfect Bayesian selection: the engine finds Nash equilibria with incredible threats', () => {
    // With p_B = 0.3 "A stays put, B threatens to resist whatever its type" is Nash but not perfect.
    const rnf = reducedNormalForm(radg.build({ ...paper, p_B: 0.3 }));
    const nash = pureNashProfileIndices(rnf.game);
    const v = verifyAgainstEngine('radg', { ...paper, p_B: 0.3 });
    expect(nash.length).toBeGreaterThan(v.enginePure.length);
  });

  it('closed form = engine for random parameters satisfying the orderings (property)', () => {
    const arb = fc
      .record({ a: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }), b: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }), p: fc.integer({ min: 0, max: 100 }) })
      .filter(({ a, b }) => new Set(a).size === 3 && new Set(b).size === 4);
    fc.assert(
      fc.property(arb, ({ a, b, p }) => {
        const [aDD, aSQ, aDC] = [...a].sort((x, y) => x - y).map((x) => x / 1000);
        const [bDDs, bDC, bDDh, bSQ] = [...b].sort((x, y) => x - y).map((x) => x / 1000);
        const params = { a_DD: aDD!, a_SQ: aSQ!, a_DC: aDC!, b_DD_soft: bDDs!, b_DC: bDC!, b_DD_hard: bDDh!, b_SQ: bSQ!, p_B: p / 100 };
        const v = verifyAgainstEngine('radg', params);
        for (const r of v.reported) expect(r.maxGain).toBeLessThanOrEqual(1e-9);
        if (Math.abs(params.p_B - radgThreshold(params)) > 1e-9) expect(v.enginePure).toEqual(v.closedFormPure);
        const res = radg.solve(params);
        for (const e of res.equilibria) expect(Object.values(e.outcomes).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      }),
      { seed: 4242, numRuns: 40 },
    );
  });

  it('rejects a violated ordering, naming the pair, and a probability outside [0, 1]', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as Error & { place?: string };
      }
      throw new Error('expected an error');
    };
    const e1 = err(() => radg.solve({ a_SQ: 1.2 }));
    expect(isInputError(e1)).toBe(true);
    expect(e1.place).toBe('a_SQ < a_DC');
    const e2 = err(() => radg.solve({ p_B: 1.5 }));
    expect(e2.place).toBe('p_B');
    const e3 = err(() => radg.solve({ b_DD_hard: 0.3 }));
    expect(e3.place).toBe('b_DC < b_DD_hard');
    expect(err(() => radg.solve({ nonsense: 1 })).place).toBe('nonsense');
  });
});

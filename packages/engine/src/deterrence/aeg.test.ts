/**
 * Asymmetric Escalation Game: Zagare & Kilgour (2000), Perfect Deterrence, ch. 6 (complete
 * information, fig. 6.3), app. A1.4 and A8 (orderings, incomplete information).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aeg, aegReports, aegThresholds, aegParams } from './aeg';
import { verifyAgainstEngine } from './verify';
import { isInputError } from '../errors';

const type = (t: 'HH' | 'HS' | 'SH' | 'SS') => ({ p_HH: t === 'HH' ? 1 : 0, p_HS: t === 'HS' ? 1 : 0, p_SH: t === 'SH' ? 1 : 0, p_SS: t === 'SS' ? 1 : 0 });

describe('AEG, complete information (Z&K 2000, ch. 6, fig. 6.3: backward induction under the orderings)', () => {
  // Against a Hard Challenger only a Defender Hard at both levels deters; every Defender deters a Soft one.
  const cases: [number, 'HH' | 'HS' | 'SH' | 'SS', Record<string, number>][] = [
    [1, 'HH', { SQ: 1 }],
    [1, 'HS', { DC: 1 }],
    [1, 'SH', { DC: 1 }],
    [1, 'SS', { DC: 1 }],
    [0, 'HH', { SQ: 1 }],
    [0, 'HS', { SQ: 1 }],
    [0, 'SH', { SQ: 1 }],
    [0, 'SS', { SQ: 1 }],
  ];
  for (const [pCh, t, expected] of cases) {
    it(`${pCh ? 'Hard' : 'Soft'} Challenger vs ${t} Defender -> ${Object.keys(expected).join()}`, () => {
      const res = aeg.solve({ p_Ch: pCh, ...type(t) }, { fast: true });
      expect(res.equilibria.length).toBeGreaterThan(0);
      for (const e of res.equilibria) {
        const rounded = Object.fromEntries(Object.entries(e.outcomes).map(([k, v]) => [k, Number(v.toFixed(9))]));
        expect(rounded).toEqual(expected);
      }
    });
  }

  it('agrees with the game engine (reduced normal form, enumpure, perfect Bayesian selection)', () => {
    for (const [pCh, t] of [
      [1, 'HS'],
      [1, 'HH'],
    ] as const) {
      const v = verifyAgainstEngine('aeg', { p_Ch: pCh, ...type(t) });
      expect(v.enginePure).toEqual(v.closedFormAll);
    }
  });
});

describe('AEG, incomplete information (Z&K 2000, app. A8)', () => {
  it('every reported equilibrium is a perfect Bayesian equilibrium of the built game (property)', () => {
    const probs = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }).filter((a) => a.some((x) => x > 0));
    fc.assert(
      fc.property(probs, fc.integer({ min: 0, max: 20 }), (w, ch) => {
        const total = w.reduce((s, x) => s + x, 0);
        const params = { p_HH: w[0]! / total, p_HS: w[1]! / total, p_SH: w[2]! / total, p_SS: w[3]! / total, p_Ch: ch / 20 };
        const v = verifyAgainstEngine('aeg', params, { engine: false });
        expect(v.reported.length).toBeGreaterThan(0); // every finite game has an equilibrium: an empty list must not pass vacuously
        for (const r of v.reported) {
          expect(r.maxGain).toBeLessThanOrEqual(1e-7);
          expect(r.sequentialFailures).toEqual([]);
        }
        for (const e of aegReports(params).equilibria) expect(Object.values(e.outcomes).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      }),
      { seed: 20250901, numRuns: 60 },
    );
  });

  it('pure equilibria agree with the engine at interior points', () => {
    const points: Record<string, number>[] = [{}, { p_Ch: 0.8 }, { p_HH: 0.5, p_HS: 0.1, p_SH: 0.2, p_SS: 0.2, p_Ch: 0.3 }];
    for (const params of points) {
      const v = verifyAgainstEngine('aeg', params);
      for (const k of v.closedFormPure) expect(v.enginePure).toContain(k);
      for (const k of v.enginePure) expect(v.closedFormAll).toContain(k);
    }
  });

  it('thresholds follow the orderings: q_soft < q_hard and r_hard > r_soft, all in (0, 1)', () => {
    const th = aegThresholds(aegParams({}));
    expect(th.q_soft).toBeLessThan(th.q_hard);
    expect(th.r_soft).toBeLessThan(th.r_hard);
    for (const v of Object.values(th)) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('p_HH_min separates certain deterrence from possible failure', () => {
    const res = aeg.solve({});
    const need = res.thresholds.p_HH_min!;
    expect(need).toBeGreaterThan(0);
    expect(need).toBeLessThan(1);
    const at = (v: number) => {
      const rest = 1 - v;
      return aegReports({ p_HH: v, p_HS: (rest * 0.3) / 0.8, p_SH: (rest * 0.2) / 0.8, p_SS: (rest * 0.3) / 0.8 }).equilibria;
    };
    for (const e of at(Math.min(1, need + 0.01))) expect(e.outcomes).toEqual({ SQ: 1 });
    expect(at(need - 0.01).some((e) => (e.outcomes.SQ ?? 0) < 1)).toBe(true);
  });

  it('rejects violated orderings and probabilities that do not sum to 1, naming them', () => {
    const placeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        expect(isInputError(e)).toBe(true);
        return (e as { place?: string }).place;
      }
      return 'no error';
    };
    expect(placeOf(() => aeg.solve({ c_DD: 0.7 }))).toBe('c_DD < c_ED');
    expect(placeOf(() => aeg.solve({ d_EE_hard: 0.05 }))).toBe('d_ED < d_EE_hard');
    expect(placeOf(() => aeg.solve({ p_HH: 0.5 }))).toBe('p_HH+p_HS+p_SH+p_SS');
    expect(placeOf(() => aeg.solve({ p_Ch: -0.1 }))).toBe('p_Ch');
  });
});

/** Generalized Mutual Deterrence Game (Kilgour & Zagare 1991; Z&K 2000, ch. 4): closed form vs the engine. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gmdg, gmdgThresholds } from './gmdg';
import { verifyAgainstEngine } from './verify';
import { expectAgreesWithEngine } from '../../test/deterrence-agreement';

describe('Generalized Mutual Deterrence Game (Kilgour & Zagare 1991)', () => {
  it('mutual deterrence holds when each side is credible beyond the other side\'s thresholds', () => {
    const res = gmdg.solve({ p_A: 0.9, p_B: 0.9 });
    const th = gmdgThresholds(res.parameters);
    expect(0.9).toBeGreaterThan(th.c_A_soft);
    const md = res.equilibria.find((e) => e.kind === 'Mutual Deterrence Equilibrium');
    expect(md?.outcomes).toEqual({ SQ: 1 });
  });

  it('a low status-quo value undermines deterrence even with a credible threat (PDT headline)', () => {
    const high = gmdg.solve({ p_A: 0.9, p_B: 0.9 });
    const low = gmdg.solve({ p_A: 0.9, p_B: 0.9, a_SQ: 0.45, b_SQ: 0.45 });
    expect(gmdgThresholds(low.parameters).c_A_soft).toBeGreaterThan(gmdgThresholds(high.parameters).c_A_soft);
    expect(low.equilibria.some((e) => (e.outcomes.SQ ?? 0) < 1)).toBe(true);
  });

  it('where the refined beliefs leave no equilibrium, the weak equilibrium is flagged and checks as weak PBE', () => {
    const res = gmdg.solve({ p_A: 0.425, p_B: 0.7 });
    expect(res.equilibria.length).toBeGreaterThan(0);
    for (const e of res.equilibria) expect(e.note).toMatch(/^weak perfect Bayesian/);
    const v = verifyAgainstEngine('gmdg', { p_A: 0.425, p_B: 0.7 });
    for (const r of v.reported) expect(r.sequentialFailures).toEqual([]);
    expect(v.enginePure).toEqual([]); // none under the refined beliefs, as the solver says
  });

  it('closed form agrees with the engine on random credibilities (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 45, max: 80 }), (a, b, sq) => {
        const params = { p_A: a / 20, p_B: b / 20, a_SQ: sq / 100, b_SQ: sq / 100 };
        const v = verifyAgainstEngine('gmdg', params);
        expectAgreesWithEngine(v);
      }),
      { seed: 11, numRuns: 30 },
    );
  });
});

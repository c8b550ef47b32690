/** Extended deterrence with a protégé (after Zagare & Kilgour 2003; Quackenbush 2006): closed form vs the engine. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extended } from './extended';
import { verifyAgainstEngine } from './verify';

describe('Extended deterrence with a protégé', () => {
  it('c_Ch = (c_DP - c_SQ)/(c_DP - c_DD) when the Protégé would resist alone and the Challenger would fight', () => {
    const res = extended.solve({});
    const p = res.parameters;
    expect(res.thresholds.c_Ch).toBeCloseTo((p.c_DP! - p.c_SQ!) / (p.c_DP! - p.c_DD!), 12);
    expect(extended.solve({ p_Def: res.thresholds.c_Ch! + 0.05 }).equilibria[0]!.outcomes).toEqual({ SQ: 1 });
    const attack = extended.solve({ p_Def: res.thresholds.c_Ch! - 0.05 }).equilibria[0]!;
    expect(attack.kind).toBe('Challenge Equilibrium');
    expect(attack.outcomes.DD).toBeCloseTo(res.thresholds.c_Ch! - 0.05, 12);
  });

  it('a Protégé able to resist alone lowers the credibility the Defender needs', () => {
    const alone = extended.solve({ e_DP: 0.3, e_DC: 0.2 }).thresholds.c_Ch!;
    const yields = extended.solve({ e_DP: 0.1, e_DC: 0.2 }).thresholds.c_Ch!;
    expect(alone).toBeLessThan(yields);
  });

  it('agrees with the engine (property over p_Def and the Challenger\'s war value)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 10, max: 45 }), (a, cdd) => {
        const v = verifyAgainstEngine('extended', { p_Def: a / 20, c_DD: cdd / 100 });
        for (const r of v.reported) expect(r.maxGain).toBeLessThanOrEqual(1e-9);
        expect(v.enginePure).toEqual(v.closedFormAll);
      }),
      { seed: 3, numRuns: 25 },
    );
  });
});

/** Unilateral Deterrence Game (Zagare & Kilgour 2000, ch. 5, app. A5): closed form vs the game engine. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { udg, udgThresholds } from './udg';
import { verifyAgainstEngine } from './verify';
import { expectAgreesWithEngine } from '../../test/deterrence-agreement';

describe('Unilateral Deterrence Game (Z&K 2000, ch. 5)', () => {
  it('a credible Defender (p_Def above pi_hard) leaves only Certain Deterrence', () => {
    const res = udg.solve({ p_Def: 0.95 });
    expect(res.equilibria.map((e) => e.kind)).toEqual(['Certain Deterrence Equilibrium']);
  });

  it('the Bluff Equilibrium puts the Defender exactly at its indifference: r = r_Def, Pr(resist) = pi_soft', () => {
    const res = udg.solve({});
    const th = udgThresholds(res.parameters);
    const bluff = res.equilibria.find((e) => e.kind === 'Bluff Equilibrium')!;
    expect(bluff).toBeDefined();
    expect(bluff.beliefs!.r).toBeCloseTo(th.r_Def, 12);
    const pi = res.parameters.p_Def! + (1 - res.parameters.p_Def!) * bluff.strategies.y_soft!;
    expect(pi).toBeCloseTo(th.pi_soft, 12);
  });

  it('closed form agrees with the engine on random parameters (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 25, max: 45 }), (a, b, cdd) => {
        const params = { p_Ch: a / 20, p_Def: b / 20, c_DD_hard: cdd / 100 };
        const v = verifyAgainstEngine('udg', params);
        expectAgreesWithEngine(v);
      }),
      { seed: 7, numRuns: 30 },
    );
  });
});

/** Audience costs (Fearon 1997, tying hands vs sinking costs): closed form vs the engine. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { audienceCosts } from './audience-costs';
import { verifyAgainstEngine } from './verify';
import { expectAgreesWithEngine } from '../../test/deterrence-agreement';

describe('Audience costs (Fearon 1997)', () => {
  it('tying hands: with a > -w_soft a public threat commits every type and the Receiver backs off', () => {
    const res = audienceCosts.solve({ a: 0.6, w_soft: -0.5 });
    const commit = res.equilibria.find((e) => e.kind === 'Commitment (Tied Hands) Equilibrium');
    expect(commit).toBeDefined();
    expect(commit!.outcomes).toEqual({ BO: 1 });
  });

  it('without audience or sunk costs the threat is cheap talk: no separating equilibrium', () => {
    const res = audienceCosts.solve({ a: 0, m: 0 });
    expect(res.equilibria.some((e) => e.kind === 'Separating Equilibrium')).toBe(false);
  });

  it('sinking costs: m >= v (with a below a_star) supports a separating equilibrium', () => {
    const res = audienceCosts.solve({ a: 0.1, m: 1.1, v: 1, w_hard: 0.3, p_S: 0.3, r_win: 0.5, r_war: -1 });
    expect(res.equilibria.map((e) => e.kind)).toContain('No-Signal Equilibrium');
  });

  it('agrees with the engine (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 10 }), (a, m, p) => {
        // w_soft = -0.55 keeps a (in tenths) off the knife-edge a = a_star.
        const v = verifyAgainstEngine('audience', { a: a / 10, m: m / 10, p_S: p / 10, w_soft: -0.55 });
        expectAgreesWithEngine(v);
      }),
      { seed: 1997, numRuns: 30 },
    );
  });
});

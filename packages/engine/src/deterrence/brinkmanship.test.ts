/**
 * Brinkmanship (Schelling 1960, ch. 8; Dixit, Skeath & Reiley, Games of Strategy, ch. 14, the Cuban
 * missile crisis with a probabilistic threat; Powell 1987 resolve).
 */
import { describe, expect, it } from 'vitest';
import { brinkmanship, brinkmanshipThresholds } from './brinkmanship';
import { verifyAgainstEngine } from './verify';

describe('Brinkmanship (Schelling; Dixit, Skeath & Reiley ch. 14; Powell)', () => {
  it("DSR's acceptability condition with US payoffs comply 1, defy -2, war -10: q <= 0.375 (1 - p)/p", () => {
    for (const p of [0.2, 0.5, 0.8]) expect(brinkmanshipThresholds({ ...defaults(), p }).q_max).toBeCloseTo((0.375 * (1 - p)) / p, 12);
    expect(brinkmanshipThresholds({ ...defaults(), p: 0.5 }).q_max).toBeCloseTo(0.375, 12);
  });

  it('the certain threat (q = 1) is acceptable iff p <= 3/11 = r_Def (Powell resolve of the Defender)', () => {
    const th = brinkmanshipThresholds(defaults());
    expect(th.r_Def).toBeCloseTo(3 / 11, 12);
    expect(brinkmanship.solve({ q: 1, p: 0.27 }).equilibria[0]!.kind).toBe('Effective Threat Equilibrium');
    expect(brinkmanship.solve({ q: 1, p: 0.28 }).equilibria[0]!.kind).toBe('No-Threat Equilibrium');
  });

  it('the window at p = 1/2 is [1/3, 0.375]: inside it the threat is made and works', () => {
    const th = brinkmanshipThresholds(defaults());
    expect(th.q_min).toBeCloseTo(1 / 3, 12);
    expect(brinkmanship.solve({ q: 0.3 }).equilibria[0]!.kind).toBe('No-Threat Equilibrium');
    const inside = brinkmanship.solve({ q: 0.35 }).equilibria[0]!;
    expect(inside.kind).toBe('Effective Threat Equilibrium');
    expect(inside.outcomes.WAR).toBeCloseTo(0.5 * 0.35, 12);
    expect(brinkmanship.solve({ q: 0.4 }).equilibria[0]!.kind).toBe('No-Threat Equilibrium');
  });

  it('agrees with the game engine', () => {
    for (const q of [0.1, 0.35, 0.9]) {
      const v = verifyAgainstEngine('brinkmanship', { q });
      expect(v.enginePure).toEqual(v.closedFormAll);
    }
  });
});

function defaults(): Record<string, number> {
  return Object.fromEntries(brinkmanship.parameters.map((p) => [p.name, p.default]));
}

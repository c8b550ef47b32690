/** The result over the plausible parameter space: shares, drivers, determinism, words. */
import { describe, expect, it } from 'vitest';
import { analyseDeterrence, prepareDeterrence } from './analysis';
import { deterrenceUncertainty, groundsOf } from './uncertainty';
import { radg, radgThreshold } from './radg';
import { aeg } from './aeg';
import { isInputError } from '../errors';

const radgDefaults = Object.fromEntries(radg.parameters.map((p) => [p.name, p.default]));
const only = (ranges: Record<string, [number, number]>) => ({ ...Object.fromEntries(radg.parameters.map((p) => [p.name, [p.default, p.default] as [number, number]])), ...ranges });

describe('deterrence over the plausible parameter space', () => {
  it('RADG with only p_B uncertain (uniform on [0, 1]): deterrence holds on the share 1 - c_A of the draws', () => {
    const cA = radgThreshold(radgDefaults); // 0.4
    const u = deterrenceUncertainty(radg, radgDefaults, { samples: 4000, seed: 3, shape: 'uniform', ranges: only({ p_B: [0, 1] }) });
    expect(u.samples).toBe(4000);
    expect(u.holds).toBeGreaterThan(1 - cA - 0.03);
    expect(u.holds).toBeLessThan(1 - cA + 0.03);
    expect(u.holds + u.failsSurely).toBeCloseTo(1, 12); // the RADG has one equilibrium: it holds or fails
    expect(Math.abs(u.holds - (1 - cA))).toBeLessThan(u.holdsMargin + 0.01);
    // The conclusion turns on p_B alone, and a higher credibility is safer.
    expect(u.drivers.map((d) => d.parameter)).toEqual(['p_B']);
    expect(u.drivers[0]!.eta2).toBeGreaterThan(0.9);
    expect(u.drivers[0]!.rho).toBeLessThan(-0.8);
    expect(u.summary).toMatch(/turns most on p_B/);
  });

  it('two parameters: the one that moves the threshold more explains more of the spread', () => {
    // c_A = (a_DC - a_SQ)/(a_DC - a_DD): a_SQ over [0.1, 0.9] moves it from 0.9 to 0.1; b_DC does not enter.
    const u = deterrenceUncertainty(radg, radgDefaults, { samples: 2000, seed: 5, shape: 'uniform', ranges: only({ p_B: [0, 1], a_SQ: [0.1, 0.9], b_DC: [0.2, 0.5] }) });
    const names = u.drivers.map((d) => d.parameter);
    expect(names).toContain('p_B');
    expect(names).toContain('a_SQ');
    expect(names).not.toContain('b_DC');
    const aSQ = u.drivers.find((d) => d.parameter === 'a_SQ')!;
    expect(aSQ.rho).toBeLessThan(0); // a better status quo for A makes deterrence easier
  });

  it('is deterministic in the seed and changes with it', () => {
    const opts = { samples: 300, shape: 'pert' as const, ranges: Object.fromEntries(aeg.parameters.map((p) => [p.name, p.range])) };
    const base = Object.fromEntries(aeg.parameters.map((p) => [p.name, p.default]));
    const a = deterrenceUncertainty(aeg, base, { ...opts, seed: 11 });
    const b = deterrenceUncertainty(aeg, base, { ...opts, seed: 11 });
    const c = deterrenceUncertainty(aeg, base, { ...opts, seed: 12 });
    expect(b).toEqual(a);
    expect(c.worst).not.toEqual(a.worst);
    // Probability groups are renormalised: every draw is a valid AEG point (nothing rejected for the sum).
    expect(a.samples).toBe(300);
  });

  it('draws that break the orderings are outside the model: counted and replaced', () => {
    // a_DC drawn from [0.5, 1] falls below a_SQ = 0.6 in a fifth of the draws (a_SQ < a_DC broken).
    const u = deterrenceUncertainty(radg, radgDefaults, { samples: 500, seed: 2, shape: 'uniform', ranges: only({ a_DC: [0.5, 1] }) });
    expect(u.rejected).toBeGreaterThan(0);
    expect(u.samples).toBe(500);
    expect(u.summary).toMatch(/broke the model's orderings/);
  });

  it('names where each value comes from: the support grade when the citation has one, else cited or assumed', () => {
    expect(groundsOf(undefined)).toBe('default');
    expect(groundsOf({ value: 1, range: [0, 1], assumption: 'x' })).toBe('assumed');
    expect(groundsOf({ value: 1, cite: { source: 's', quote: 'q' } } as never)).toBe('cited');
    expect(groundsOf({ value: 1, cite: { source: 's', quote: 'q', support: 'implies' } } as never)).toBe('implies');
  });

  it('is an analysis kind of the one path: samples are checked with their place', () => {
    const setup = prepareDeterrence(null, { model: 'radg' });
    const out = analyseDeterrence(setup, { kind: 'uncertainty', samples: 200, seed: 1 });
    expect(out.kind).toBe('uncertainty');
    try {
      analyseDeterrence(setup, { kind: 'uncertainty', samples: 0 }, {}, (f) => `$.options.${f}`);
      expect.unreachable();
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      expect((e as { place?: string }).place).toBe('$.options.uncertainty.samples');
    }
  });
});

/**
 * The sources' own statements about results, beyond the game forms of
 * published-results.test.ts: each test quotes the statement it checks and says where it was read.
 * The primary texts (the book's appendices, the articles' model sections) were not reachable; these
 * statements come from abstracts, publishers' summaries, an encyclopedia entry by the model's author
 * and a textbook exercise. docs/deterrence.md lists every row with its test.
 *
 *  [ORE]   Zagare, "Perfect Deterrence Theory", Oxford Research Encyclopedia of Politics (2016), summary:
 *          http://politics.oxfordre.com/view/10.1093/acrefore/9780190228637.001.0001/acrefore-9780190228637-e-555
 *          "credible threats are neither necessary nor sufficient for deterrence to prevail ... status quo
 *          evaluations are also important strategic variables."
 *  [WP95]  Z&K, World Politics 47(3):373-417, 1995, abstract (https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/22781995):
 *          "Within the confines of the model, therefore, limited or substrategic wars are possible but unlikely."
 *  [SYN94] Kilgour & Zagare, "Uncertainty and the role of the pawn in extended deterrence", Synthese
 *          100(3):379-412, 1994, abstract (https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/22669755):
 *          "an Extended Deterrence Game always has a unique Perfect Bayesian Equilibrium with a rather simple
 *          form. A challenger initiates for certain if the pawn is valuable enough to it and never challenges
 *          otherwise. Likewise, a defender always resists if the pawn is valuable enough and never resists otherwise."
 *  [POW]   Powell, "Nuclear brinkmanship and military power", Waltz lecture abstract (2013), the lecture version of
 *          "Nuclear brinkmanship, limited war, and military power", IO 69(3), 2015
 *          (https://www.siwps.org/events/fifth-annual-kenneth-n-waltz-lecture-in-international-relations-nuclear-brinkmanship-and-military-power/):
 *          "there are no brinkmanship crises when the balance of resolve is certain ... uncertainty about the
 *          balance of resolve can lead to brinkmanship crises in which ... the states run a high risk that the
 *          crisis will go out of control."
 *  [DSR]   Dixit, Skeath & Reiley, Games of Strategy, ch. 14 exercise (https://nursing.amaze1990.com/in-the-chapter-we-argue-that-the-payoff-to-the-united-states-is-210-when-either-type-soviets-defy/):
 *          "If Kennedy was correct in believing that p lay between 1/3 and 1/2, does your analysis ... suggest
 *          that an effective and acceptable probabilistic threat existed?" (for the chapter's payoffs: yes).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index';
import { radg, radgThreshold } from './radg';
import { aeg } from './aeg';
import { extended } from './extended';
import { brinkmanship, brinkmanshipThresholds } from './brinkmanship';

describe('RADG: "credible threats are neither necessary nor sufficient"; status quo evaluations matter [ORE]', () => {
  it('not sufficient: a Defender that is Hard with probability 0.9 fails to deter a Challenger that values the status quo little', () => {
    const credible = { p_B: 0.9 };
    expect(radg.solve({ ...credible, a_SQ: 0.6 }).equilibria[0]!.kind).toBe('Deterrence Equilibrium');
    const dissatisfied = { ...credible, a_SQ: 0.05 }; // c_A = (1 - 0.05)/(1 - 0) = 0.95 > 0.9
    expect(radgThreshold({ ...radg.solve({}).parameters, ...dissatisfied })).toBeCloseTo(0.95, 12);
    expect(radg.solve(dissatisfied).equilibria[0]!.kind).toBe('Attack Equilibrium');
  });

  it('status quo evaluations: the credibility needed, c_A, falls as the Challenger values the status quo more', () => {
    let last = Number.POSITIVE_INFINITY;
    for (let aSQ = 0.05; aSQ < 0.99; aSQ += 0.05) {
      const cA = radgThreshold({ ...radg.solve({}).parameters, a_SQ: aSQ });
      expect(cA).toBeLessThan(last);
      last = cA;
    }
  });
});

describe('AEG: "limited or substrategic wars are possible but unlikely" [WP95]', () => {
  it('over 3,000 random points satisfying the orderings, limited war (DD) occurs in some equilibria but carries little probability', () => {
    const rng = createRng(1995);
    const sorted = (n: number) => Array.from({ length: n }, () => rng.next()).sort((a, b) => a - b);
    let withDD = 0;
    let eqs = 0;
    const mass = { SQ: 0, DC: 0, DD: 0 };
    const points = 3000;
    for (let i = 0; i < points; i++) {
      const c = sorted(7);
      const d = sorted(8);
      const w = [rng.next(), rng.next(), rng.next(), rng.next()];
      const s = w.reduce((a, b) => a + b, 0);
      const p = {
        c_EE_soft: c[0]!, c_DE: c[1]!, c_EE_hard: c[2]!, c_DD: c[3]!, c_ED: c[4]!, c_SQ: c[5]!, c_DC: c[6]!,
        d_EE_soft: d[0]!, d_ED: d[1]!, d_EE_hard: d[2]!, d_DD_soft: d[3]!, d_DC: d[4]!, d_DD_hard: d[5]!, d_DE: d[6]!, d_SQ: d[7]!,
        p_Ch: rng.next(), p_HH: w[0]! / s, p_HS: w[1]! / s, p_SH: w[2]! / s, p_SS: 1 - (w[0]! + w[1]! + w[2]!) / s,
      };
      const res = aeg.solve(p, { fast: true });
      if (res.equilibria.some((e) => (e.outcomes.DD ?? 0) > 0)) withDD++;
      for (const e of res.equilibria) {
        eqs++;
        for (const k of ['SQ', 'DC', 'DD'] as const) mass[k] += e.outcomes[k] ?? 0;
      }
    }
    // Possible: a limited war is on the path of some equilibrium at a good share of the points ...
    expect(withDD / points).toBeGreaterThan(0.1);
    // ... but unlikely: its mean probability is small, below the status quo's and the concession's.
    const meanDD = mass.DD / eqs;
    expect(meanDD).toBeLessThan(0.1);
    expect(meanDD).toBeLessThan(mass.SQ / eqs);
    expect(meanDD).toBeLessThan(mass.DC / eqs);
  });
});

describe('Extended deterrence (simplified): "a unique perfect Bayesian equilibrium with a rather simple form" [SYN94]', () => {
  it('away from ties there is exactly one equilibrium, in pure strategies, at random points', () => {
    const rng = createRng(94);
    const ranges = Object.fromEntries(extended.parameters.map((p) => [p.name, p.range]));
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const p = Object.fromEntries(Object.entries(ranges).map(([k, [lo, hi]]) => [k, lo + rng.next() * (hi - lo)]));
      let res;
      try {
        res = extended.solve(p);
      } catch {
        continue; // outside the orderings
      }
      checked++;
      expect(res.equilibria).toHaveLength(1);
      const s = res.equilibria[0]!.strategies;
      for (const v of Object.values(s)) expect([0, 1]).toContain(v);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the Challenger initiates iff the prize is valuable enough to it: one switch as its value of winning rises', () => {
    // c_DP is what the Challenger gets when the abandoned Protégé resists: its value of the pawn here.
    const kinds: string[] = [];
    for (let v = 0.61; v <= 0.99; v += 0.01) kinds.push(extended.solve({ c_DP: v, c_DC: 1 }).equilibria[0]!.kind);
    const switches = kinds.filter((k, i) => i > 0 && k !== kinds[i - 1]).length;
    expect(switches).toBe(1);
    expect(kinds[0]).toBe('Deterrence Equilibrium');
    expect(kinds[kinds.length - 1]).toBe('Challenge Equilibrium');
  });

  it('the Defender resists iff the protégé is valuable enough to it: Hard types (d_DD_hard > d_DC) resist, Soft ones do not', () => {
    const s = extended.solve({ p_Def: 0.9 }).equilibria[0]!.strategies;
    expect(s.y_hard).toBe(1);
    expect(s.y_soft).toBe(0);
  });
});

describe('Brinkmanship: "no brinkmanship crises when the balance of resolve is certain" [POW]; Kennedy\'s p in [1/3, 1/2] [DSR]', () => {
  // DSR's chapter payoffs for the US (comply 1, defy -2, war -10) and a Soft USSR that complies iff q >= 1/3.
  const dsr = { d_comply: 1, d_defy: -2, d_war: -10 };

  it('with the Challenger\'s resolve certain (p = 0 or 1) no equilibrium runs any risk of war; with it uncertain, the threat that works does', () => {
    for (const p of [0, 1]) {
      for (const q of [0.34, 0.5, 1]) {
        for (const e of brinkmanship.solve({ ...dsr, p, q }).equilibria) expect(e.outcomes.WAR ?? 0, `p = ${p}, q = ${q}`).toBe(0);
      }
    }
    const risky = brinkmanship.solve({ ...dsr, p: 0.4, q: 0.35 }).equilibria;
    expect(risky.map((e) => e.kind)).toEqual(['Effective Threat Equilibrium']);
    expect(risky[0]!.outcomes.WAR).toBeCloseTo(0.4 * 0.35, 12);
  });

  it('an effective and acceptable probabilistic threat exists for every p in [1/3, 1/2], and for none above 9/17', () => {
    for (let k = 0; k <= 20; k++) {
      const p = 1 / 3 + (k / 20) * (1 / 2 - 1 / 3);
      const th = brinkmanshipThresholds({ ...brinkmanship.solve({}).parameters, ...dsr, p });
      expect(th.q_min, `p = ${p}`).toBeLessThanOrEqual(th.q_max + 1e-12);
    }
    // q_max = 0.375 (1 - p)/p meets q_min = 1/3 at p = 9/17.
    const above = brinkmanshipThresholds({ ...brinkmanship.solve({}).parameters, ...dsr, p: 9 / 17 + 0.01 });
    expect(above.q_min).toBeGreaterThan(above.q_max);
  });
});

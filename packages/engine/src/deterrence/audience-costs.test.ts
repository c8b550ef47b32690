/**
 * Audience costs and sunk costs (after Fearon 1994, 1997): the separating equilibria where the
 * conditions hold, the articles' stated results, and the closed form against the game engine.
 *
 * Sources (read: the articles' abstracts; their model sections were not reachable):
 *  [F97] Fearon, "Signaling foreign policy interests: tying hands versus sinking costs", JCR 41(1):68-90,
 *        1997, abstract: "Leaders might either (a) tie hands by creating audience costs that they will
 *        suffer ex post if they do not follow through on their threat or commitment ... or (b) sink costs
 *        by taking actions such as mobilizing troops that are financially costly ex ante ... in the
 *        games' equilibria, leaders never bluff with either type of signal; they do not incur or create
 *        costs and then fail to respond if challenged. Second, leaders do better on average by tying
 *        hands, despite the fact that the ability to do so creates a greater ex ante risk of war than
 *        does the use of sunk-cost signals."
 *  [F94] Fearon, "Domestic political audiences and the escalation of international disputes", APSR
 *        88(3):577-592, 1994, abstract: "relative audience costs matter: the side with a stronger domestic
 *        audience (e.g., a democracy) is always less likely to back down".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { audienceCosts, audienceSeparates, audienceThresholds } from './audience-costs';
import { failureProbability } from './model';
import { verifyAgainstEngine } from './verify';
import { expectAgreesWithEngine } from '../../test/deterrence-agreement';
import { propsParams } from '../../test/props';

const kinds = (p: Record<string, number>) => audienceCosts.solve(p).equilibria.map((e) => e.kind);
const defaults: Record<string, number> = Object.fromEntries(audienceCosts.parameters.map((s) => [s.name, s.default]));

describe('Audience costs: separating equilibria where the conditions hold', () => {
  it('the defaults sit in the tying-hands separating region: a_sep <= a < a_star, for every prior p_S in (0, 1)', () => {
    const th = audienceThresholds(defaults);
    expect(th.a_sep).toBeCloseTo(0.4, 12); // (1 - p_R) v_soft / p_R = 0.4 * 0.6 / 0.6
    expect(th.a_star).toBeCloseTo(0.6, 12); // -w_soft
    for (let k = 1; k <= 9; k++) expect(kinds({ p_S: k / 10 }), `p_S = ${k / 10}`).toContain('Separating Equilibrium');
  });

  it('tying hands: raising the audience cost makes separation possible above the threshold a_sep = (1 - p_R) v_soft / p_R [F97]', () => {
    const th = audienceThresholds(defaults);
    for (let a = 0; a <= 0.59; a += 0.01) {
      const sep = kinds({ a }).includes('Separating Equilibrium');
      if (a < th.a_sep - 1e-9) expect(sep, `a = ${a}`).toBe(false);
      if (a > th.a_sep + 1e-9) expect(sep, `a = ${a}`).toBe(true);
    }
    // The threshold falls as resolute Receivers (who call bluffs) become likelier: a bluff then costs more often.
    expect(audienceThresholds({ ...defaults, p_R: 0.8 }).a_sep).toBeLessThan(audienceThresholds({ ...defaults, p_R: 0.4 }).a_sep);
    // If no Receiver ever calls a bluff (p_R = 0), an ex post cost never deters it: no separation by tying hands.
    expect(kinds({ p_R: 0, a: 0.55 })).not.toContain('Separating Equilibrium');
  });

  it('sinking costs: separation iff (1 - p_R) v_soft <= m <= (1 - p_R)(v - w_hard) [F97]', () => {
    const th = audienceThresholds({ ...defaults, a: 0 });
    expect(th.m_sep).toBeCloseTo(0.24, 12);
    expect(th.m_max).toBeCloseTo(0.28, 12);
    for (const [m, sep] of [
      [0.1, false],
      [0.23, false],
      [0.25, true],
      [0.27, true],
      [0.3, false],
    ] as const) {
      expect(kinds({ a: 0, m }).includes('Separating Equilibrium'), `m = ${m}`).toBe(sep);
      expect(audienceSeparates({ a: 0, m })).toBe(sep);
    }
    // A resolved type that values the interest more can pay more: the region widens with v.
    expect(audienceThresholds({ ...defaults, a: 0, v: 1.5 }).m_max).toBeGreaterThan(th.m_max);
  });

  it('the closed-form condition and the solver agree on a grid over (a, m, p_R)', () => {
    for (let a = 0; a <= 1.2; a += 0.1)
      for (let m = 0; m <= 0.5; m += 0.05)
        for (const pR of [0.2, 0.5, 0.8]) {
          const p = { a: Number(a.toFixed(2)), m: Number(m.toFixed(2)), p_R: pR };
          if (Math.abs(p.a - 0.6) < 1e-9) continue; // a = a_star: the irresolute type is indifferent
          const th = audienceThresholds({ ...defaults, ...p });
          if (Math.abs(p.m - th.m_sep) < 1e-9 || Math.abs(p.m - th.m_max) < 1e-9) continue;
          expect(kinds(p).includes('Separating Equilibrium'), JSON.stringify(p)).toBe(audienceSeparates(p));
        }
  });

  it('"leaders never bluff" [F97]: in a separating equilibrium every Signaler that threatens fights when pressed', () => {
    for (const p of [{}, { a: 0, m: 0.26 }, { a: 0.9 }] as Record<string, number>[]) {
      const sep = audienceCosts.solve(p).equilibria.filter((e) => e.kind === 'Separating Equilibrium');
      expect(sep.length, JSON.stringify(p)).toBe(1);
      // Only the resolved type threatens, and it is never pressed into backing down: no BD after a threat.
      expect(sep[0]!.strategies.x_soft).toBe(0);
      expect(sep[0]!.strategies.x_hard).toBe(1);
    }
    // A threat that is too cheap to separate invites bluffing (the discrete version's difference from
    // the article, whose Signaler chooses the size of its signal).
    expect(kinds({ a: 0.2 })).toContain('Bluffing Equilibrium');
  });

  it('tying hands commits: with a > a_star an irresolute Signaler that threatens fights; tying hands does better on average but risks more war than sinking costs [F97]', () => {
    // At these values the sunk cost m = 0.3 separates ((1 - p_R) v_soft = 0.21 <= m <= (1 - p_R)(v - w_hard) = 0.49)
    // and the audience cost a = 0.9 > a_star = 0.6 commits both types (the Tied Hands equilibrium).
    const common = { v_soft: 0.3, p_R: 0.3, p_S: 0.3 };
    const tied = audienceCosts.solve({ ...common, a: 0.9, m: 0 }).equilibria;
    const sunk = audienceCosts.solve({ ...common, a: 0, m: 0.3 }).equilibria;
    const commit = tied.find((e) => e.kind === 'Commitment (Tied Hands) Equilibrium')!;
    const separate = sunk.find((e) => e.kind === 'Separating Equilibrium')!;
    expect(commit).toBeDefined();
    expect(separate).toBeDefined();
    // Every threat is carried out (no BD): war whenever a resolute Receiver presses, p_R = 0.3 ...
    expect(commit.outcomes.WAR).toBeCloseTo(0.3, 12);
    expect(commit.outcomes.BD ?? 0).toBe(0);
    // ... against p_S p_R = 0.09 with the sunk-cost signal: the greater ex ante risk of war.
    expect(separate.outcomes.WAR).toBeCloseTo(0.09, 12);
    // The Signaler's expected utility (before it learns its type): 0.3 (0.7 * 1 + 0.3 * 0.3) + 0.7 (0.7 * 0.3 - 0.3 * 0.6)
    // = 0.258 with tied hands, 0.3 (0.7 * 1 + 0.3 * 0.3 - 0.3) + 0.7 * 0 = 0.147 with sunk costs: better on average.
    const exAnte = (e: typeof commit, p: Record<string, number>) => {
      const q: Record<string, number> = { ...defaults, ...common, ...p };
      const pressed = (rho: number) => q.p_R! + (1 - q.p_R!) * rho;
      const tiedSoft = q.a! > -q.w_soft!;
      const uT = (hard: boolean) =>
        (1 - pressed(e.strategies.press_T!)) * (hard ? q.v! : q.v_soft!) + pressed(e.strategies.press_T!) * (hard ? q.w_hard! : tiedSoft ? q.w_soft! : -q.a!) - q.m!;
      const uN = (hard: boolean) => (1 - pressed(e.strategies.press_N!)) * (hard ? q.v! : q.v_soft!) + pressed(e.strategies.press_N!) * (hard ? q.w_hard! : 0);
      const u = (hard: boolean) => {
        const x = hard ? e.strategies.x_hard! : e.strategies.x_soft!;
        return x * uT(hard) + (1 - x) * uN(hard);
      };
      return q.p_S! * u(true) + (1 - q.p_S!) * u(false);
    };
    expect(exAnte(commit, { a: 0.9, m: 0 })).toBeCloseTo(0.258, 12);
    expect(exAnte(separate, { a: 0, m: 0.3 })).toBeCloseTo(0.147, 12);
  });

  it('"the side with a stronger domestic audience is always less likely to back down" [F94]: once a threat is public, P(back down | threat) never rises with a', () => {
    for (const base of [{}, { p_S: 0.5 }, { p_R: 0.3 }, { m: 0.1 }] as Record<string, number>[]) {
      let last = Number.POSITIVE_INFINITY;
      for (let a = 0; a <= 1.2 + 1e-9; a += 0.05) {
        if (Math.abs(a - 0.6) < 1e-9) continue;
        const q: Record<string, number> = { ...defaults, ...base, a };
        const eqs = audienceCosts.solve(q).equilibria;
        const afterThreat = eqs
          .map((e) => {
            const threat = q.p_S! * e.strategies.x_hard! + (1 - q.p_S!) * e.strategies.x_soft!;
            if (threat <= 0) return null;
            const committed = q.a! > -q.w_soft!;
            const pressed = q.p_R! + (1 - q.p_R!) * e.strategies.press_T!;
            return committed ? 0 : ((1 - q.p_S!) * e.strategies.x_soft! * pressed) / threat;
          })
          .filter((x): x is number => x !== null);
        if (afterThreat.length === 0) continue;
        const worst = Math.max(...afterThreat);
        expect(worst, `${JSON.stringify(base)} a = ${a}`).toBeLessThanOrEqual(last + 1e-12);
        last = worst;
      }
    }
  });

  it('failure (the Receiver presses) is 1 in the no-signal equilibrium at a low prior', () => {
    const res = audienceCosts.solve({ p_S: 0.1 });
    const none = res.equilibria.find((e) => e.kind === 'No-Signal Equilibrium')!;
    expect(failureProbability(audienceCosts, none)).toBeCloseTo(1, 12);
  });

  it('agrees with the engine (property over a, m, p_S, p_R)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (a, m, pS, pR) => {
        // w_soft = -0.55 keeps a (in tenths) off the knife-edge a = a_star.
        const v = verifyAgainstEngine('audience', { a: a / 10, m: m / 10, p_S: pS / 10, p_R: pR / 10, w_soft: -0.55 });
        expectAgreesWithEngine(v, { tolerance: 1e-9, closedFormInEngine: false });
      }),
      propsParams(1997, 40),
    );
  });
});

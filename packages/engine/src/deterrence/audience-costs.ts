/**
 * Audience costs: tying hands versus sinking costs, a discrete two-type version of Fearon,
 * "Signaling foreign policy interests: tying hands versus sinking costs", JCR 41(1):68-90, 1997
 * (and Fearon, "Domestic political audiences and the escalation of international disputes", APSR
 * 88(3):577-592, 1994). It expresses commitment devices such as a law or a constitution that makes
 * backing down costly (tying hands) and costly moves such as mobilisation (sinking costs).
 *
 * What the articles state (abstracts): a leader may (a) tie hands by creating audience costs suffered
 * ex post if it does not follow through, or (b) sink costs ex ante; "in the games' equilibria, leaders
 * never bluff with either type of signal"; leaders do better on average by tying hands, though it
 * creates a greater ex ante risk of war than sunk-cost signals (1997); the side with stronger
 * domestic audience costs is less likely to back down (1994). The articles' own games have a
 * continuum of types and a signal of chosen size; their pages were not available here, so the
 * conditions below are derived for this discrete version (docs/deterrence.md says which test
 * checks which statement).
 *
 * Game. Chance draws the Signaler's type, resolved (Hard) with probability p_S, and, independently,
 * the Receiver's, resolute with probability p_R. The Signaler values the interest at v or
 * v_soft and gets w_hard > 0 or w_soft < 0 from war (a resolved Signaler prefers war to backing
 * down, an irresolute one does not). It chooses T (a public threat: it pays the sunk cost m now, and
 * the audience cost a if it later backs down) or N. The Receiver sees the signal, not the type, and
 * backs off (outcome BO: the Signaler keeps the interest, v_type - m) or presses. If pressed, the
 * Signaler fights (WAR: w_type - m) or backs down (BD: -a - m after a threat, 0 otherwise). The
 * Receiver gets 0 (BO), r_win > 0 (BD), r_war_resolute > 0 or r_war < 0 (WAR) by its type.
 * Orderings: w_soft < 0 < w_hard < v, w_soft < v_soft, 0 < v_soft, r_war < 0 < r_war_resolute,
 * 0 < r_win, a >= 0, m >= 0.
 *
 * Solution (perfect Bayesian; off the path the Receiver's belief is the prior over the Signaler
 * types that could gain from the unexpected signal, all types when none could). A resolved Signaler
 * always fights; an irresolute one fights after a threat iff a > a_star = -w_soft (the threat then
 * commits it: tied hands). A resolute Receiver always presses; an irresolute one presses iff the
 * probability f that the Signaler fights is below r_star = r_win / (r_win - r_war). Then
 *
 *   Separating (resolved: T, irresolute: N) exists iff  m <= m_max = (1 - p_R)(v - w_hard)  and
 *     a < a_star:   p_R a + m >= (1 - p_R) v_soft     (the bluff is called by resolute Receivers and
 *                                                      costs a; a_sep = ((1 - p_R) v_soft - m) / p_R)
 *     a > a_star:   m >= (1 - p_R) v_soft + p_R w_soft (a committed irresolute Signaler would fight),
 *
 * so tying hands (m = 0) separates iff a_sep <= a < a_star and sinking costs (a = 0) iff
 * (1 - p_R) v_soft <= m <= m_max. Where the signal is cheaper the irresolute type bluffs with the
 * probability that makes the Receiver's posterior r_star (Bluffing Equilibrium). Pooling
 * equilibria (no signal; a threat by both, committing both when a > a_star) and semi-separating
 * ones follow from the same conditions; the solver enumerates all of them.
 */
import { InputError } from '../errors';
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'v', description: "Resolved Signaler's value for the interest (kept when the Receiver backs off)", default: 1, range: [0.6, 1.5], kind: 'utility' },
  { name: 'v_soft', description: "Irresolute Signaler's value for the interest", default: 0.6, range: [0.2, 1], kind: 'utility' },
  { name: 'w_hard', description: "Resolved Signaler's utility for war (> 0: it prefers war to backing down)", default: 0.3, range: [0.1, 0.5], kind: 'utility' },
  { name: 'w_soft', description: "Irresolute Signaler's utility for war (< 0)", default: -0.6, range: [-1, -0.2], kind: 'utility' },
  { name: 'a', description: 'Audience cost of backing down after a public threat (tying hands)', default: 0.5, range: [0, 1.2], kind: 'cost' },
  { name: 'm', description: 'Sunk cost of making the threat, paid up front (sinking costs)', default: 0, range: [0, 1], kind: 'cost' },
  { name: 'r_win', description: "Receiver's utility when the Signaler backs down (> 0)", default: 0.5, range: [0.2, 1], kind: 'utility' },
  { name: 'r_war_resolute', description: "Resolute Receiver's utility for war (> 0)", default: 0.2, range: [0.05, 0.4], kind: 'utility' },
  { name: 'r_war', description: "Irresolute Receiver's utility for war (< 0)", default: -1, range: [-2, -0.5], kind: 'utility' },
  { name: 'p_S', description: 'Probability the Signaler is resolved', default: 0.3, range: [0, 1], kind: 'probability' },
  { name: 'p_R', description: 'Probability the Receiver is resolute (presses whatever the signal)', default: 0.6, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS: [string, string][] = [
  ['w_soft', 'w_hard'],
  ['w_hard', 'v'],
  ['w_soft', 'v_soft'],
  ['r_war', 'r_war_resolute'],
];
const OUTCOMES = ['BO', 'BD', 'WAR'] as const;

function params(given: Params): Record<string, number> {
  const p = resolveParams({ id: 'audience', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
  const positive: [string, string][] = [
    ['w_hard', 'a resolved Signaler prefers war to backing down'],
    ['v_soft', 'the irresolute Signaler values the interest'],
    ['r_win', 'the Receiver gains when the Signaler backs down'],
    ['r_war_resolute', 'a resolute Receiver prefers war to backing off'],
  ];
  for (const [name, why] of positive) if (!(p[name]! > 0)) throw new InputError(`the model assumes ${name} > 0 (${why})`, { place: name, expected: 'a number > 0' });
  const negative: [string, string][] = [
    ['w_soft', 'an irresolute Signaler prefers backing down to war'],
    ['r_war', 'an irresolute Receiver prefers backing off to war'],
  ];
  for (const [name, why] of negative) if (!(p[name]! < 0)) throw new InputError(`the model assumes ${name} < 0 (${why})`, { place: name, expected: 'a number < 0' });
  return p;
}

type Signal = 'T' | 'N';
const SIGNALS: readonly Signal[] = ['N', 'T'];

export function buildAudienceCosts(given: Params): BuiltGame {
  const p = params(given);
  const sub = (hard: boolean, resolute: boolean): TreeSpec => {
    const ty = hard ? 'H' : 'S';
    const w = hard ? p.w_hard! : p.w_soft!;
    const v = hard ? p.v! : p.v_soft!;
    const rWar = resolute ? p.r_war_resolute! : p.r_war!;
    const typeWords = `${hard ? 'resolved' : 'irresolute'} Signaler`;
    const after = (sig: Signal): TreeSpec => {
      const m = sig === 'T' ? p.m! : 0;
      const a = sig === 'T' ? p.a! : 0;
      const variant = `${typeWords}, ${sig === 'T' ? 'after a threat' : 'no threat'}`;
      return {
        kind: 'move',
        player: 1,
        infoset: `R${resolute ? 'H' : 'S'}:${sig}`,
        branches: [
          { action: 'BackOff', child: { kind: 'leaf', outcome: 'BO', payoffs: [v - m, 0], variant } },
          {
            action: 'Press',
            child: {
              kind: 'move',
              player: 0,
              infoset: `S${ty}:${sig}:pressed`,
              branches: [
                { action: 'Fight', child: { kind: 'leaf', outcome: 'WAR', payoffs: [w - m, rWar], variant: `${variant}, ${resolute ? 'resolute' : 'irresolute'} Receiver` } },
                { action: 'Yield', child: { kind: 'leaf', outcome: 'BD', payoffs: [-a - m, p.r_win!], variant } },
              ],
            },
          },
        ],
      };
    };
    return { kind: 'move', player: 0, infoset: `S${ty}:signal`, branches: [{ action: 'N', child: after('N') }, { action: 'T', child: after('T') }] };
  };
  const branches: { action: string; prob: number; child: TreeSpec }[] = [];
  for (const hard of [true, false])
    for (const resolute of [true, false])
      branches.push({
        action: `${hard ? 'Resolved' : 'Irresolute'}/${resolute ? 'Resolute' : 'Irresolute'}`,
        prob: (hard ? p.p_S! : 1 - p.p_S!) * (resolute ? p.p_R! : 1 - p.p_R!),
        child: sub(hard, resolute),
      });
  return buildGame(
    'Audience costs: tying hands vs sinking costs',
    ['Signaler', 'Receiver'],
    { kind: 'chance', label: 'types', branches },
    'after Fearon (1997), JCR 41(1); Fearon (1994), APSR 88(3)',
  );
}

export function audienceThresholds(p: Params) {
  const aStar = -p.w_soft!;
  const rStar = p.r_win! / (p.r_win! - p.r_war!);
  const mMax = (1 - p.p_R!) * (p.v! - p.w_hard!);
  // The sunk cost that, with the audience cost a, deters the irresolute type's bluff.
  const mSep = p.a! > aStar ? (1 - p.p_R!) * p.v_soft! + p.p_R! * p.w_soft! : (1 - p.p_R!) * p.v_soft! - p.p_R! * p.a!;
  // The audience cost that, with the sunk cost m, deters the bluff (infinite when p_R = 0: a bluff is never called).
  const aSep = p.p_R! > 0 ? ((1 - p.p_R!) * p.v_soft! - p.m!) / p.p_R! : Number.POSITIVE_INFINITY;
  return { a_star: aStar, r_star: rStar, a_sep: aSep, m_sep: mSep, m_max: mMax };
}

/** Whether a separating equilibrium (resolved: threat, irresolute: none) exists: the closed-form condition. */
export function audienceSeparates(given: Params): boolean {
  const p = params(given);
  const th = audienceThresholds(p);
  if (p.p_S! <= 0 || p.p_S! >= 1) return false;
  return p.m! <= th.m_max + 1e-12 && p.m! >= th.m_sep - 1e-12;
}

interface AcEq {
  xH: number; // Pr(T | resolved)
  xS: number;
  rhoT: number; // Pr(irresolute Receiver presses | T)
  rhoN: number;
  muT: number; // Pr(resolved | T)
  muN: number;
  onT: boolean;
  onN: boolean;
}

export function solveAudienceCosts(given: Params): DeterrenceResult {
  const p = params(given);
  const th = audienceThresholds(p);
  const pS = p.p_S!;
  const pR = p.p_R!;
  const softCommitted = p.a! > th.a_star;
  const fights = (hard: boolean, sig: Signal) => hard || (sig === 'T' && softCommitted);
  /** Expected utility of Signaler type `hard` from signal `sig` when an irresolute Receiver presses with probability rho. */
  const U = (hard: boolean, sig: Signal, rho: number) => {
    const m = sig === 'T' ? p.m! : 0;
    const pressed = pR + (1 - pR) * rho;
    const v = hard ? p.v! : p.v_soft!;
    const whenPressed = fights(hard, sig) ? (hard ? p.w_hard! : p.w_soft!) : sig === 'T' ? -p.a! : 0;
    return (1 - pressed) * v + pressed * whenPressed - m;
  };
  const best = (hard: boolean, sig: Signal) => (hard ? p.v! : p.v_soft!) - (sig === 'T' ? p.m! : 0);
  const f = (sig: Signal, mu: number) => mu + (1 - mu) * (sig === 'T' && softCommitted ? 1 : 0);
  const eps = 1e-12;
  const rhoChoices = (sig: Signal, mu: number): number[] => {
    const d = f(sig, mu) - th.r_star;
    return d < -eps ? [1] : d > eps ? [0] : [0, 1];
  };
  const ok = (hard: boolean, x: number, rhoT: number, rhoN: number) => {
    const d = U(hard, 'T', rhoT) - U(hard, 'N', rhoN);
    return x === 1 ? d >= -1e-10 : x === 0 ? d <= 1e-10 : Math.abs(d) <= 1e-10;
  };
  const eqs: AcEq[] = [];
  // Pure Signaler strategies; beliefs on the path by Bayes' rule, off the path the prior over the
  // types whose best payoff from the unused signal beats their equilibrium payoff.
  for (const xH of [0, 1])
    for (const xS of [0, 1]) {
      const mass = (sig: Signal) => pS * (sig === 'T' ? xH : 1 - xH) + (1 - pS) * (sig === 'T' ? xS : 1 - xS);
      const onPath = SIGNALS.filter((s) => mass(s) > 0);
      const used = onPath.length === 1 ? onPath[0]! : null;
      const bayes = (sig: Signal) => (pS * (sig === 'T' ? xH : 1 - xH)) / mass(sig);
      const onPathRhos = onPath.map((s) => rhoChoices(s, bayes(s)));
      const combos: number[][] = onPathRhos.length === 2 ? onPathRhos[0]!.flatMap((a) => onPathRhos[1]!.map((b) => [a, b])) : onPathRhos[0]!.map((a) => [a]);
      for (const combo of combos) {
        const rho: Partial<Record<Signal, number>> = {};
        onPath.forEach((s, k) => (rho[s] = combo[k]!));
        const mu: Partial<Record<Signal, number>> = {};
        onPath.forEach((s) => (mu[s] = bayes(s)));
        const offChoices: { mu: number; rho: number }[] = [];
        if (used) {
          const off: Signal = used === 'T' ? 'N' : 'T';
          const value = (hard: boolean) => U(hard, used, rho[used]!);
          const gainH = pS > 0 && best(true, off) > value(true) + eps;
          const gainS = pS < 1 && best(false, off) > value(false) + eps;
          const muOff = gainH && !gainS ? 1 : gainS && !gainH ? 0 : pS;
          for (const r of rhoChoices(off, muOff)) offChoices.push({ mu: muOff, rho: r });
        } else offChoices.push({ mu: Number.NaN, rho: Number.NaN });
        for (const oc of offChoices) {
          const rT = rho.T ?? oc.rho;
          const rN = rho.N ?? oc.rho;
          if (ok(true, xH, rT, rN) && ok(false, xS, rT, rN)) {
            eqs.push({ xH, xS, rhoT: rT, rhoN: rN, muT: mu.T ?? oc.mu, muN: mu.N ?? oc.mu, onT: mass('T') > 0, onN: mass('N') > 0 });
          }
        }
      }
    }
  // Semi-separating: one type mixes between the signal the other type sends (where an irresolute
  // Receiver is indifferent: posterior f = r_star) and its own other signal.
  if (pS > 0 && pS < 1) {
    for (const mixerHard of [true, false]) {
      for (const shared of SIGNALS) {
        if (shared === 'T' && softCommitted) continue; // f = 1 after T: the Receiver cannot be indifferent
        const own: Signal = shared === 'T' ? 'N' : 'T';
        // Posterior Pr(resolved | shared) = r_star.
        const s = mixerHard ? (th.r_star * (1 - pS)) / (pS * (1 - th.r_star)) : (pS * (1 - th.r_star)) / ((1 - pS) * th.r_star);
        if (!(s > eps && s < 1 - eps)) continue;
        const muOwn = mixerHard ? 1 : 0;
        for (const rhoOwn of rhoChoices(own, muOwn)) {
          const u0 = U(mixerHard, shared, 0);
          const u1 = U(mixerHard, shared, 1);
          if (u0 === u1) continue;
          const rho = (U(mixerHard, own, rhoOwn) - u0) / (u1 - u0);
          if (!(rho >= -eps && rho <= 1 + eps)) continue;
          const rhoS = Math.min(1, Math.max(0, rho));
          const xMixer = shared === 'T' ? s : 1 - s;
          const otherX = shared === 'T' ? 1 : 0;
          const [xH, xS] = mixerHard ? [xMixer, otherX] : [otherX, xMixer];
          const [rhoT, rhoN] = shared === 'T' ? [rhoS, rhoOwn] : [rhoOwn, rhoS];
          if (ok(!mixerHard, otherX, rhoT, rhoN)) {
            eqs.push({ xH, xS, rhoT, rhoN, muT: shared === 'T' ? th.r_star : muOwn, muN: shared === 'N' ? th.r_star : muOwn, onT: true, onN: true });
          }
        }
      }
    }
  }
  const equilibria: EquilibriumReport[] = eqs.map((e) => {
    const t: Record<string, number> = {};
    for (const hard of [true, false]) {
      const w = hard ? pS : 1 - pS;
      const x = hard ? e.xH : e.xS;
      for (const sig of SIGNALS) {
        const ws = w * (sig === 'T' ? x : 1 - x);
        const rho = sig === 'T' ? e.rhoT : e.rhoN;
        const pressed = pR + (1 - pR) * rho;
        addMass(t, 'BO', ws * (1 - pressed));
        addMass(t, fights(hard, sig) ? 'WAR' : 'BD', ws * pressed);
      }
    }
    const mixed = [e.xH, e.xS].some((x) => x > 0 && x < 1);
    const kind = mixed
      ? e.xH === 1
        ? 'Bluffing Equilibrium'
        : 'Semi-Separating Equilibrium'
      : e.xH === 1 && e.xS === 1
        ? softCommitted
          ? 'Commitment (Tied Hands) Equilibrium'
          : 'Pooling Threat Equilibrium'
        : e.xH === 0 && e.xS === 0
          ? 'No-Signal Equilibrium'
          : e.xH === 1
            ? 'Separating Equilibrium'
            : 'Perverse Separating Equilibrium';
    const beliefs: Record<string, number> = {};
    if (Number.isFinite(e.muT)) beliefs.mu_T = e.muT;
    if (Number.isFinite(e.muN)) beliefs.mu_N = e.muN;
    return {
      kind,
      outcomes: cleanOutcomes(t, OUTCOMES),
      strategies: { x_hard: e.xH, x_soft: e.xS, press_T: e.rhoT, press_N: e.rhoN },
      beliefs,
    };
  });
  const sepSide = sideOf(p.m!, th.m_sep);
  const sides: ThresholdSide[] = [
    { threshold: 'a_star', compared: 'a', value: p.a!, thresholdValue: th.a_star, side: sideOf(p.a!, th.a_star), meaning: softCommitted ? 'the audience cost ties the Signaler’s hands: even an irresolute Signaler fights after a threat' : 'the audience cost is too small to commit an irresolute Signaler' },
    {
      threshold: 'a_sep',
      compared: 'a',
      value: p.a!,
      thresholdValue: th.a_sep,
      side: sideOf(p.a!, th.a_sep),
      meaning: p.a! >= th.a_sep - 1e-12 ? 'the audience cost a called bluff would cost deters the irresolute type from bluffing' : 'the audience cost is too small to deter bluffing',
    },
    {
      threshold: 'm_sep',
      compared: 'm',
      value: p.m!,
      thresholdValue: th.m_sep,
      side: sepSide,
      meaning: sepSide !== 'below' ? 'with the audience cost, the sunk cost deters bluffing' : 'the sunk cost is too small to deter bluffing by itself',
    },
    { threshold: 'm_max', compared: 'm', value: p.m!, thresholdValue: th.m_max, side: sideOf(p.m!, th.m_max), meaning: p.m! <= th.m_max + 1e-12 ? 'a resolved Signaler can afford the signal' : 'the signal costs more than a resolved Signaler gains from it' },
    { threshold: 'r_star', compared: 'p_S', value: pS, thresholdValue: th.r_star, side: sideOf(pS, th.r_star), meaning: pS >= th.r_star ? 'an irresolute Receiver backs off even at the prior' : 'at the prior an irresolute Receiver would press' },
  ];
  const worst = equilibria.length ? Math.max(...equilibria.map((e) => 1 - (e.outcomes.BO ?? 0))) : Number.NaN;
  const kinds = [...new Set(equilibria.map((e) => e.kind))];
  return {
    model: 'audience',
    title: 'Audience costs: tying hands vs sinking costs',
    parameters: p,
    equilibria,
    thresholds: { ...th },
    sides,
    complete: true,
    summary:
      `${kinds.join(', ') || 'no equilibrium found'}. ` +
      (audienceSeparates(p)
        ? `The threat separates a resolved Signaler from an irresolute one (p_R a + m covers the bluff's gain${softCommitted ? '' : `: a >= a_sep = ${fmt(th.a_sep)}`}). `
        : `No separating equilibrium: ${p.m! > th.m_max ? `the signal costs more than a resolved Signaler gains (m > m_max = ${fmt(th.m_max)})` : `the signal is too cheap to deter a bluff (needs m >= m_sep = ${fmt(th.m_sep)}${softCommitted ? '' : ` or a >= a_sep = ${fmt(th.a_sep)}`})`}. `) +
      `The threat ${softCommitted ? 'commits' : 'does not commit'} an irresolute Signaler (a = ${fmt(p.a!)} vs a_star = ${fmt(th.a_star)}); worst-case probability that the Receiver presses: ${fmt(worst)}.`,
  };
}

export function audienceBehaviour(eq: EquilibriumReport, params0: Params): Record<string, number[]> {
  const p = params(params0);
  const s = eq.strategies;
  const softT = p.a! > -p.w_soft! ? [1, 0] : [0, 1];
  return {
    'SH:signal': [1 - s.x_hard!, s.x_hard!],
    'SS:signal': [1 - s.x_soft!, s.x_soft!],
    'RH:N': [0, 1],
    'RH:T': [0, 1],
    'RS:N': [1 - s.press_N!, s.press_N!],
    'RS:T': [1 - s.press_T!, s.press_T!],
    'SH:N:pressed': [1, 0],
    'SH:T:pressed': [1, 0],
    'SS:N:pressed': [0, 1],
    'SS:T:pressed': softT,
  };
}

export const audienceCosts: DeterrenceModel = {
  id: 'audience',
  title: 'Audience costs: tying hands vs sinking costs',
  source: 'after Fearon (1997), "Signaling foreign policy interests", JCR 41(1):68-90; Fearon (1994), APSR 88(3):577-592 (discrete two-type version)',
  players: ['Signaler', 'Receiver'],
  roles: ['signaler', 'receiver'],
  outcomes: OUTCOMES,
  outcomeNames: {
    BO: 'Receiver backs off',
    BD: 'Signaler backs down',
    WAR: 'war',
  },
  successOutcomes: ['BO'],
  parameters: PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [],
  offPathBeliefs: 'refined',
  build: buildAudienceCosts,
  solve: solveAudienceCosts,
  behaviour: (eq, params) => audienceBehaviour(eq, params),
};

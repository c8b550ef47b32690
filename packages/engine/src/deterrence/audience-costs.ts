/**
 * Audience costs: tying hands versus sinking costs (Fearon, "Signaling foreign policy interests:
 * tying hands versus sinking costs", JCR 41(1), 1997; Fearon, "Domestic political audiences and
 * the escalation of international disputes", APSR 88(3), 1994), in a discrete two-type form.
 * It expresses commitment devices such as a law or a constitution that makes backing down costly.
 *
 * Game: chance makes the Signaler resolved (Hard: w_hard > 0, it fights if pressed) with
 * probability p_S. The Signaler chooses T (a public threat: it pays the sunk cost m now, and the
 * audience cost a if it later backs down) or N. The Receiver, seeing the signal, backs off (BO: the
 * Signaler prevails, value v) or presses. If pressed, the Signaler fights (WAR: w_type) or backs
 * down (BD: 0, minus a after a threat). The Receiver gets 0 (BO), r_win (BD), r_war (WAR).
 * Orderings: w_soft < 0 < w_hard < v, r_war < 0 < r_win, a >= 0, m >= 0.
 *
 * Results. The Receiver presses iff the probability f that the Signaler fights after the signal is
 * below r_star = r_win / (r_win - r_war). An irresolute Signaler fights after a threat iff
 * a > a_star = -w_soft: then the threat ties its hands and commits it (Fearon's tying hands), f = 1
 * after T and the Receiver backs off. With a < a_star a threat that costs nothing up front (m = 0)
 * cannot separate the types; a sunk cost m >= v deters the bluff (sinking costs). Equilibria:
 * pooling, separating and semi-separating (the irresolute type bluffs with the probability that
 * makes the Receiver's posterior r_star, and the Receiver presses with the probability that makes
 * the bluff pay exactly what silence pays); off the path beliefs stay at the prior.
 */
import { InputError } from '../errors';
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'v', description: "Signaler's value of prevailing (the Receiver backs off)", default: 1, range: [0.6, 1.5], kind: 'utility' },
  { name: 'w_hard', description: "Resolved Signaler's utility for war (> 0)", default: 0.3, range: [0.1, 0.5], kind: 'utility' },
  { name: 'w_soft', description: "Irresolute Signaler's utility for war (< 0)", default: -0.5, range: [-1, -0.2], kind: 'utility' },
  { name: 'a', description: 'Audience cost of backing down after a public threat', default: 0.6, range: [0, 1.2], kind: 'cost' },
  { name: 'm', description: 'Sunk cost of making the threat (paid up front)', default: 0, range: [0, 1.2], kind: 'cost' },
  { name: 'r_win', description: "Receiver's utility when the Signaler backs down", default: 0.5, range: [0.2, 1], kind: 'utility' },
  { name: 'r_war', description: "Receiver's utility for war", default: -1, range: [-2, -0.5], kind: 'utility' },
  { name: 'p_S', description: 'Probability the Signaler is resolved', default: 0.3, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS: [string, string][] = [
  ['w_soft', 'w_hard'],
  ['w_hard', 'v'],
  ['r_war', 'r_win'],
];
const OUTCOMES = ['BO', 'BD', 'WAR'] as const;

function params(given: Params): Record<string, number> {
  const p = resolveParams({ id: 'audience', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
  if (!(p.w_soft! < 0)) throw new InputError('the model assumes w_soft < 0 (an irresolute Signaler prefers backing down to war)', { place: 'w_soft' });
  if (!(p.w_hard! > 0)) throw new InputError('the model assumes w_hard > 0 (a resolved Signaler prefers war to backing down)', { place: 'w_hard' });
  if (!(p.r_war! < 0)) throw new InputError('the model assumes r_war < 0', { place: 'r_war' });
  if (!(p.r_win! > 0)) throw new InputError('the model assumes r_win > 0', { place: 'r_win' });
  return p;
}

type Signal = 'T' | 'N';

export function buildAudienceCosts(given: Params): BuiltGame {
  const p = params(given);
  const sub = (hard: boolean): TreeSpec => {
    const ty = hard ? 'H' : 'S';
    const w = hard ? p.w_hard! : p.w_soft!;
    const after = (sig: Signal): TreeSpec => {
      const m = sig === 'T' ? p.m! : 0;
      const a = sig === 'T' ? p.a! : 0;
      return {
        kind: 'move',
        player: 1,
        infoset: `R:${sig}`,
        branches: [
          { action: 'BackOff', child: { kind: 'leaf', outcome: 'BO', payoffs: [p.v! - m, 0] } },
          {
            action: 'Press',
            child: {
              kind: 'move',
              player: 0,
              infoset: `S${ty}:${sig}:pressed`,
              branches: [
                { action: 'Fight', child: { kind: 'leaf', outcome: 'WAR', payoffs: [w - m, p.r_war!] } },
                { action: 'Yield', child: { kind: 'leaf', outcome: 'BD', payoffs: [-a - m, p.r_win!] } },
              ],
            },
          },
        ],
      };
    };
    return { kind: 'move', player: 0, infoset: `S${ty}:signal`, branches: [{ action: 'N', child: after('N') }, { action: 'T', child: after('T') }] };
  };
  return buildGame(
    'Audience costs: tying hands vs sinking costs',
    ['Signaler', 'Receiver'],
    {
      kind: 'chance',
      label: 'Signaler type',
      branches: [
        { action: 'Resolved', prob: p.p_S!, child: sub(true) },
        { action: 'Irresolute', prob: 1 - p.p_S!, child: sub(false) },
      ],
    },
    'Fearon (1997), JCR 41(1); Fearon (1994), APSR 88(3)',
  );
}

interface AcEq {
  xH: number; // Pr(T | resolved)
  xS: number;
  rhoT: number; // Pr(press | T)
  rhoN: number;
  muT: number;
  muN: number;
}

export function solveAudienceCosts(given: Params): DeterrenceResult {
  const p = params(given);
  const pS = p.p_S!;
  const rStar = p.r_win! / (p.r_win! - p.r_war!);
  const aStar = -p.w_soft!;
  const softFightsAfterT = p.w_soft! > -p.a!;
  const fights = (hard: boolean, sig: Signal) => hard || (sig === 'T' && softFightsAfterT);
  const U = (hard: boolean, sig: Signal, rho: number) => {
    const m = sig === 'T' ? p.m! : 0;
    const pressed = fights(hard, sig) ? (hard ? p.w_hard! : p.w_soft!) : sig === 'T' ? -p.a! : 0;
    return (1 - rho) * p.v! + rho * pressed - m;
  };
  const f = (sig: Signal, mu: number) => mu + (1 - mu) * (sig === 'T' && softFightsAfterT ? 1 : 0);
  const eps = 1e-12;
  const rhoChoices = (sig: Signal, mu: number): number[] => {
    const d = f(sig, mu) - rStar;
    return d < -eps ? [1] : d > eps ? [0] : [0, 1];
  };
  const ok = (hard: boolean, x: number, rhoT: number, rhoN: number) => {
    const d = U(hard, 'T', rhoT) - U(hard, 'N', rhoN);
    return x === 1 ? d >= -1e-10 : x === 0 ? d <= 1e-10 : Math.abs(d) <= 1e-10;
  };
  const eqs: AcEq[] = [];
  const post = (xH: number, xS: number, sig: Signal) => {
    const h = pS * (sig === 'T' ? xH : 1 - xH);
    const s = (1 - pS) * (sig === 'T' ? xS : 1 - xS);
    return h + s > 0 ? h / (h + s) : pS;
  };
  for (const xH of [0, 1])
    for (const xS of [0, 1]) {
      const muT = post(xH, xS, 'T');
      const muN = post(xH, xS, 'N');
      for (const rhoT of rhoChoices('T', muT)) for (const rhoN of rhoChoices('N', muN)) if (ok(true, xH, rhoT, rhoN) && ok(false, xS, rhoT, rhoN)) eqs.push({ xH, xS, rhoT, rhoN, muT, muN });
    }
  // Semi-separating: one type mixes; the Receiver mixes after the signal both types send.
  if (pS > 0 && pS < 1) {
    for (const mixerHard of [true, false]) {
      for (const otherX of [0, 1]) {
        const shared: Signal = otherX === 1 ? 'T' : 'N';
        const own: Signal = shared === 'T' ? 'N' : 'T';
        if (shared === 'T' && softFightsAfterT) continue; // f = 1 there: the Receiver cannot be indifferent
        const s = mixerHard ? (rStar * (1 - pS)) / (pS * (1 - rStar)) : (pS * (1 - rStar)) / ((1 - pS) * rStar);
        if (!(s > eps && s < 1 - eps)) continue;
        const muOwn = mixerHard ? 1 : 0;
        for (const rhoOwn of rhoChoices(own, muOwn)) {
          // mixer indifferent: U(mixer, shared, rho) = U(mixer, own, rhoOwn), linear in rho
          const u0 = U(mixerHard, shared, 0);
          const u1 = U(mixerHard, shared, 1);
          const target = U(mixerHard, own, rhoOwn);
          if (u0 === u1) continue;
          const rho = (target - u0) / (u1 - u0);
          if (!(rho >= -eps && rho <= 1 + eps)) continue;
          const rhoC = Math.min(1, Math.max(0, rho));
          const xMixer = shared === 'T' ? s : 1 - s;
          const [xH, xS] = mixerHard ? [xMixer, otherX] : [otherX, xMixer];
          const [rhoT, rhoN] = shared === 'T' ? [rhoC, rhoOwn] : [rhoOwn, rhoC];
          if (ok(!mixerHard, otherX, rhoT, rhoN)) eqs.push({ xH, xS, rhoT, rhoN, muT: shared === 'T' ? rStar : muOwn, muN: shared === 'N' ? rStar : muOwn });
        }
      }
    }
  }
  const equilibria: EquilibriumReport[] = eqs.map((e) => {
    const t: Record<string, number> = {};
    for (const hard of [true, false]) {
      const w = hard ? pS : 1 - pS;
      const x = hard ? e.xH : e.xS;
      for (const sig of ['T', 'N'] as const) {
        const ws = w * (sig === 'T' ? x : 1 - x);
        const rho = sig === 'T' ? e.rhoT : e.rhoN;
        addMass(t, 'BO', ws * (1 - rho));
        addMass(t, fights(hard, sig) ? 'WAR' : 'BD', ws * rho);
      }
    }
    const mixed = [e.xH, e.xS].some((x) => x > 0 && x < 1);
    const kind = mixed
      ? 'Bluffing Equilibrium'
      : e.xH === 1 && e.xS === 1
        ? softFightsAfterT
          ? 'Commitment (Tied Hands) Equilibrium'
          : 'Pooling Threat Equilibrium'
        : e.xH === 0 && e.xS === 0
          ? 'No-Signal Equilibrium'
          : e.xH === 1
            ? 'Separating Equilibrium'
            : 'Perverse Separating Equilibrium';
    return { kind, outcomes: cleanOutcomes(t, OUTCOMES), strategies: { x_hard: e.xH, x_soft: e.xS, press_T: e.rhoT, press_N: e.rhoN }, beliefs: { mu_T: e.muT, mu_N: e.muN } };
  });
  const sides: ThresholdSide[] = [
    { threshold: 'a_star', compared: 'a', value: p.a!, thresholdValue: aStar, side: sideOf(p.a!, aStar), meaning: softFightsAfterT ? 'the audience cost ties the Signaler’s hands: even an irresolute Signaler fights after a threat' : 'the audience cost is too small to commit an irresolute Signaler' },
    { threshold: 'r_star', compared: 'p_S', value: pS, thresholdValue: rStar, side: sideOf(pS, rStar), meaning: pS >= rStar ? 'the Receiver backs off even at the prior' : 'at the prior the Receiver would press' },
    { threshold: 'm_star', compared: 'm', value: p.m!, thresholdValue: p.v!, side: sideOf(p.m!, p.v!), meaning: p.m! >= p.v! ? 'the sunk cost deters bluffing' : 'the sunk cost is too small to deter bluffing by itself' },
  ];
  const worst = equilibria.length ? Math.max(...equilibria.map((e) => 1 - (e.outcomes.BO ?? 0))) : Number.NaN;
  return {
    model: 'audience',
    title: 'Audience costs: tying hands vs sinking costs',
    parameters: p,
    equilibria,
    thresholds: { r_star: rStar, a_star: aStar, m_star: p.v! },
    sides,
    complete: true,
    summary: `${[...new Set(equilibria.map((e) => e.kind))].join(', ') || 'no equilibrium found'}; the threat ${softFightsAfterT ? 'commits' : 'does not commit'} an irresolute Signaler (a = ${fmt(p.a!)} vs a_star = ${fmt(aStar)}); worst-case probability that the Receiver presses: ${fmt(worst)}.`,
  };
}

export function audienceBehaviour(eq: EquilibriumReport, params0: Params): Record<string, number[]> {
  const p = params(params0);
  const s = eq.strategies;
  const softT = p.w_soft! > -p.a! ? [1, 0] : [0, 1];
  return {
    'SH:signal': [1 - s.x_hard!, s.x_hard!],
    'SS:signal': [1 - s.x_soft!, s.x_soft!],
    'R:N': [1 - s.press_N!, s.press_N!],
    'R:T': [1 - s.press_T!, s.press_T!],
    'SH:N:pressed': [1, 0],
    'SH:T:pressed': [1, 0],
    'SS:N:pressed': [0, 1],
    'SS:T:pressed': softT,
  };
}

export const audienceCosts: DeterrenceModel = {
  id: 'audience',
  title: 'Audience costs: tying hands vs sinking costs',
  source: 'Fearon (1997), "Signaling foreign policy interests", JCR 41(1); Fearon (1994), APSR 88(3)',
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
  offPathBeliefs: 'prior',
  build: buildAudienceCosts,
  solve: solveAudienceCosts,
  behaviour: (eq, params) => audienceBehaviour(eq, params),
};

/**
 * Asymmetric Escalation Game (Zagare & Kilgour, Perfect Deterrence, Cambridge UP 2000, ch. 6-9,
 * fig. 6.3 and A1.7, app. A1.4, A2.4 and A8; Zagare & Kilgour, "Assessing competing defense
 * postures: the strategic implications of flexible response", World Politics 47(3), 1995).
 *
 * Moves. Node 1, Challenger: C (outcome SQ) or D (limited attack). Node 2, Defender: C (concede,
 * DC), D (respond in kind) or E (escalate). After D, node 3a, Challenger: D (outcome DD) or E
 * (escalate); then node 4a, Defender: D (outcome ED) or E (EE). After E, node 3b, Challenger:
 * D (outcome DE) or E (counter-escalate, EE). Outcome codes: Challenger's level, then Defender's.
 *
 * Types (app. A8). Challenger is strategically Hard (utility c_EE_hard for EE) with probability
 * p_Ch, Soft (c_EE_soft) otherwise. Defender is tactically Hard (d_DD_hard) or Soft (d_DD_soft) and
 * strategically Hard (d_EE_hard) or Soft (d_EE_soft), with probabilities p_HH, p_HS, p_SH, p_SS
 * (tactical letter first). Orderings (verified against the app. A8 summary):
 *   c_EE_soft < c_DE < c_EE_hard < c_DD < c_ED < c_SQ < c_DC,
 *   d_EE_soft < d_ED < d_EE_hard < d_DD_soft < d_DC < d_DD_hard < d_DE < d_SQ,
 *   p_HH + p_HS + p_SH + p_SS = 1 (the paper has 0 < p < 1; 0 and 1 are allowed here).
 *
 * Solution (perfect Bayesian equilibria, derived from the orderings). The last moves are
 * dominant: at 3b a Hard Challenger counter-escalates (EE), a Soft one accepts DE; at 4a a
 * strategically Hard Defender escalates (EE), a Soft one does not (ED). Tactically Soft Defenders
 * never respond in kind (D at node 2 gives at most d_DD_soft < d_DC). With r = Pr(Challenger Hard
 * | D at node 1) and q = Pr(Defender strategically Hard | D at node 2), the Challenger of type T
 * escalates at 3a iff q < q_T (either response at q = q_T) with
 *
 *   q_hard = (c_ED - c_DD) / (c_ED - c_EE_hard),   q_soft = (c_ED - c_DD) / (c_ED - c_EE_soft)  (< q_hard),
 *
 * a Defender of strategic type S prefers escalating (E) to conceding (C) at node 2 iff r < r_S with
 *
 *   r_hard = (d_DE - d_DC) / (d_DE - d_EE_hard),   r_soft = (d_DE - d_DC) / (d_DE - d_EE_soft),
 *
 * and a tactically Hard Defender responds in kind iff d_DD_hard + eps (X_S - d_DD_hard) beats both,
 * where eps = r e_hard + (1 - r) e_soft is the probability the Challenger escalates at 3a and X_S is
 * d_EE_hard or d_ED. The solver enumerates the continuation equilibria from node 2 for a given r
 * (pure, or with a tactically Hard Defender mixing so that q sits exactly at q_hard or q_soft), and
 * then the Challenger's node-1 choices: both types challenge (r = p_Ch), only the Hard type (r = 1),
 * only the Soft type (r = 0), neither (Deterrence), and semi-separating
 * equilibria where one type mixes (r found where that type is indifferent: at a Defender
 * indifference point r_hard / r_soft, with the indifferent types mixing C and E, or by bisection).
 * Off the equilibrium path beliefs are the prior over the types that could gain from the
 * unexpected move (a simplified intuitive criterion): at node 2 after an unexpected challenge
 * r = p_Ch (both types could gain c_DC > c_SQ), which makes the Deterrence Equilibrium depend on
 * credibility instead of on an arbitrary belief; at 3a after an unexpected response in kind, q is
 * the prior share of HH among the tactically Hard types whose d_DD_hard beats their equilibrium
 * value (tactically Soft types can never gain from it). Where that leaves no equilibrium (about
 * 0.2% of random points), q ranges over those types instead (any belief on them, as the intuitive
 * criterion of Cho & Kreps allows) and the equilibria are flagged `fallback`; free beliefs
 * everywhere would let an arbitrary belief (q = 0) support escalation equilibria at almost every
 * point (docs/decisions/0009). The continuation cases also include a tactically Hard type mixing a
 * response in kind with its other answer where it is indifferent between them. Every equilibrium
 * reported is checked against the built game in the tests (engine Nash check plus sequential
 * rationality), the pure ones against the engine's own perfect Bayesian equilibria, and 5,000
 * random points all report at least one (aeg-existence.test.ts).
 *
 * Names: Deterrence (no challenge), No-Response (every Defender type concedes), Constrained
 * Limited-Response (some Defender responds in kind and the Challenger never escalates after it),
 * Escalatory Limited-Response (responses in kind may be met by escalation), Escalation (Defender
 * answers only by escalating or conceding). The chapter-8 names are from the book's summaries and
 * are attached here by these behavioural definitions. Not verified: the book's app. 8 equilibrium
 * list was not readable. World Politics 47(3), 1995 uses another vocabulary (seen in excerpts
 * only): three forms of "NLRE", a "No-First-Use Equilibrium" and a "Warfighting" equilibrium; how
 * those map onto the names above (our Escalation Equilibrium, where no Defender responds in kind,
 * may be one of the NLRE forms) is open. See docs/deterrence.md, "Verification".
 */
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, chain, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';
import type { OffPathBeliefs } from '../games/perfect-bayesian';

export const AEG_PARAMETERS = [
  { name: 'c_SQ', description: "Challenger's utility for the status quo", default: 0.75, range: [0.65, 0.9], kind: 'utility' },
  { name: 'c_DC', description: "Challenger's utility when the Defender concedes", default: 1, range: [0.92, 1], kind: 'utility' },
  { name: 'c_DD', description: "Challenger's utility for a limited war (both at level D)", default: 0.45, range: [0.36, 0.5], kind: 'utility' },
  { name: 'c_ED', description: "Challenger's utility when it escalates and the Defender does not", default: 0.6, range: [0.52, 0.64], kind: 'utility' },
  { name: 'c_DE', description: "Challenger's utility when the Defender escalates and it does not", default: 0.2, range: [0.1, 0.25], kind: 'utility' },
  { name: 'c_EE_hard', description: "Hard Challenger's utility for all-out war (EE)", default: 0.3, range: [0.27, 0.34], kind: 'utility' },
  { name: 'c_EE_soft', description: "Soft Challenger's utility for all-out war (EE)", default: 0, range: [0, 0.08], kind: 'utility' },
  { name: 'd_SQ', description: "Defender's utility for the status quo", default: 1, range: [0.92, 1], kind: 'utility' },
  { name: 'd_DC', description: "Defender's utility for conceding", default: 0.45, range: [0.36, 0.52], kind: 'utility' },
  { name: 'd_DD_hard', description: "Tactically Hard Defender's utility for a limited war (DD)", default: 0.6, range: [0.55, 0.7], kind: 'utility' },
  { name: 'd_DD_soft', description: "Tactically Soft Defender's utility for a limited war (DD)", default: 0.3, range: [0.22, 0.34], kind: 'utility' },
  { name: 'd_DE', description: "Defender's utility when it escalates and the Challenger does not", default: 0.8, range: [0.72, 0.9], kind: 'utility' },
  { name: 'd_ED', description: "Defender's utility when the Challenger escalates and it does not", default: 0.1, range: [0.05, 0.15], kind: 'utility' },
  { name: 'd_EE_hard', description: "Strategically Hard Defender's utility for all-out war (EE)", default: 0.2, range: [0.17, 0.25], kind: 'utility' },
  { name: 'd_EE_soft', description: "Strategically Soft Defender's utility for all-out war (EE)", default: 0, range: [0, 0.04], kind: 'utility' },
  { name: 'p_Ch', description: 'Probability that the Challenger is Hard (prefers EE to DE)', default: 0.5, range: [0, 1], kind: 'probability' },
  { name: 'p_HH', description: 'Probability the Defender is tactically and strategically Hard', default: 0.2, range: [0, 1], kind: 'probability' },
  { name: 'p_HS', description: 'Probability the Defender is tactically Hard, strategically Soft', default: 0.3, range: [0, 1], kind: 'probability' },
  { name: 'p_SH', description: 'Probability the Defender is tactically Soft, strategically Hard', default: 0.2, range: [0, 1], kind: 'probability' },
  { name: 'p_SS', description: 'Probability the Defender is tactically and strategically Soft', default: 0.3, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS = [
  ...chain('c_EE_soft', 'c_DE', 'c_EE_hard', 'c_DD', 'c_ED', 'c_SQ', 'c_DC'),
  ...chain('d_EE_soft', 'd_ED', 'd_EE_hard', 'd_DD_soft', 'd_DC', 'd_DD_hard', 'd_DE', 'd_SQ'),
];
const OUTCOMES = ['SQ', 'DC', 'DD', 'DE', 'ED', 'EE'] as const;
const DEF_TYPES = ['HH', 'HS', 'SH', 'SS'] as const;
type DefType = (typeof DEF_TYPES)[number];
const PROBS = ['p_HH', 'p_HS', 'p_SH', 'p_SS'] as const;
/** The Defender types' prior probabilities are renormalised when they are redistributed (see sensitivity). */
export const AEG_DEF_TYPE_PROBABILITIES = PROBS;

export function aegParams(given: Params): Record<string, number> {
  return resolveParams({ id: 'aeg', parameters: AEG_PARAMETERS, orderings: ORDERINGS, probabilityGroups: [PROBS] }, given);
}

const tacticalHard = (t: DefType) => t[0] === 'H';
const strategicHard = (t: DefType) => t[1] === 'H';

export function buildAeg(given: Params): BuiltGame {
  const p = aegParams(given);
  const leaf = (outcome: string, c: number, d: number, variant?: string): TreeSpec => ({ kind: 'leaf', outcome, payoffs: [c, d], ...(variant ? { variant } : {}) });
  const sub = (ch: 'H' | 'S', t: DefType): TreeSpec => {
    const cEE = ch === 'H' ? p.c_EE_hard! : p.c_EE_soft!;
    const dEE = strategicHard(t) ? p.d_EE_hard! : p.d_EE_soft!;
    const dDD = tacticalHard(t) ? p.d_DD_hard! : p.d_DD_soft!;
    const eeVariant = `${ch === 'H' ? 'Hard' : 'Soft'} Challenger, strategically ${strategicHard(t) ? 'Hard' : 'Soft'} Defender`;
    return {
      kind: 'move',
      player: 0,
      infoset: `Ch${ch}:1`,
      branches: [
        { action: 'C', child: leaf('SQ', p.c_SQ!, p.d_SQ!) },
        {
          action: 'D',
          child: {
            kind: 'move',
            player: 1,
            infoset: `Def${t}:2`,
            branches: [
              { action: 'C', child: leaf('DC', p.c_DC!, p.d_DC!) },
              {
                action: 'D',
                child: {
                  kind: 'move',
                  player: 0,
                  infoset: `Ch${ch}:3a`,
                  branches: [
                    { action: 'D', child: leaf('DD', p.c_DD!, dDD, `tactically ${tacticalHard(t) ? 'Hard' : 'Soft'} Defender`) },
                    {
                      action: 'E',
                      child: {
                        kind: 'move',
                        player: 1,
                        infoset: `Def${t}:4a`,
                        branches: [
                          { action: 'D', child: leaf('ED', p.c_ED!, p.d_ED!) },
                          { action: 'E', child: leaf('EE', cEE, dEE, eeVariant) },
                        ],
                      },
                    },
                  ],
                },
              },
              {
                action: 'E',
                child: {
                  kind: 'move',
                  player: 0,
                  infoset: `Ch${ch}:3b`,
                  branches: [
                    { action: 'D', child: leaf('DE', p.c_DE!, p.d_DE!) },
                    { action: 'E', child: leaf('EE', cEE, dEE, eeVariant) },
                  ],
                },
              },
            ],
          },
        },
      ],
    };
  };
  const branches: { action: string; prob: number; child: TreeSpec }[] = [];
  for (const ch of ['H', 'S'] as const) {
    const pc = ch === 'H' ? p.p_Ch! : 1 - p.p_Ch!;
    for (const [k, t] of DEF_TYPES.entries()) branches.push({ action: `Ch${ch}/Def${t}`, prob: pc * p[PROBS[k]]!, child: sub(ch, t) });
  }
  return buildGame(
    'Asymmetric Escalation Game',
    ['Challenger', 'Defender'],
    { kind: 'chance', label: 'types', branches },
    'Zagare & Kilgour (2000), Perfect Deterrence, ch. 6-9, fig. 6.3 and A1.7, app. A8',
  );
}

// ---------------------------------------------------------------------------------------------
// Specialised perfect Bayesian solver (fast enough for 100 x 100 maps).

interface AegContinuation {
  /** Per Defender type: probabilities of C, D, E at node 2. */
  readonly y: Record<DefType, [number, number, number]>;
  /** Probability that a Hard / Soft Challenger escalates at 3a. */
  readonly eH: number;
  readonly eS: number;
  /** Challenger's belief at 3a that the Defender is strategically Hard (off the path: the supporting belief). */
  readonly q: number;
  readonly qOnPath: boolean;
  /** Regime signature (for tracking one branch across r). */
  readonly sig: string;
}

export interface AegThresholds {
  q_hard: number;
  q_soft: number;
  r_hard: number;
  r_soft: number;
}

export function aegThresholds(p: Params): AegThresholds {
  return {
    q_hard: (p.c_ED! - p.c_DD!) / (p.c_ED! - p.c_EE_hard!),
    q_soft: (p.c_ED! - p.c_DD!) / (p.c_ED! - p.c_EE_soft!),
    r_hard: (p.d_DE! - p.d_DC!) / (p.d_DE! - p.d_EE_hard!),
    r_soft: (p.d_DE! - p.d_DC!) / (p.d_DE! - p.d_EE_soft!),
  };
}

const TOL = 1e-12;

// Defender payoffs at node 2 (module-level functions: no closures in the hot path).
function dUE(p: Params, r: number, t: DefType): number {
  return r * (strategicHard(t) ? p.d_EE_hard! : p.d_EE_soft!) + (1 - r) * p.d_DE!;
}
function dUD(p: Params, t: DefType, eps: number): number {
  return p.d_DD_hard! + eps * ((strategicHard(t) ? p.d_EE_hard! : p.d_ED!) - p.d_DD_hard!);
}
function dNonDValue(p: Params, r: number, t: DefType): number {
  return Math.max(p.d_DC!, dUE(p, r, t));
}
function dNonD(p: Params, r: number, t: DefType, tieMix: number | null): [number, number, number] {
  const diff = dUE(p, r, t) - p.d_DC!;
  const e = diff > TOL ? 1 : diff < -TOL ? 0 : (tieMix ?? 0);
  return [1 - e, 0, e];
}
function makeContinuation(p: Params, r: number, tieMix: number | null, dH: number, dS: number, eH: number, eS: number, q: number, qOnPath: boolean, sig: string): AegContinuation {
  const y = {} as Record<DefType, [number, number, number]>;
  for (const t of DEF_TYPES) {
    const dProb = t === 'HH' ? dH : t === 'HS' ? dS : 0;
    const [c, , e] = dNonD(p, r, t, tieMix);
    y[t] = [c * (1 - dProb), dProb, e * (1 - dProb)];
  }
  return { y, eH, eS, q, qOnPath, sig };
}
const D_ONLY = [1];
const D_NEVER = [0];
const D_EITHER = [0, 1];
function dCandidates(p: Params, r: number, t: DefType, eps: number): number[] {
  const diff = dUD(p, t, eps) - dNonDValue(p, r, t);
  return diff > TOL ? D_ONLY : diff < -TOL ? D_NEVER : D_EITHER;
}
/** Whether the Challenger's pure response `id` at 3a is optimal at belief q (ties allow both). */
function insideRegime(id: string, q: number, th: AegThresholds): boolean {
  if (id === 'esc-both') return q <= th.q_soft + TOL;
  if (id === 'esc-hard') return q >= th.q_soft - TOL && q <= th.q_hard + TOL;
  return q >= th.q_hard - TOL;
}
const REGIMES = [
  { eH: 1, eS: 1, id: 'esc-both' },
  { eH: 1, eS: 0, id: 'esc-hard' },
  { eH: 0, eS: 0, id: 'esc-none' },
] as const;

function continuations(p: Params, th: AegThresholds, r: number, tieMix: number | null, wide: boolean): AegContinuation[] {
  const prior: Record<DefType, number> = { HH: p.p_HH!, HS: p.p_HS!, SH: p.p_SH!, SS: p.p_SS! };
  const out: AegContinuation[] = [];
  // Pure Challenger responses at 3a.
  for (const g of REGIMES) {
    const eps = r * g.eH + (1 - r) * g.eS;
    for (const h of dCandidates(p, r, 'HH', eps)) {
      for (const s of dCandidates(p, r, 'HS', eps)) {
        const mass = prior.HH * h + prior.HS * s;
        if (mass <= 0) continue;
        const q = (prior.HH * h) / mass;
        if (insideRegime(g.id, q, th)) out.push(makeContinuation(p, r, tieMix, h, s, g.eH, g.eS, q, true, `${g.id}:${h}${s}`));
      }
    }
  }
  // Challenger mixing at 3a: q exactly at q_hard (eps in (0, r)) or at q_soft (eps in (r, 1)).
  if (prior.HH > 0 && prior.HS > 0) {
    for (const at of ['hard', 'soft'] as const) {
      const qStar = at === 'hard' ? th.q_hard : th.q_soft;
      const lo = at === 'hard' ? 0 : r;
      const hi = at === 'hard' ? r : 1;
      if (!(hi > lo)) continue;
      // (a) HS mixes D with its best alternative, HH plays D.
      {
        const eps = (p.d_DD_hard! - dNonDValue(p, r, 'HS')) / (p.d_DD_hard! - p.d_ED!);
        const s = (prior.HH * (1 - qStar)) / (prior.HS * qStar);
        if (eps > lo + TOL && eps < hi - TOL && s > TOL && s <= 1 + TOL && dUD(p, 'HH', eps) >= dNonDValue(p, r, 'HH') - TOL) {
          const [eH, eS] = at === 'hard' ? [eps / r, 0] : [1, (eps - r) / (1 - r)];
          out.push(makeContinuation(p, r, tieMix, 1, Math.min(1, s), eH, eS, qStar, true, `mix-${at}:HSmix`));
        }
      }
      // (b) HH mixes, HS plays D.
      {
        const eps = (p.d_DD_hard! - dNonDValue(p, r, 'HH')) / (p.d_DD_hard! - p.d_EE_hard!);
        const h = (qStar * prior.HS) / (prior.HH * (1 - qStar));
        if (eps > lo + TOL && eps < hi - TOL && h > TOL && h <= 1 + TOL && dUD(p, 'HS', eps) >= dNonDValue(p, r, 'HS') - TOL) {
          const [eH, eS] = at === 'hard' ? [eps / r, 0] : [1, (eps - r) / (1 - r)];
          out.push(makeContinuation(p, r, tieMix, Math.min(1, h), 1, eH, eS, qStar, true, `mix-${at}:HHmix`));
        }
      }
    }
  }
  // Nobody (with positive prior) responds in kind: D at node 2 is off the path. The Challenger's
  // belief q there weighs the types that could gain from responding in kind (those with d_DD_hard
  // above their equilibrium value; every type chance allows when none could). By default it is
  // their prior share (a simplified intuitive criterion); `wide` lets it range over them (any q in
  // [0, 1] when both HH and HS could, as the intuitive criterion of Cho & Kreps allows), the
  // fallback where the default leaves no equilibrium. Each belief region gives one pure response
  // of the Challenger (escalating at a tie): both escalate (q <= q_soft), only a Hard one
  // (q_soft <= q <= q_hard), neither (q >= q_hard).
  {
    const gainHH = prior.HH > 0 && p.d_DD_hard! > dNonDValue(p, r, 'HH') + TOL;
    const gainHS = prior.HS > 0 && p.d_DD_hard! > dNonDValue(p, r, 'HS') + TOL;
    const anyGain = gainHH || gainHS;
    const [hh, hs] = anyGain ? [gainHH, gainHS] : [prior.HH > 0, prior.HS > 0];
    const candidates: [number, number, number][] = [];
    const respond = (q: number): [number, number, number] => (q <= th.q_soft + TOL ? [1, 1, q] : q <= th.q_hard + TOL ? [1, 0, q] : [0, 0, q]);
    if (hh && !hs) candidates.push(respond(1));
    else if (hs && !hh) candidates.push(respond(0));
    else if (!hh && !hs) candidates.push([1, 1, 0]); // chance never reaches 3a: the belief is irrelevant
    else if (wide || !anyGain) candidates.push([1, 1, 0], [1, 0, Math.min(1, Math.max(0, (th.q_soft + th.q_hard) / 2))], [0, 0, 1]);
    else candidates.push(respond(prior.HH / (prior.HH + prior.HS)));
    for (const [eH, eS, q] of candidates) {
      const eps = r * eH + (1 - r) * eS;
      const dH = dUD(p, 'HH', eps) > dNonDValue(p, r, 'HH') + TOL ? 1 : 0;
      const dS = dUD(p, 'HS', eps) > dNonDValue(p, r, 'HS') + TOL ? 1 : 0;
      if (prior.HH * dH + prior.HS * dS > 0) continue;
      out.push(makeContinuation(p, r, tieMix, dH, dS, eH, eS, q, false, `no-D:${eH}${eS}`));
    }
  }
  return out;
}

/** Challenger type T's expected utility of D at node 1 under a continuation. */
function valueOfD(p: Params, cont: AegContinuation, hard: boolean): number {
  const prior: Record<DefType, number> = { HH: p.p_HH!, HS: p.p_HS!, SH: p.p_SH!, SS: p.p_SS! };
  const cEE = hard ? p.c_EE_hard! : p.c_EE_soft!;
  const e = hard ? cont.eH : cont.eS;
  let v = 0;
  for (const t of DEF_TYPES) {
    const [yc, yd, ye] = cont.y[t];
    const afterD = e * (strategicHard(t) ? cEE : p.c_ED!) + (1 - e) * p.c_DD!;
    v += prior[t] * (yc * p.c_DC! + ye * (hard ? cEE : p.c_DE!) + yd * afterD);
  }
  return v;
}

interface AegEquilibrium {
  xH: number;
  xS: number;
  r: number;
  rOnPath: boolean;
  cont: AegContinuation;
}

function outcomesOf(p: Params, eq: AegEquilibrium): Record<string, number> {
  const table: Record<string, number> = {};
  const prior: Record<DefType, number> = { HH: p.p_HH!, HS: p.p_HS!, SH: p.p_SH!, SS: p.p_SS! };
  for (const hard of [true, false]) {
    const pc = hard ? p.p_Ch! : 1 - p.p_Ch!;
    const x = hard ? eq.xH : eq.xS;
    addMass(table, 'SQ', pc * (1 - x));
    const e = hard ? eq.cont.eH : eq.cont.eS;
    for (const t of DEF_TYPES) {
      const w = pc * x * prior[t];
      if (w === 0) continue;
      const [yc, yd, ye] = eq.cont.y[t];
      addMass(table, 'DC', w * yc);
      addMass(table, hard ? 'EE' : 'DE', w * ye);
      addMass(table, 'DD', w * yd * (1 - e));
      addMass(table, strategicHard(t) ? 'EE' : 'ED', w * yd * e);
    }
  }
  return cleanOutcomes(table, OUTCOMES);
}

function kindOf(p: Params, eq: AegEquilibrium): string {
  if (eq.xH === 0 && eq.xS === 0) return 'Deterrence Equilibrium';
  const prior: Record<DefType, number> = { HH: p.p_HH!, HS: p.p_HS!, SH: p.p_SH!, SS: p.p_SS! };
  const onPath = DEF_TYPES.filter((t) => prior[t] > 0);
  const anyD = onPath.some((t) => eq.cont.y[t][1] > 0);
  const anyE = onPath.some((t) => eq.cont.y[t][2] > 0);
  if (anyD) {
    const rCh = eq.r;
    const escalation = rCh * eq.cont.eH + (1 - rCh) * eq.cont.eS;
    return escalation > 0 ? 'Escalatory Limited-Response Equilibrium' : 'Constrained Limited-Response Equilibrium';
  }
  if (anyE) return 'Escalation Equilibrium';
  return 'No-Response Equilibrium';
}

function describe(eq: AegEquilibrium): string {
  const who =
    eq.xH === 1 && eq.xS === 1
      ? 'both Challenger types challenge'
      : eq.xH === 1 && eq.xS === 0
        ? 'only a Hard Challenger challenges'
        : eq.xH === 0 && eq.xS === 1
          ? 'only a Soft Challenger challenges'
          : eq.xH === 0 && eq.xS === 0
            ? `no Challenger type challenges (off the path the Defender keeps its prior belief r = ${fmt(eq.r)})`
            : eq.xH === 1
              ? `a Hard Challenger challenges, a Soft one bluffs with probability ${fmt(eq.xS)}`
              : `a Soft Challenger challenges, a Hard one with probability ${fmt(eq.xH)}`;
  return who;
}

function rGrid(extra: number[]): number[] {
  const pts = new Set<number>(extra.filter((v) => v >= 0 && v <= 1));
  for (let k = 0; k <= 24; k++) pts.add(k / 24);
  return [...pts].sort((a, b) => a - b);
}

export function aegEquilibria(p: Params, wide = false): AegEquilibrium[] {
  const th = aegThresholds(p);
  const pCh = p.p_Ch!;
  const cSQ = p.c_SQ!;
  const found: AegEquilibrium[] = [];
  const ge = (a: number, b: number) => a >= b - 1e-10;
  const le = (a: number, b: number) => a <= b + 1e-10;
  const tryPure = (xH: number, xS: number, accept: (vH: number, vS: number) => boolean) => {
    const mass = pCh * xH + (1 - pCh) * xS;
    // Off the path (nobody challenges) the Defender keeps its prior belief r = p_Ch.
    const r = mass > 0 ? (pCh * xH) / mass : pCh;
    for (const cont of continuations(p, th, r, null, wide)) {
      if (accept(valueOfD(p, cont, true), valueOfD(p, cont, false))) found.push({ xH, xS, r, rOnPath: mass > 0, cont });
    }
  };
  tryPure(1, 1, (vH, vS) => ge(vH, cSQ) && ge(vS, cSQ));
  tryPure(1, 0, (vH, vS) => ge(vH, cSQ) && le(vS, cSQ));
  tryPure(0, 1, (vH, vS) => le(vH, cSQ) && ge(vS, cSQ));
  tryPure(0, 0, (vH, vS) => le(vH, cSQ) && le(vS, cSQ));

  // Semi-separating: one type mixes, so it is indifferent: V_T(r) = c_SQ.
  if (pCh > 0 && pCh < 1) {
    // Continuations with a mixing tactically Hard Defender on a grid of r (shared by both cases).
    const mixGrid: { r: number; conts: AegContinuation[] }[] = [];
    if (p.p_HH! > 0 && p.p_HS! > 0) {
      for (const r of rGrid([th.r_hard, th.r_soft, pCh])) {
        if (r <= 0 || r >= 1) continue;
        mixGrid.push({ r, conts: continuations(p, th, r, null, wide).filter((c) => c.sig.startsWith('mix-')) });
      }
    }
    for (const mixer of ['soft', 'hard'] as const) {
      // soft mixes, hard challenges: r in (p_Ch, 1); hard mixes, soft challenges: r in (0, p_Ch)
      const [lo, hi] = mixer === 'soft' ? [pCh, 1] : [0, pCh];
      const xFrom = (r: number) =>
        mixer === 'soft' ? (pCh * (1 - r)) / ((1 - pCh) * r) : ((1 - pCh) * r) / (pCh * (1 - r));
      const accept = (r: number, cont: AegContinuation): boolean => {
        const vH = valueOfD(p, cont, true);
        const vS = valueOfD(p, cont, false);
        return mixer === 'soft' ? Math.abs(vS - cSQ) < 1e-9 && ge(vH, cSQ) : Math.abs(vH - cSQ) < 1e-9 && ge(vS, cSQ);
      };
      const record = (r: number, cont: AegContinuation) => {
        const x = xFrom(r);
        if (!(x > TOL && x < 1 - TOL)) return;
        found.push(mixer === 'soft' ? { xH: 1, xS: x, r, rOnPath: true, cont } : { xH: x, xS: 1, r, rOnPath: true, cont });
      };
      // (1) at a Defender indifference point, the indifferent types mix C and E.
      for (const r of [th.r_hard, th.r_soft]) {
        if (!(r > lo + TOL && r < hi - TOL)) continue;
        const at0 = continuations(p, th, r, 0, wide);
        const at1 = continuations(p, th, r, 1, wide);
        for (const c0 of at0) {
          const c1 = at1.find((c) => c.sig === c0.sig);
          if (!c1) continue;
          const v = (c: AegContinuation) => valueOfD(p, c, mixer === 'hard');
          const v0 = v(c0) - cSQ;
          const v1 = v(c1) - cSQ;
          if (v0 === v1 || v0 * v1 > 0) continue;
          const m = v0 / (v0 - v1);
          const cont = continuations(p, th, r, m, wide).find((c) => c.sig === c0.sig);
          if (cont && accept(r, cont)) record(r, cont);
        }
      }
      // (3) where a tactically Hard type is indifferent between responding in kind (D) and its best
      // other answer (C or E) under a pure response g of the Challenger at 3a, that type mixes D
      // with it (probability m of D) so that the mixing Challenger type is indifferent; g must stay
      // optimal at the resulting belief q.
      for (const t of ['HH', 'HS'] as const) {
        const priorT = t === 'HH' ? p.p_HH! : p.p_HS!;
        if (priorT <= 0) continue;
        const other: DefType = t === 'HH' ? 'HS' : 'HH';
        const priorO = other === 'HH' ? p.p_HH! : p.p_HS!;
        for (const g of REGIMES) {
          // dUD(t, eps(r)) = a0 + a1 r with eps(r) = r eH + (1 - r) eS.
          const X = strategicHard(t) ? p.d_EE_hard! : p.d_ED!;
          const a0 = p.d_DD_hard! + g.eS * (X - p.d_DD_hard!);
          const a1 = (g.eH - g.eS) * (X - p.d_DD_hard!);
          const dEE = strategicHard(t) ? p.d_EE_hard! : p.d_EE_soft!;
          // Alternatives: C (d_DC), E (r dEE + (1 - r) d_DE).
          const roots: number[] = [];
          if (Math.abs(a1) > 1e-15) roots.push((p.d_DC! - a0) / a1);
          const slope = a1 - (dEE - p.d_DE!);
          if (Math.abs(slope) > 1e-15) roots.push((p.d_DE! - a0) / slope);
          for (const r of roots) {
            if (!(r > lo + TOL && r < hi - TOL)) continue;
            const eps = r * g.eH + (1 - r) * g.eS;
            if (Math.abs(dUD(p, t, eps) - dNonDValue(p, r, t)) > 1e-9) continue;
            for (const o of priorO > 0 ? dCandidates(p, r, other, eps) : D_NEVER) {
              const contAt = (m: number): AegContinuation => {
                const [dH, dS] = t === 'HH' ? [m, o] : [o, m];
                const mass = p.p_HH! * dH + p.p_HS! * dS;
                const q = mass > 0 ? (p.p_HH! * dH) / mass : g.id === 'esc-none' ? 1 : 0;
                return makeContinuation(p, r, null, dH, dS, g.eH, g.eS, q, mass > 0, `dmix-${t}:${g.id}:${o}`);
              };
              const v = (m: number) => valueOfD(p, contAt(m), mixer === 'hard') - cSQ;
              const v0 = v(0);
              const v1 = v(1);
              if (v0 === v1 || v0 * v1 > 0) continue;
              const m = v0 / (v0 - v1);
              if (!(m > TOL && m < 1 - TOL)) continue;
              const cont = contAt(m);
              if (!cont.qOnPath || !insideRegime(g.id, cont.q, th)) continue;
              if (accept(r, cont)) record(r, cont);
            }
          }
        }
      }
      // (2) along a branch whose value varies continuously with r (a tactically Hard Defender
      // mixing at q_hard or q_soft): bisection on sign changes between grid points.
      if (mixGrid.length === 0) continue;
      const value = (r: number, sig: string): number | undefined => {
        const c = continuations(p, th, r, null, wide).find((x) => x.sig === sig);
        return c === undefined ? undefined : valueOfD(p, c, mixer === 'hard') - cSQ;
      };
      for (let k = 0; k + 1 < mixGrid.length; k++) {
        const { r: a, conts: contsA } = mixGrid[k]!;
        const { r: b, conts: contsB } = mixGrid[k + 1]!;
        if (!(a > lo + 1e-9 && b < hi - 1e-9)) continue;
        for (const ca of contsA) {
          const cb = contsB.find((x) => x.sig === ca.sig);
          if (!cb) continue;
          const fa = valueOfD(p, ca, mixer === 'hard') - cSQ;
          const fb = valueOfD(p, cb, mixer === 'hard') - cSQ;
          if (fa * fb > 0 || fa === fb) continue;
          let x0 = a;
          let x1 = b;
          let f0 = fa;
          for (let it = 0; it < 48; it++) {
            const mid = (x0 + x1) / 2;
            const fm = value(mid, ca.sig);
            if (fm === undefined) break;
            if (fm * f0 <= 0) x1 = mid;
            else {
              x0 = mid;
              f0 = fm;
            }
          }
          const r = (x0 + x1) / 2;
          const cont = continuations(p, th, r, null, wide).find((x) => x.sig === ca.sig);
          if (cont && accept(r, cont)) record(r, cont);
        }
      }
    }
  }
  // Drop duplicates (same path and same behaviour).
  const seen = new Set<string>();
  return found.filter((eq) => {
    const key = JSON.stringify([eq.xH, eq.xS, eq.cont.y, eq.cont.eH, eq.cont.eS].map((v) => JSON.stringify(v, (_, x) => (typeof x === 'number' ? Number(x.toFixed(9)) : x))));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The perfect Bayesian equilibria as reports (used by maps: fast, no threshold search). */
export function aegReports(given: Params): { params: Record<string, number>; equilibria: EquilibriumReport[] } {
  const p = aegParams(given);
  return { params: p, equilibria: distinctReports(p) };
}

/** Reports of the equilibria, one per kind, path and Challenger behaviour (off-path variants merged). */
function distinctReports(p: Params): EquilibriumReport[] {
  const seen = new Set<string>();
  const out: EquilibriumReport[] = [];
  // Where the default off-path belief leaves no equilibrium (about 0.2% of random points), the
  // belief after an unexpected response in kind ranges over the types that could gain (flagged).
  let found = aegEquilibria(p);
  const fallback = found.length === 0;
  if (fallback) found = aegEquilibria(p, true);
  for (const eq of found) {
    const rep = fallback ? asFallback(report(p, eq)) : report(p, eq);
    const key = JSON.stringify([rep.kind, rep.outcomes, eq.xH, eq.xS], (_, x) => (typeof x === 'number' ? Number(x.toFixed(9)) : x));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(rep);
  }
  return out;
}

function report(p: Params, eq: AegEquilibrium): EquilibriumReport {
  const strategies: Record<string, number> = { x_hard: eq.xH, x_soft: eq.xS };
  for (const t of DEF_TYPES) {
    strategies[`y_${t}_C`] = eq.cont.y[t][0];
    strategies[`y_${t}_D`] = eq.cont.y[t][1];
    strategies[`y_${t}_E`] = eq.cont.y[t][2];
  }
  strategies.e_hard = eq.cont.eH;
  strategies.e_soft = eq.cont.eS;
  return {
    kind: kindOf(p, eq),
    outcomes: outcomesOf(p, eq),
    strategies,
    beliefs: { r: eq.r, q: eq.cont.q },
    note: describe(eq) + (eq.cont.qOnPath ? '' : `; no Defender responds in kind (supported off the path by the Challenger's belief q = ${fmt(eq.cont.q)})`),
  };
}

function asFallback(rep: EquilibriumReport): EquilibriumReport {
  return {
    ...rep,
    fallback: true,
    note: `${rep.note}; no equilibrium exists with the prior share of the types that could gain from a response in kind as the Challenger's off-path belief, so that belief ranges over those types (q = ${fmt(rep.beliefs!.q!)})`,
  };
}

/** Behaviour profile of an equilibrium report on the built game, keyed by information set. */
export function aegBehaviour(eq: EquilibriumReport): Record<string, number[]> {
  const s = eq.strategies;
  const out: Record<string, number[]> = {
    'ChH:1': [1 - s.x_hard!, s.x_hard!],
    'ChS:1': [1 - s.x_soft!, s.x_soft!],
    'ChH:3a': [1 - s.e_hard!, s.e_hard!],
    'ChS:3a': [1 - s.e_soft!, s.e_soft!],
    'ChH:3b': [0, 1],
    'ChS:3b': [1, 0],
  };
  for (const t of DEF_TYPES) {
    out[`Def${t}:2`] = [s[`y_${t}_C`]!, s[`y_${t}_D`]!, s[`y_${t}_E`]!];
    out[`Def${t}:4a`] = strategicHard(t) ? [0, 1] : [1, 0];
  }
  return out;
}

const failureOf = (eqs: readonly EquilibriumReport[]) => (eqs.length === 0 ? Number.NaN : Math.max(...eqs.map((e) => 1 - (e.outcomes.SQ ?? 0))));

/**
 * The smallest p_HH (the other Defender types keeping their relative shares) above which every
 * equilibrium is Deterrence, on a grid of 100 steps refined by bisection (to ~1e-6); NaN when none.
 */
export function minimumCredibility(p: Record<string, number>): number {
  const others = ['p_HS', 'p_SH', 'p_SS'];
  const restSum = others.reduce((s, n) => s + p[n]!, 0);
  const at = (v: number): boolean => {
    const q: Record<string, number> = { ...p, p_HH: v };
    for (const n of others) q[n] = restSum > 0 ? ((1 - v) * p[n]!) / restSum : (1 - v) / 3;
    const eqs = distinctReports(q);
    return eqs.length > 0 && failureOf(eqs) < 1e-9;
  };
  const N = 100;
  let lowestGood = -1;
  for (let k = N; k >= 0; k--) {
    if (at(k / N)) lowestGood = k;
    else break;
  }
  if (lowestGood < 0) return Number.NaN;
  if (lowestGood === 0) return 0;
  let bad = (lowestGood - 1) / N;
  let good = lowestGood / N;
  for (let i = 0; i < 14; i++) {
    const mid = (bad + good) / 2;
    if (at(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

export function solveAeg(given: Params, options: { fast?: boolean } = {}): DeterrenceResult {
  const p = aegParams(given);
  const th = aegThresholds(p);
  const equilibria = distinctReports(p);
  const pHHmin = options.fast ? Number.NaN : minimumCredibility(p);
  const tacticalHardMass = p.p_HH! + p.p_HS!;
  const qPrior = tacticalHardMass > 0 ? p.p_HH! / tacticalHardMass : Number.NaN;
  const sides: ThresholdSide[] = [];
  if (!Number.isNaN(pHHmin)) {
    const s = sideOf(p.p_HH!, pHHmin, 1e-6);
    sides.push({
      threshold: 'p_HH_min',
      compared: 'p_HH',
      value: p.p_HH!,
      thresholdValue: pHHmin,
      side: s,
      meaning:
        s === 'below'
          ? 'the Defender is not credible enough at both levels for deterrence to be certain'
          : 'the Defender is credible enough at both levels: every equilibrium is deterrence',
    });
  }
  if (!Number.isNaN(qPrior)) {
    for (const [name, v] of [
      ['q_hard', th.q_hard],
      ['q_soft', th.q_soft],
    ] as const) {
      const s = sideOf(qPrior, v);
      sides.push({
        threshold: name,
        compared: 'p_HH/(p_HH+p_HS)',
        value: qPrior,
        thresholdValue: v,
        side: s,
        meaning: `${name === 'q_hard' ? 'a Hard' : 'a Soft'} Challenger ${s === 'above' ? 'stops at DD' : 'escalates'} after a limited response, if every tactically Hard Defender responds in kind`,
      });
    }
  }
  for (const [name, v] of [
    ['r_hard', th.r_hard],
    ['r_soft', th.r_soft],
  ] as const) {
    const s = sideOf(p.p_Ch!, v);
    sides.push({
      threshold: name,
      compared: 'p_Ch',
      value: p.p_Ch!,
      thresholdValue: v,
      side: s,
      meaning: `a strategically ${name === 'r_hard' ? 'Hard' : 'Soft'} Defender ${s === 'below' ? 'would rather escalate than concede' : 'would rather concede than escalate'} when both Challenger types challenge`,
    });
  }
  const worst = failureOf(equilibria);
  const summary =
    equilibria.length === 0
      ? 'No perfect Bayesian equilibrium found by the specialised solver at these exact values (a tie between thresholds); move a parameter slightly.'
      : `${equilibria.length} equilibri${equilibria.length === 1 ? 'um' : 'a'}: ${[...new Set(equilibria.map((e) => e.kind))].join(', ')}. ` +
        `Worst-case probability that deterrence fails: ${fmt(worst)}. ` +
        (options.fast ? '' : Number.isNaN(pHHmin)
          ? 'No value of p_HH makes deterrence certain with these utilities.'
          : `Deterrence is certain once p_HH >= ${fmt(pHHmin)} (now ${fmt(p.p_HH!)}).`);
  return {
    model: 'aeg',
    title: 'Asymmetric Escalation Game',
    parameters: p,
    equilibria,
    thresholds: options.fast ? { ...th } : { ...th, p_HH_min: pHHmin },
    sides,
    complete: false,
    summary,
  };
}

/**
 * Brink's off-path belief convention for the AEG (see the header): the prior over the types that
 * could gain from the unexpected move (at node 2 both Challenger types could, so the Defender keeps
 * its prior r = p_Ch).
 */
export const AEG_OFF_PATH: OffPathBeliefs = 'refined';
/** The fallback (equilibria flagged `fallback`): after an unexpected response in kind any belief over the types that could gain. */
export const AEG_FALLBACK_OFF_PATH: OffPathBeliefs = (label) => (label.endsWith(':3a') ? 'gainers' : 'refined');

export const aeg: DeterrenceModel = {
  id: 'aeg',
  title: 'Asymmetric Escalation Game',
  source: 'Zagare & Kilgour (2000), Perfect Deterrence, ch. 6-9, fig. 6.3 and A1.7, app. A1.4 and A8; World Politics 47(3), 1995',
  players: ['Challenger', 'Defender'],
  roles: ['challenger', 'defender'],
  outcomes: OUTCOMES,
  outcomeNames: {
    SQ: 'status quo',
    DC: 'Defender concedes',
    DD: 'limited war',
    DE: 'Defender escalates',
    ED: 'Challenger escalates',
    EE: 'all-out war',
  },
  successOutcomes: ['SQ'],
  parameters: AEG_PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [PROBS],
  offPathBeliefs: AEG_OFF_PATH,
  fallbackOffPathBeliefs: AEG_FALLBACK_OFF_PATH,
  build: buildAeg,
  solve: solveAeg,
  behaviour: (eq) => aegBehaviour(eq),
};

/**
 * Unilateral Deterrence Game (Zagare & Kilgour, Perfect Deterrence, Cambridge UP 2000, ch. 5,
 * app. A1.2 and A5; Kilgour & Zagare, "Credibility, uncertainty and deterrence", AJPS 35(2), 1991
 * for the one-sided analysis style). Two-sided incomplete information.
 *
 * Game: Challenger (Ch) chooses C (status quo, SQ) or D (demand). After D, Defender (Def) chooses
 * C (concede, DC) or D (resist). After resistance Ch chooses C (back down, CD) or D (fight, DD).
 * Ch is Hard (c_DD_hard > c_CD: prefers fighting to backing down) with probability p_Ch;
 * Def is Hard (d_DD_hard > d_DC: prefers fighting to conceding) with probability p_Def.
 * The game form (these moves and outcomes; Hard = prefers fighting to backing down or conceding;
 * each player knows its own type only) matches the abstract of Z&K's two-sided asymmetric
 * deterrence paper (ISQ 37(1), 1993; checked in published-results.test.ts).
 * Orderings used here (our reading of ch. 5; the primary appendix was not available to check):
 *   c_DD_soft < c_CD < c_DD_hard < c_DC, c_CD < c_SQ < c_DC,
 *   d_DD_soft < d_DC < d_DD_hard < d_SQ, d_DC < d_CD.
 *
 * Solution (perfect Bayesian, passive off-path beliefs). The last move is dominant: Hard Ch fights,
 * Soft Ch backs down; Hard Def always resists (d_DD_hard and d_CD both beat d_DC). With
 * r = Pr(Ch Hard | D) a Soft Def resists iff r < r_Def, and with pi = Pr(Def resists) a Ch of
 * type T demands iff pi < pi_T:
 *
 *   r_Def   = (d_CD - d_DC) / (d_CD - d_DD_soft)
 *   pi_hard = (c_DC - c_SQ) / (c_DC - c_DD_hard),   pi_soft = (c_DC - c_SQ) / (c_DC - c_CD)  (< pi_hard)
 *
 * Equilibria: Certain Deterrence (no demand; r = p_Ch off the path), Attack (both types demand,
 * r = p_Ch), Separating (only Hard Ch demands, r = 1, Soft Def concedes, needs
 * pi_soft <= p_Def <= pi_hard), Bluff (Hard Ch demands, Soft Ch bluffs with probability
 * x_soft = p_Ch (1 - r_Def) / ((1 - p_Ch) r_Def) so that r = r_Def, and Soft Def resists with
 * y_soft = (pi_soft - p_Def) / (1 - p_Def) so that pi = pi_soft; needs p_Ch < r_Def, p_Def <= pi_soft).
 */
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, chain, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'c_SQ', description: "Challenger's utility for the status quo", default: 0.5, range: [0.35, 0.7], kind: 'utility' },
  { name: 'c_DC', description: "Challenger's utility when the Defender concedes", default: 1, range: [0.85, 1], kind: 'utility' },
  { name: 'c_CD', description: "Challenger's utility for backing down after resistance", default: 0.2, range: [0.12, 0.3], kind: 'utility' },
  { name: 'c_DD_hard', description: "Hard Challenger's utility for conflict", default: 0.35, range: [0.25, 0.45], kind: 'utility' },
  { name: 'c_DD_soft', description: "Soft Challenger's utility for conflict", default: 0, range: [0, 0.1], kind: 'utility' },
  { name: 'd_SQ', description: "Defender's utility for the status quo", default: 1, range: [0.9, 1], kind: 'utility' },
  { name: 'd_DC', description: "Defender's utility for conceding", default: 0.3, range: [0.2, 0.4], kind: 'utility' },
  { name: 'd_CD', description: "Defender's utility when the Challenger backs down", default: 0.8, range: [0.7, 0.9], kind: 'utility' },
  { name: 'd_DD_hard', description: "Hard Defender's utility for conflict", default: 0.5, range: [0.45, 0.6], kind: 'utility' },
  { name: 'd_DD_soft', description: "Soft Defender's utility for conflict", default: 0, range: [0, 0.15], kind: 'utility' },
  { name: 'p_Ch', description: 'Probability the Challenger is Hard', default: 0.3, range: [0, 1], kind: 'probability' },
  { name: 'p_Def', description: "Defender's credibility: probability the Defender is Hard", default: 0.5, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS = [
  ...chain('c_DD_soft', 'c_CD', 'c_DD_hard', 'c_DC'),
  ...chain('c_CD', 'c_SQ', 'c_DC'),
  ...chain('d_DD_soft', 'd_DC', 'd_DD_hard', 'd_SQ'),
  ['d_DC', 'd_CD'] as [string, string],
];
const OUTCOMES = ['SQ', 'DC', 'CD', 'DD'] as const;

function params(given: Params): Record<string, number> {
  return resolveParams({ id: 'udg', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
}

export function buildUdg(given: Params): BuiltGame {
  const p = params(given);
  const sub = (ch: 'H' | 'S', def: 'H' | 'S'): TreeSpec => ({
    kind: 'move',
    player: 0,
    infoset: `Ch${ch}:1`,
    branches: [
      { action: 'C', child: { kind: 'leaf', outcome: 'SQ', payoffs: [p.c_SQ!, p.d_SQ!] } },
      {
        action: 'D',
        child: {
          kind: 'move',
          player: 1,
          infoset: `Def${def}:2`,
          branches: [
            { action: 'C', child: { kind: 'leaf', outcome: 'DC', payoffs: [p.c_DC!, p.d_DC!] } },
            {
              action: 'D',
              child: {
                kind: 'move',
                player: 0,
                infoset: `Ch${ch}:3`,
                branches: [
                  { action: 'C', child: { kind: 'leaf', outcome: 'CD', payoffs: [p.c_CD!, p.d_CD!] } },
                  {
                    action: 'D',
                    child: { kind: 'leaf', outcome: 'DD', payoffs: [ch === 'H' ? p.c_DD_hard! : p.c_DD_soft!, def === 'H' ? p.d_DD_hard! : p.d_DD_soft!], variant: `${ch === 'H' ? 'Hard' : 'Soft'} Challenger, ${def === 'H' ? 'Hard' : 'Soft'} Defender` },
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  });
  const branches: { action: string; prob: number; child: TreeSpec }[] = [];
  for (const ch of ['H', 'S'] as const)
    for (const def of ['H', 'S'] as const)
      branches.push({ action: `Ch${ch}/Def${def}`, prob: (ch === 'H' ? p.p_Ch! : 1 - p.p_Ch!) * (def === 'H' ? p.p_Def! : 1 - p.p_Def!), child: sub(ch, def) });
  return buildGame('Unilateral Deterrence Game', ['Challenger', 'Defender'], { kind: 'chance', label: 'types', branches }, 'Zagare & Kilgour (2000), Perfect Deterrence, ch. 5, app. A5');
}

export function udgThresholds(p: Params): { r_Def: number; pi_hard: number; pi_soft: number } {
  return {
    r_Def: (p.d_CD! - p.d_DC!) / (p.d_CD! - p.d_DD_soft!),
    pi_hard: (p.c_DC! - p.c_SQ!) / (p.c_DC! - p.c_DD_hard!),
    pi_soft: (p.c_DC! - p.c_SQ!) / (p.c_DC! - p.c_CD!),
  };
}

interface UdgEq {
  kind: string;
  xH: number;
  xS: number;
  yS: number;
  r: number;
}

function outcomes(p: Params, e: UdgEq): Record<string, number> {
  const t: Record<string, number> = {};
  const pi = p.p_Def! + (1 - p.p_Def!) * e.yS;
  for (const hard of [true, false]) {
    const w = hard ? p.p_Ch! : 1 - p.p_Ch!;
    const x = hard ? e.xH : e.xS;
    addMass(t, 'SQ', w * (1 - x));
    addMass(t, 'DC', w * x * (1 - pi));
    addMass(t, hard ? 'DD' : 'CD', w * x * pi);
  }
  return cleanOutcomes(t, OUTCOMES);
}

export function solveUdg(given: Params): DeterrenceResult {
  const p = params(given);
  const th = udgThresholds(p);
  const pCh = p.p_Ch!;
  const pDef = p.p_Def!;
  const eqs: UdgEq[] = [];
  const eps = 1e-12;
  const softResists = (r: number): number[] => (r < th.r_Def - eps ? [1] : r > th.r_Def + eps ? [0] : [0, 1]);
  const piOf = (yS: number) => pDef + (1 - pDef) * yS;
  // Pure strategies of the two Challenger types.
  for (const [xH, xS, kind] of [
    [0, 0, 'Certain Deterrence Equilibrium'],
    [1, 1, 'Attack Equilibrium'],
    [1, 0, 'Separating Equilibrium'],
    [0, 1, 'Separating Equilibrium (Soft challenges)'],
  ] as const) {
    const mass = pCh * xH + (1 - pCh) * xS;
    const r = mass > 0 ? (pCh * xH) / mass : pCh;
    for (const yS of softResists(r)) {
      const pi = piOf(yS);
      const hOk = xH === 1 ? pi <= th.pi_hard + eps : pi >= th.pi_hard - eps;
      const sOk = xS === 1 ? pi <= th.pi_soft + eps : pi >= th.pi_soft - eps;
      if (hOk && sOk) eqs.push({ kind, xH, xS, yS, r });
    }
  }
  // Bluff: Hard demands, Soft mixes so that r = r_Def; Soft Def mixes so that pi = pi_soft.
  if (pCh < th.r_Def - eps && pCh > 0 && pDef < 1 && pDef <= th.pi_soft + eps) {
    const r = th.r_Def;
    const xS = (pCh * (1 - r)) / ((1 - pCh) * r);
    const yS = (th.pi_soft - pDef) / (1 - pDef);
    if (xS > eps && xS < 1 - eps && yS >= -eps && yS <= 1 + eps) eqs.push({ kind: 'Bluff Equilibrium', xH: 1, xS, yS: Math.min(1, Math.max(0, yS)), r });
  }
  const equilibria: EquilibriumReport[] = eqs.map((e) => ({
    kind: e.kind,
    outcomes: outcomes(p, e),
    strategies: { x_hard: e.xH, x_soft: e.xS, y_hard: 1, y_soft: e.yS, z_hard: 1, z_soft: 0 },
    beliefs: { r: e.r },
  }));
  const sides: ThresholdSide[] = [
    { threshold: 'pi_hard', compared: 'p_Def', value: pDef, thresholdValue: th.pi_hard, side: sideOf(pDef, th.pi_hard), meaning: pDef >= th.pi_hard ? 'Hard Defenders alone deter a Hard Challenger' : 'Hard Defenders alone do not deter a Hard Challenger' },
    { threshold: 'pi_soft', compared: 'p_Def', value: pDef, thresholdValue: th.pi_soft, side: sideOf(pDef, th.pi_soft), meaning: pDef >= th.pi_soft ? 'Hard Defenders alone deter a Soft Challenger' : 'a Soft Challenger is tempted to bluff' },
    { threshold: 'r_Def', compared: 'p_Ch', value: pCh, thresholdValue: th.r_Def, side: sideOf(pCh, th.r_Def), meaning: pCh < th.r_Def ? 'a Soft Defender resists a pooled demand' : 'a Soft Defender concedes to a pooled demand' },
  ];
  const worst = equilibria.length ? Math.max(...equilibria.map((e) => 1 - (e.outcomes.SQ ?? 0))) : Number.NaN;
  return {
    model: 'udg',
    title: 'Unilateral Deterrence Game',
    parameters: p,
    equilibria,
    thresholds: th,
    sides,
    complete: true,
    summary: `${equilibria.map((e) => e.kind).join(', ') || 'no equilibrium found'}; worst-case probability that deterrence fails: ${fmt(worst)}.`,
  };
}

export const udg: DeterrenceModel = {
  id: 'udg',
  title: 'Unilateral Deterrence Game',
  source: 'Zagare & Kilgour (2000), Perfect Deterrence, ch. 5, app. A1.2 and A5',
  players: ['Challenger', 'Defender'],
  roles: ['challenger', 'defender'],
  outcomes: OUTCOMES,
  outcomeNames: {
    SQ: 'status quo',
    DC: 'Defender concedes',
    CD: 'Challenger backs down',
    DD: 'conflict',
  },
  successOutcomes: ['SQ'],
  parameters: PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [],
  offPathBeliefs: 'prior',
  build: buildUdg,
  solve: solveUdg,
  behaviour: (eq) => udgBehaviour(eq),
};

/** Behaviour profile keyed by information set (for the engine cross-check). */
export function udgBehaviour(eq: EquilibriumReport): Record<string, number[]> {
  const s = eq.strategies;
  return {
    'ChH:1': [1 - s.x_hard!, s.x_hard!],
    'ChS:1': [1 - s.x_soft!, s.x_soft!],
    'DefH:2': [0, 1],
    'DefS:2': [1 - s.y_soft!, s.y_soft!],
    'ChH:3': [0, 1],
    'ChS:3': [1, 0],
  };
}

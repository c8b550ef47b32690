/**
 * Generalized Mutual Deterrence Game (Kilgour & Zagare, "Credibility, uncertainty and deterrence",
 * AJPS 35(2):305-334, 1991; Zagare & Kilgour, Perfect Deterrence, Cambridge UP 2000, ch. 4, app. A4).
 *
 * Game (as implemented): A chooses C or D. After D, B chooses C (A wins, outcome DC) or D
 * (retaliates, DD). After C, B chooses C (status quo, SQ) or D (B initiates); then A chooses C (B
 * wins, CD) or D (retaliates, DD). Each player is Hard (prefers retaliation, DD, to capitulation)
 * with probability p_A, p_B (its credibility), Soft otherwise. Orderings:
 *   a_DD_soft < a_CD < a_DD_hard < a_SQ < a_DC,   b_DD_soft < b_DC < b_DD_hard < b_SQ < b_CD.
 * The primary appendix was not available to check the exact move order and equilibrium list
 * (so both are unverified; docs/deterrence.md); this sequential form keeps the paper's defining
 * features: both sides can upset the status quo and both can retaliate, with credibility uncertain.
 *
 * Solution (perfect Bayesian; off the path B believes the prior over the A types that could gain
 * from the unexpected move, a simplified intuitive criterion, as in the AEG). Retaliation is dominant: Hard retaliates,
 * Soft capitulates. A of type T initiates iff p_B a_DD_T + (1 - p_B) a_DC beats its value of C, and
 * the PDT thresholds (the credibility each side needs to deter the other, Z&K ch. 4):
 *
 *   c_A_T = (a_DC - a_SQ) / (a_DC - a_DD_T):  A of type T is deterred by B when p_B > c_A_T
 *   c_B_T = (b_CD - b_SQ) / (b_CD - b_DD_T):  B of type T initiates iff rho < c_B_T,
 *
 * where rho = Pr(A Hard | A chose C). Mutual deterrence (SQ for sure) needs B not to initiate and A
 * to prefer C: p_B >= c_A (for A's types) and rho >= c_B (for B's types); semi-separating
 * equilibria arise at rho = c_B_T with B of type T mixing.
 */
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, chain, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'a_SQ', description: "A's utility for the status quo", default: 0.6, range: [0.45, 0.8], kind: 'utility' },
  { name: 'a_DC', description: "A's utility when A wins (B capitulates)", default: 1, range: [0.85, 1], kind: 'utility' },
  { name: 'a_CD', description: "A's utility when B wins (A capitulates)", default: 0.2, range: [0.12, 0.28], kind: 'utility' },
  { name: 'a_DD_hard', description: "Hard A's utility for conflict", default: 0.4, range: [0.3, 0.44], kind: 'utility' },
  { name: 'a_DD_soft', description: "Soft A's utility for conflict", default: 0, range: [0, 0.1], kind: 'utility' },
  { name: 'b_SQ', description: "B's utility for the status quo", default: 0.6, range: [0.45, 0.8], kind: 'utility' },
  { name: 'b_CD', description: "B's utility when B wins (A capitulates)", default: 1, range: [0.85, 1], kind: 'utility' },
  { name: 'b_DC', description: "B's utility when A wins (B capitulates)", default: 0.2, range: [0.12, 0.28], kind: 'utility' },
  { name: 'b_DD_hard', description: "Hard B's utility for conflict", default: 0.4, range: [0.3, 0.44], kind: 'utility' },
  { name: 'b_DD_soft', description: "Soft B's utility for conflict", default: 0, range: [0, 0.1], kind: 'utility' },
  { name: 'p_A', description: "A's credibility: probability A is Hard", default: 0.5, range: [0, 1], kind: 'probability' },
  { name: 'p_B', description: "B's credibility: probability B is Hard", default: 0.5, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS = [...chain('a_DD_soft', 'a_CD', 'a_DD_hard', 'a_SQ', 'a_DC'), ...chain('b_DD_soft', 'b_DC', 'b_DD_hard', 'b_SQ', 'b_CD')];
const OUTCOMES = ['SQ', 'DC', 'CD', 'DD'] as const;
type T = 'H' | 'S';

function params(given: Params): Record<string, number> {
  return resolveParams({ id: 'gmdg', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
}

export function buildGmdg(given: Params): BuiltGame {
  const p = params(given);
  const aDD = (a: T) => (a === 'H' ? p.a_DD_hard! : p.a_DD_soft!);
  const bDD = (b: T) => (b === 'H' ? p.b_DD_hard! : p.b_DD_soft!);
  const sub = (a: T, b: T): TreeSpec => ({
    kind: 'move',
    player: 0,
    infoset: `A${a}:1`,
    branches: [
      {
        action: 'C',
        child: {
          kind: 'move',
          player: 1,
          infoset: `B${b}:initiate`,
          branches: [
            { action: 'C', child: { kind: 'leaf', outcome: 'SQ', payoffs: [p.a_SQ!, p.b_SQ!] } },
            {
              action: 'D',
              child: {
                kind: 'move',
                player: 0,
                infoset: `A${a}:retaliate`,
                branches: [
                  { action: 'C', child: { kind: 'leaf', outcome: 'CD', payoffs: [p.a_CD!, p.b_CD!] } },
                  { action: 'D', child: { kind: 'leaf', outcome: 'DD', payoffs: [aDD(a), bDD(b)], variant: `A ${a === 'H' ? 'Hard' : 'Soft'}, B ${b === 'H' ? 'Hard' : 'Soft'}` } },
                ],
              },
            },
          ],
        },
      },
      {
        action: 'D',
        child: {
          kind: 'move',
          player: 1,
          infoset: `B${b}:retaliate`,
          branches: [
            { action: 'C', child: { kind: 'leaf', outcome: 'DC', payoffs: [p.a_DC!, p.b_DC!] } },
            { action: 'D', child: { kind: 'leaf', outcome: 'DD', payoffs: [aDD(a), bDD(b)], variant: `A ${a === 'H' ? 'Hard' : 'Soft'}, B ${b === 'H' ? 'Hard' : 'Soft'}` } },
          ],
        },
      },
    ],
  });
  const branches: { action: string; prob: number; child: TreeSpec }[] = [];
  for (const a of ['H', 'S'] as const)
    for (const b of ['H', 'S'] as const)
      branches.push({ action: `A${a}/B${b}`, prob: (a === 'H' ? p.p_A! : 1 - p.p_A!) * (b === 'H' ? p.p_B! : 1 - p.p_B!), child: sub(a, b) });
  return buildGame('Generalized Mutual Deterrence Game', ['A', 'B'], { kind: 'chance', label: 'types', branches }, 'Kilgour & Zagare (1991), AJPS 35(2); Zagare & Kilgour (2000), ch. 4');
}

export function gmdgThresholds(p: Params) {
  return {
    c_A_hard: (p.a_DC! - p.a_SQ!) / (p.a_DC! - p.a_DD_hard!),
    c_A_soft: (p.a_DC! - p.a_SQ!) / (p.a_DC! - p.a_DD_soft!),
    c_B_hard: (p.b_CD! - p.b_SQ!) / (p.b_CD! - p.b_DD_hard!),
    c_B_soft: (p.b_CD! - p.b_SQ!) / (p.b_CD! - p.b_DD_soft!),
  };
}

interface GmdgEq {
  xH: number; // Pr(A Hard plays D)
  xS: number;
  zH: number; // Pr(B Hard initiates after C)
  zS: number;
  rho: number;
}

export function solveGmdg(given: Params): DeterrenceResult {
  const p = params(given);
  const th = gmdgThresholds(p);
  const pA = p.p_A!;
  const pB = p.p_B!;
  const eps = 1e-12;
  const vD = (a: T) => pB * (a === 'H' ? p.a_DD_hard! : p.a_DD_soft!) + (1 - pB) * p.a_DC!;
  const vC = (a: T, zH: number, zS: number) => {
    const z = pB * zH + (1 - pB) * zS;
    return z * (a === 'H' ? p.a_DD_hard! : p.a_CD!) + (1 - z) * p.a_SQ!;
  };
  const cB = (b: T) => (b === 'H' ? th.c_B_hard : th.c_B_soft);
  const zChoices = (b: T, rho: number): number[] => (rho < cB(b) - eps ? [1] : rho > cB(b) + eps ? [0] : [0, 1]);
  const eqs: GmdgEq[] = [];
  const aOk = (a: T, x: number, zH: number, zS: number) => {
    const d = vD(a) - vC(a, zH, zS);
    return x === 1 ? d >= -1e-10 : x === 0 ? d <= 1e-10 : Math.abs(d) <= 1e-10;
  };
  for (const xH of [0, 1])
    for (const xS of [0, 1]) {
      const mass = pA * (1 - xH) + (1 - pA) * (1 - xS);
      // Off the path (both types attack), B's belief after C is the prior over the A types that
      // could gain from C (its best payoff after C, a_SQ, beats its value of D); any belief if none.
      const mayGain = (a: T) => (a === 'H' ? pA > 0 : pA < 1) && p.a_SQ! > vD(a) + eps;
      const rhos =
        mass > 0
          ? [(pA * (1 - xH)) / mass]
          : mayGain('H') && mayGain('S')
            ? [pA]
            : mayGain('H')
              ? [1]
              : mayGain('S')
                ? [0]
                : pA === 0
                  ? [0]
                  : pA === 1
                    ? [1]
                    : [0, pA, 1];
      for (const rho of rhos)
        for (const zH of zChoices('H', rho))
          for (const zS of zChoices('S', rho)) if (aOk('H', xH, zH, zS) && aOk('S', xS, zH, zS)) eqs.push({ xH, xS, zH, zS, rho });
    }
  // Under these beliefs a few parameter regions have no equilibrium; there, fall back to weak
  // perfect Bayesian equilibria (any off-path belief), flagged in the report.
  let freeBeliefs = false;
  if (eqs.length === 0) {
    freeBeliefs = true;
    for (const xH of [0, 1])
      for (const xS of [0, 1]) {
        const mass = pA * (1 - xH) + (1 - pA) * (1 - xS);
        if (mass > 0) continue;
        for (const rho of pA === 0 ? [0] : pA === 1 ? [1] : [0, pA, 1])
          for (const zH of zChoices('H', rho))
            for (const zS of zChoices('S', rho)) if (aOk('H', xH, zH, zS) && aOk('S', xS, zH, zS)) eqs.push({ xH, xS, zH, zS, rho });
      }
  }
  // Semi-separating: one A type mixes; rho sits at c_B_T and B of type T mixes to make it indifferent.
  if (pA > 0 && pA < 1) {
    for (const mixer of ['H', 'S'] as const) {
      for (const bt of ['H', 'S'] as const) {
        const rho = cB(bt);
        if (!(rho > eps && rho < 1 - eps)) continue;
        // The other A type plays C (mixer H: rho in (0, p_A]; mixer S: rho in [p_A, 1)).
        const x = mixer === 'H' ? 1 - (rho * (1 - pA)) / (pA * (1 - rho)) : 1 - (pA * (1 - rho)) / ((1 - pA) * rho);
        if (!(x > eps && x < 1 - eps)) continue;
        const other: T = bt === 'H' ? 'S' : 'H';
        for (const zo of zChoices(other, rho)) {
          // solve vD(mixer) = vC(mixer, z) for the mixing B type's z
          const f = (z: number) => (bt === 'H' ? vC(mixer, z, zo) : vC(mixer, zo, z)) - vD(mixer);
          const f0 = f(0);
          const f1 = f(1);
          if (f0 === f1 || f0 * f1 > 0) continue;
          const z = f0 / (f0 - f1);
          const [zH, zS] = bt === 'H' ? [z, zo] : [zo, z];
          const eq = mixer === 'H' ? { xH: x, xS: 0, zH, zS, rho } : { xH: 0, xS: x, zH, zS, rho };
          if (aOk(mixer === 'H' ? 'S' : 'H', 0, zH, zS)) eqs.push(eq);
        }
      }
    }
  }
  const equilibria: EquilibriumReport[] = eqs.map((e) => {
    const t: Record<string, number> = {};
    for (const a of ['H', 'S'] as const) {
      const wa = a === 'H' ? pA : 1 - pA;
      const x = a === 'H' ? e.xH : e.xS;
      for (const b of ['H', 'S'] as const) {
        const w = wa * (b === 'H' ? pB : 1 - pB);
        const z = b === 'H' ? e.zH : e.zS;
        addMass(t, b === 'H' ? 'DD' : 'DC', w * x);
        addMass(t, 'SQ', w * (1 - x) * (1 - z));
        addMass(t, a === 'H' ? 'DD' : 'CD', w * (1 - x) * z);
      }
    }
    const outcomes = cleanOutcomes(t, OUTCOMES);
    const mixed = [e.xH, e.xS, e.zH, e.zS].some((v) => v > 0 && v < 1);
    const kind =
      (outcomes.SQ ?? 0) > 1 - 1e-12
        ? 'Mutual Deterrence Equilibrium'
        : mixed
          ? 'Mixed Equilibrium'
          : e.xH === e.xS && e.xH === 1
            ? 'Attack Equilibrium (A initiates)'
            : e.xH !== e.xS
              ? 'Separating Equilibrium'
              : 'Attack Equilibrium (B initiates)';
    return {
      kind,
      outcomes,
      strategies: { x_hard: e.xH, x_soft: e.xS, z_hard: e.zH, z_soft: e.zS },
      beliefs: { rho: e.rho },
      ...(freeBeliefs ? { fallback: true, note: `weak perfect Bayesian: supported only by the off-path belief rho = ${fmt(e.rho)}` } : {}),
    };
  });
  const sides: ThresholdSide[] = [
    ...(['hard', 'soft'] as const).map((k) => {
      const v = k === 'hard' ? th.c_A_hard : th.c_A_soft;
      const s = sideOf(pB, v);
      return { threshold: `c_A_${k}`, compared: 'p_B', value: pB, thresholdValue: v, side: s, meaning: `a ${k === 'hard' ? 'Hard' : 'Soft'} A is ${s === 'below' ? 'not ' : ''}deterred by B's threat` };
    }),
    ...(['hard', 'soft'] as const).map((k) => {
      const v = k === 'hard' ? th.c_B_hard : th.c_B_soft;
      const s = sideOf(pA, v);
      return { threshold: `c_B_${k}`, compared: 'p_A', value: pA, thresholdValue: v, side: s, meaning: `a ${k === 'hard' ? 'Hard' : 'Soft'} B is ${s === 'below' ? 'not ' : ''}deterred by A's threat (at prior beliefs)` };
    }),
  ];
  const worst = equilibria.length ? Math.max(...equilibria.map((e) => 1 - (e.outcomes.SQ ?? 0))) : Number.NaN;
  return {
    model: 'gmdg',
    title: 'Generalized Mutual Deterrence Game',
    parameters: p,
    equilibria,
    thresholds: th,
    sides,
    complete: false,
    summary: `${[...new Set(equilibria.map((e) => e.kind))].join(', ') || 'no equilibrium found'}; worst-case probability that mutual deterrence fails: ${fmt(worst)}.`,
  };
}

export function gmdgBehaviour(eq: EquilibriumReport): Record<string, number[]> {
  const s = eq.strategies;
  return {
    'AH:1': [1 - s.x_hard!, s.x_hard!],
    'AS:1': [1 - s.x_soft!, s.x_soft!],
    'BH:initiate': [1 - s.z_hard!, s.z_hard!],
    'BS:initiate': [1 - s.z_soft!, s.z_soft!],
    'AH:retaliate': [0, 1],
    'AS:retaliate': [1, 0],
    'BH:retaliate': [0, 1],
    'BS:retaliate': [1, 0],
  };
}

export const gmdg: DeterrenceModel = {
  id: 'gmdg',
  title: 'Generalized Mutual Deterrence Game',
  source: 'Kilgour & Zagare (1991), AJPS 35(2):305-334; Zagare & Kilgour (2000), Perfect Deterrence, ch. 4, app. A4',
  players: ['A', 'B'],
  roles: ['A', 'B'],
  outcomes: OUTCOMES,
  outcomeNames: {
    SQ: 'status quo',
    DC: 'A wins',
    CD: 'B wins',
    DD: 'conflict',
  },
  successOutcomes: ['SQ'],
  parameters: PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [],
  offPathBeliefs: 'refined',
  fallbackOffPathBeliefs: 'any',
  build: buildGmdg,
  solve: solveGmdg,
  behaviour: (eq) => gmdgBehaviour(eq),
};

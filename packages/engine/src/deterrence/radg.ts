/**
 * Rudimentary Asymmetric Deterrence Game (Zagare & Kilgour, Perfect Deterrence, Cambridge UP 2000,
 * sec. 3.4, fig. 3.7, app. A1.1 and A3; also Zagare & Kilgour, "Asymmetric deterrence", ISQ 37(1), 1993).
 *
 * Game: A (challenger) chooses C (status quo, outcome SQ) or D (demand). After D, B (defender)
 * chooses C (concede, outcome DC) or D (resist, outcome DD). B is Hard (utility b_DD_hard for DD)
 * with probability p_B, Soft (b_DD_soft) otherwise; A does not know B's type (one chance move).
 * Orderings (app. A3): a_DD < a_SQ < a_DC and b_DD_soft < b_DC < b_DD_hard < b_SQ; 0 < p_B < 1 in
 * the paper, here 0 and 1 are allowed (complete information as a special case).
 *
 * Result (app. A3): y_H = 1 and y_S = 0 at any Bayesian equilibrium (Hard B resists, Soft B
 * concedes). A's expected utility of D is p_B a_DD + (1 - p_B) a_DC, so with
 *
 *   c_A = (a_DC - a_SQ) / (a_DC - a_DD)
 *
 * A chooses D (x = 1) when p_B < c_A, C (x = 0) when p_B > c_A, any x when p_B = c_A.
 * Outcomes: p_B > c_A: SQ with probability 1 (Deterrence Equilibrium); p_B < c_A: DD with
 * probability p_B, DC with probability 1 - p_B (Attack Equilibrium).
 */
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params } from './model';
import { chain, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'a_SQ', description: "A's utility for the status quo", default: 0.6, range: [0.1, 0.9], kind: 'utility' },
  { name: 'a_DC', description: "A's utility when B concedes (A wins)", default: 1, range: [0.7, 1], kind: 'utility' },
  { name: 'a_DD', description: "A's utility for conflict", default: 0, range: [0, 0.5], kind: 'utility' },
  { name: 'b_SQ', description: "B's utility for the status quo", default: 1, range: [0.8, 1], kind: 'utility' },
  { name: 'b_DC', description: "B's utility for conceding", default: 0.4, range: [0.2, 0.5], kind: 'utility' },
  { name: 'b_DD_hard', description: "Hard B's utility for conflict", default: 0.7, range: [0.55, 0.75], kind: 'utility' },
  { name: 'b_DD_soft', description: "Soft B's utility for conflict", default: 0, range: [0, 0.15], kind: 'utility' },
  { name: 'p_B', description: "B's credibility: probability that B is Hard (prefers DD to DC)", default: 0.5, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS = [...chain('a_DD', 'a_SQ', 'a_DC'), ...chain('b_DD_soft', 'b_DC', 'b_DD_hard', 'b_SQ')];
const OUTCOMES = ['SQ', 'DC', 'DD'] as const;

function params(given: Params): Record<string, number> {
  return resolveParams({ id: 'radg', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
}

export function buildRadg(given: Params): BuiltGame {
  const p = params(given);
  const branch = (type: 'Hard' | 'Soft'): TreeSpec => ({
    kind: 'move',
    player: 0,
    infoset: 'A',
    branches: [
      { action: 'C', child: { kind: 'leaf', outcome: 'SQ', payoffs: [p.a_SQ!, p.b_SQ!] } },
      {
        action: 'D',
        child: {
          kind: 'move',
          player: 1,
          infoset: `B:${type}`,
          branches: [
            { action: 'C', child: { kind: 'leaf', outcome: 'DC', payoffs: [p.a_DC!, p.b_DC!] } },
            { action: 'D', child: { kind: 'leaf', outcome: 'DD', payoffs: [p.a_DD!, type === 'Hard' ? p.b_DD_hard! : p.b_DD_soft!], variant: `${type} B` } },
          ],
        },
      },
    ],
  });
  return buildGame(
    'Rudimentary Asymmetric Deterrence Game',
    ['A', 'B'],
    {
      kind: 'chance',
      label: 'B type',
      branches: [
        { action: 'Hard', prob: p.p_B!, child: branch('Hard') },
        { action: 'Soft', prob: 1 - p.p_B!, child: branch('Soft') },
      ],
    },
    'Zagare & Kilgour (2000), Perfect Deterrence, sec. 3.4, fig. 3.7, app. A3',
  );
}

/** c_A = (a_DC - a_SQ)/(a_DC - a_DD): the credibility B needs to deter A. */
export function radgThreshold(p: Params): number {
  return (p.a_DC! - p.a_SQ!) / (p.a_DC! - p.a_DD!);
}

export function solveRadg(given: Params): DeterrenceResult {
  const p = params(given);
  const cA = radgThreshold(p);
  const pB = p.p_B!;
  const deterrence: EquilibriumReport = {
    kind: 'Deterrence Equilibrium',
    outcomes: { SQ: 1 },
    strategies: { x: 0, y_H: 1, y_S: 0 },
  };
  const attack: EquilibriumReport = {
    kind: 'Attack Equilibrium',
    outcomes: Object.fromEntries(
      [
        ['DC', 1 - pB],
        ['DD', pB],
      ].filter(([, v]) => (v as number) > 0),
    ) as Record<string, number>,
    strategies: { x: 1, y_H: 1, y_S: 0 },
  };
  const side = sideOf(pB, cA);
  const equilibria =
    side === 'above' ? [deterrence] : side === 'below' ? [attack] : [{ ...deterrence, note: 'p_B = c_A: A is indifferent; any x in [0, 1] is an equilibrium' }, attack];
  const meaning =
    side === 'above'
      ? 'B is credible enough: A does not challenge'
      : side === 'below'
        ? 'B is not credible enough: A demands and B resists only if Hard'
        : 'exactly at the threshold: A is indifferent';
  return {
    model: 'radg',
    title: 'Rudimentary Asymmetric Deterrence Game',
    parameters: p,
    equilibria,
    thresholds: { c_A: cA },
    sides: [{ threshold: 'c_A', compared: 'p_B', value: pB, thresholdValue: cA, side, meaning }],
    complete: true,
    summary: `Deterrence holds iff B's credibility p_B = ${fmt(pB)} exceeds c_A = ${fmt(cA)}; ${meaning}.`,
  };
}

export const radg: DeterrenceModel = {
  id: 'radg',
  title: 'Rudimentary Asymmetric Deterrence Game',
  source: 'Zagare & Kilgour (2000), Perfect Deterrence, sec. 3.4, fig. 3.7, app. A1.1 and A3',
  players: ['A', 'B'],
  roles: ['challenger', 'defender'],
  outcomes: OUTCOMES,
  outcomeNames: {
    SQ: 'status quo',
    DC: 'B concedes',
    DD: 'conflict',
  },
  successOutcomes: ['SQ'],
  parameters: PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [],
  offPathBeliefs: 'prior',
  build: buildRadg,
  solve: solveRadg,
  behaviour: (eq) => ({
    A: [1 - eq.strategies.x!, eq.strategies.x!],
    'B:Hard': [1 - eq.strategies.y_H!, eq.strategies.y_H!],
    'B:Soft': [1 - eq.strategies.y_S!, eq.strategies.y_S!],
  }),
};

/**
 * Brinkmanship: the threat that leaves something to chance (Schelling, The Strategy of Conflict,
 * 1960, ch. 8; the two-type Cuban-missile-crisis form of Dixit, Skeath & Reiley, Games of Strategy,
 * ch. 14 "Brinkmanship"), with Powell's resolve (Powell, "Crisis bargaining, escalation, and MAD",
 * APSR 81(3), 1987; Nuclear Deterrence Theory, 1990).
 *
 * Game: chance makes the Challenger Hard with probability p (it prefers war to compliance). The
 * Defender chooses N (no threat: the Challenger defies, outcome DF) or T (a threat that brings
 * war with probability q if defied). After T the Challenger complies (CP) or defies; a defiance
 * ends in war (WAR) with probability q (a chance move) and in DF otherwise.
 * Orderings: d_war < d_defy < d_comply, c_war_soft < c_comply < c_defy, c_comply < c_war_hard.
 *
 * Results. A Hard Challenger always defies. A Soft Challenger complies iff q >= q_min
 * (effectiveness); the Defender prefers the threat to no threat iff q <= q_max (acceptability):
 *
 *   q_min = (c_defy - c_comply) / (c_defy - c_war_soft)
 *   q_max = ((1 - p) / p) (d_comply - d_defy) / (d_defy - d_war)
 *
 * Brinkmanship works iff q_min <= q <= q_max (the window is empty iff q_min > q_max). With the
 * Defender's payoffs (comply 1, defy -2, war -10) and p = 1/2: q_max = 3/8 = 0.375, and the pure
 * threat (q = 1) is acceptable iff p <= 3/11 (the numbers in Dixit, Skeath & Reiley's Cuban crisis
 * example). Powell's resolve r = (w - s)/(w - d) (win, submit, disaster) is the largest risk of
 * disaster a side accepts rather than submit: the Soft Challenger's resolve is q_min, the
 * Defender's r_Def = (d_comply - d_defy)/(d_comply - d_war) bounds the p for which q = 1 is
 * acceptable (p <= r_Def).
 */
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, chain, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'q', description: 'Risk of war the threat leaves to chance if the Challenger defies', default: 0.35, range: [0, 1], kind: 'probability' },
  { name: 'p', description: 'Probability the Challenger is Hard (defies whatever the risk)', default: 0.5, range: [0, 1], kind: 'probability' },
  { name: 'd_comply', description: "Defender's utility when the Challenger complies", default: 1, range: [0.5, 2], kind: 'utility' },
  { name: 'd_defy', description: "Defender's utility when the Challenger defies without war", default: -2, range: [-3, -1], kind: 'utility' },
  { name: 'd_war', description: "Defender's utility for war", default: -10, range: [-20, -5], kind: 'utility' },
  { name: 'c_comply', description: "Challenger's utility for complying", default: -4, range: [-6, -2], kind: 'utility' },
  { name: 'c_defy', description: "Challenger's utility for defying without war", default: 2, range: [1, 4], kind: 'utility' },
  { name: 'c_war_soft', description: "Soft Challenger's utility for war", default: -16, range: [-25, -8], kind: 'utility' },
  { name: 'c_war_hard', description: "Hard Challenger's utility for war", default: -3, range: [-3.9, -1], kind: 'utility' },
] as const;

const ORDERINGS = [...chain('d_war', 'd_defy', 'd_comply'), ...chain('c_war_soft', 'c_comply', 'c_defy'), ['c_comply', 'c_war_hard'] as [string, string]];
const OUTCOMES = ['CP', 'DF', 'WAR'] as const;

function params(given: Params): Record<string, number> {
  return resolveParams({ id: 'brinkmanship', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
}

export function buildBrinkmanship(given: Params): BuiltGame {
  const p = params(given);
  const sub = (hard: boolean): TreeSpec => ({
    kind: 'move',
    player: 0,
    infoset: 'Def:1',
    branches: [
      { action: 'N', child: { kind: 'leaf', outcome: 'DF', payoffs: [p.d_defy!, p.c_defy!] } },
      {
        action: 'T',
        child: {
          kind: 'move',
          player: 1,
          infoset: hard ? 'ChH:2' : 'ChS:2',
          branches: [
            { action: 'Comply', child: { kind: 'leaf', outcome: 'CP', payoffs: [p.d_comply!, p.c_comply!] } },
            {
              action: 'Defy',
              child: {
                kind: 'chance',
                label: `loss of control (${hard ? 'Hard' : 'Soft'} Challenger)`,
                branches: [
                  { action: 'war', prob: p.q!, child: { kind: 'leaf', outcome: 'WAR', payoffs: [p.d_war!, hard ? p.c_war_hard! : p.c_war_soft!], variant: `${hard ? 'Hard' : 'Soft'} Challenger` } },
                  { action: 'no war', prob: 1 - p.q!, child: { kind: 'leaf', outcome: 'DF', payoffs: [p.d_defy!, p.c_defy!] } },
                ],
              },
            },
          ],
        },
      },
    ],
  });
  return buildGame(
    'Brinkmanship: the threat that leaves something to chance',
    ['Defender', 'Challenger'],
    {
      kind: 'chance',
      label: 'Challenger type',
      branches: [
        { action: 'Hard', prob: p.p!, child: sub(true) },
        { action: 'Soft', prob: 1 - p.p!, child: sub(false) },
      ],
    },
    'Schelling (1960) ch. 8; Dixit, Skeath & Reiley, Games of Strategy, ch. 14; Powell (1987, 1990)',
  );
}

export function brinkmanshipThresholds(p: Params) {
  const qMin = (p.c_defy! - p.c_comply!) / (p.c_defy! - p.c_war_soft!);
  const qMax = p.p! === 0 ? Number.POSITIVE_INFINITY : ((1 - p.p!) / p.p!) * ((p.d_comply! - p.d_defy!) / (p.d_defy! - p.d_war!));
  const rDef = (p.d_comply! - p.d_defy!) / (p.d_comply! - p.d_war!);
  return { q_min: qMin, q_max: qMax, r_Ch_soft: qMin, r_Def: rDef };
}

export function solveBrinkmanship(given: Params): DeterrenceResult {
  const p = params(given);
  const th = brinkmanshipThresholds(p);
  const q = p.q!;
  const softComplies = q >= th.q_min - 1e-12;
  const soft = softComplies ? 0 : 1; // Pr(Soft defies)
  const defyValue = (1 - q) * p.d_defy! + q * p.d_war!;
  const vT = p.p! * defyValue + (1 - p.p!) * (softComplies ? p.d_comply! : defyValue);
  const vN = p.d_defy!;
  const make = (t: number, kind: string): EquilibriumReport => {
    const tab: Record<string, number> = {};
    addMass(tab, 'DF', 1 - t);
    for (const hard of [true, false]) {
      const w = (hard ? p.p! : 1 - p.p!) * t;
      const defy = hard ? 1 : soft;
      addMass(tab, 'CP', w * (1 - defy));
      addMass(tab, 'WAR', w * defy * q);
      addMass(tab, 'DF', w * defy * (1 - q));
    }
    return { kind, outcomes: cleanOutcomes(tab, OUTCOMES), strategies: { threat: t, defy_hard: 1, defy_soft: soft } };
  };
  const kindT = softComplies ? 'Effective Threat Equilibrium' : 'Ineffective Threat Equilibrium';
  const d = vT - vN;
  const equilibria = Math.abs(d) < 1e-12 ? [make(1, kindT), make(0, 'No-Threat Equilibrium')] : d > 0 ? [make(1, kindT)] : [make(0, 'No-Threat Equilibrium')];
  const sides: ThresholdSide[] = [
    { threshold: 'q_min', compared: 'q', value: q, thresholdValue: th.q_min, side: sideOf(q, th.q_min), meaning: softComplies ? 'the risk is large enough to make a Soft Challenger comply (effective)' : 'the risk is too small to move a Soft Challenger (ineffective)' },
    { threshold: 'q_max', compared: 'q', value: q, thresholdValue: th.q_max, side: sideOf(q, th.q_max), meaning: q <= th.q_max ? 'the Defender can accept this risk (acceptable)' : 'the risk is more than the Defender can accept' },
    { threshold: 'r_Def', compared: 'p', value: p.p!, thresholdValue: th.r_Def, side: sideOf(p.p!, th.r_Def), meaning: p.p! <= th.r_Def ? 'even a certain threat (q = 1) is acceptable to the Defender' : 'a certain threat (q = 1) is too dangerous for the Defender' },
  ];
  const window = th.q_min <= th.q_max ? `[${fmt(th.q_min)}, ${fmt(Math.min(1, th.q_max))}]` : 'empty';
  return {
    model: 'brinkmanship',
    title: 'Brinkmanship (Schelling, Powell)',
    parameters: p,
    equilibria,
    thresholds: th,
    sides,
    complete: true,
    summary: `Brinkmanship window for the risk q: ${window}; q = ${fmt(q)} gives ${equilibria.map((e) => e.kind).join(' / ')}.`,
  };
}

export function brinkmanshipBehaviour(eq: EquilibriumReport): Record<string, number[]> {
  const s = eq.strategies;
  return { 'Def:1': [1 - s.threat!, s.threat!], 'ChH:2': [0, 1], 'ChS:2': [1 - s.defy_soft!, s.defy_soft!] };
}

export const brinkmanship: DeterrenceModel = {
  id: 'brinkmanship',
  title: 'Brinkmanship (Schelling, Powell)',
  source: 'Schelling (1960), The Strategy of Conflict, ch. 8; Dixit, Skeath & Reiley, Games of Strategy, ch. 14; Powell (1987), APSR 81(3)',
  players: ['Defender', 'Challenger'],
  roles: ['defender', 'challenger'],
  outcomes: OUTCOMES,
  outcomeNames: {
    CP: 'Challenger complies',
    DF: 'defiance without war',
    WAR: 'war',
  },
  successOutcomes: ['CP'],
  parameters: PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [],
  offPathBeliefs: 'prior',
  build: buildBrinkmanship,
  solve: solveBrinkmanship,
  behaviour: (eq) => brinkmanshipBehaviour(eq),
};

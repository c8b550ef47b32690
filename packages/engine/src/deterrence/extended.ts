/**
 * Extended deterrence with a protégé: a three-player game after Zagare & Kilgour, "Alignment
 * patterns, crisis bargaining, and extended deterrence", ISQ 47(4), 2003 (Challenger, Defender,
 * Protégé) and Quackenbush, "Not only whether but whom: three-party extended deterrence", JCR 50(4),
 * 2006, simplified to one-sided incomplete information as in Kilgour & Zagare, "Uncertainty and the
 * role of the pawn in extended deterrence", Synthese 100(3), 1994 (the Defender's value for the
 * protégé is its private information). A simplification, not the papers' full games.
 *
 * Game: the Challenger chooses C (status quo, SQ) or D (attacks the Protégé). After D the Defender
 * chooses D (defends the Protégé) or C (abandons it). If defended, the Challenger chooses C (backs
 * down, CD) or D (fights the alliance, DD). If abandoned, the Protégé chooses C (yields, DC) or
 * D (resists alone / realigns, DP). The Defender is Hard (d_DD_hard > d_DC: defends a protégé
 * even at the cost of war) with probability p_Def; the Challenger does not know which.
 * Orderings: c_CD < c_SQ < c_DC, c_DP < c_DC, d_DD_soft < d_DC < d_DD_hard, d_DC < d_SQ.
 *
 * Solution (backward induction with one chance move, as in the Rudimentary Asymmetric Deterrence
 * Game): the Protégé resists alone iff e_DP > e_DC; the Challenger fights the alliance iff
 * c_DD > c_CD; each Defender type compares defending and abandoning; the Challenger attacks iff
 * its expected utility beats c_SQ. When Hard Defenders defend and Soft ones abandon,
 *
 *   c_Ch = (c_abandoned - c_SQ) / (c_abandoned - c_defended)
 *
 * (c_abandoned = c_DP or c_DC, c_defended = c_DD or c_CD) and deterrence holds iff p_Def > c_Ch.
 * A Protégé able to resist alone lowers c_abandoned and so the credibility the Defender needs.
 */
import type { DeterrenceModel, DeterrenceResult, EquilibriumReport, Params, ThresholdSide } from './model';
import { addMass, cleanOutcomes, fmt, resolveParams, sideOf } from './model';
import { buildGame, type BuiltGame, type TreeSpec } from './efg-builder';

const PARAMETERS = [
  { name: 'c_SQ', description: "Challenger's utility for the status quo", default: 0.6, range: [0.45, 0.75], kind: 'utility' },
  { name: 'c_DC', description: "Challenger's utility when the Protégé yields after abandonment", default: 1, range: [0.85, 1], kind: 'utility' },
  { name: 'c_DP', description: "Challenger's utility when the Protégé resists alone", default: 0.7, range: [0.5, 0.8], kind: 'utility' },
  { name: 'c_CD', description: "Challenger's utility for backing down before the alliance", default: 0.3, range: [0.2, 0.4], kind: 'utility' },
  { name: 'c_DD', description: "Challenger's utility for war with the alliance", default: 0.35, range: [0.1, 0.45], kind: 'utility' },
  { name: 'd_SQ', description: "Defender's utility for the status quo", default: 1, range: [0.9, 1], kind: 'utility' },
  { name: 'd_DC', description: "Defender's utility when it abandons and the Protégé yields", default: 0.3, range: [0.2, 0.4], kind: 'utility' },
  { name: 'd_DP', description: "Defender's utility when it abandons and the Protégé resists alone", default: 0.35, range: [0.2, 0.5], kind: 'utility' },
  { name: 'd_CD', description: "Defender's utility when the Challenger backs down", default: 0.9, range: [0.8, 0.95], kind: 'utility' },
  { name: 'd_DD_hard', description: "Hard Defender's utility for war on the Protégé's behalf", default: 0.5, range: [0.42, 0.6], kind: 'utility' },
  { name: 'd_DD_soft', description: "Soft Defender's utility for war on the Protégé's behalf", default: 0.1, range: [0, 0.18], kind: 'utility' },
  { name: 'e_SQ', description: "Protégé's utility for the status quo", default: 1, range: [0.9, 1], kind: 'utility' },
  { name: 'e_DC', description: "Protégé's utility for yielding when abandoned", default: 0.2, range: [0.1, 0.4], kind: 'utility' },
  { name: 'e_DP', description: "Protégé's utility for resisting alone (or realigning) when abandoned", default: 0.3, range: [0.1, 0.4], kind: 'utility' },
  { name: 'e_CD', description: "Protégé's utility when the Challenger backs down", default: 0.9, range: [0.8, 0.95], kind: 'utility' },
  { name: 'e_DD', description: "Protégé's utility for war fought with the Defender", default: 0.15, range: [0.05, 0.3], kind: 'utility' },
  { name: 'p_Def', description: "Defender's credibility: probability it is Hard", default: 0.5, range: [0, 1], kind: 'probability' },
] as const;

const ORDERINGS: [string, string][] = [
  ['c_CD', 'c_SQ'],
  ['c_SQ', 'c_DC'],
  ['c_DP', 'c_DC'],
  ['d_DD_soft', 'd_DC'],
  ['d_DC', 'd_DD_hard'],
  ['d_DC', 'd_SQ'],
];
const OUTCOMES = ['SQ', 'DC', 'DP', 'CD', 'DD'] as const;

function params(given: Params): Record<string, number> {
  return resolveParams({ id: 'extended', parameters: PARAMETERS, orderings: ORDERINGS, probabilityGroups: [] }, given);
}

export function buildExtended(given: Params): BuiltGame {
  const p = params(given);
  const sub = (def: 'H' | 'S'): TreeSpec => ({
    kind: 'move',
    player: 0,
    infoset: 'Ch:1',
    branches: [
      { action: 'C', child: { kind: 'leaf', outcome: 'SQ', payoffs: [p.c_SQ!, p.d_SQ!, p.e_SQ!] } },
      {
        action: 'D',
        child: {
          kind: 'move',
          player: 1,
          infoset: `Def${def}:2`,
          branches: [
            {
              action: 'C',
              child: {
                kind: 'move',
                player: 2,
                infoset: 'Pro:3',
                branches: [
                  { action: 'C', child: { kind: 'leaf', outcome: 'DC', payoffs: [p.c_DC!, p.d_DC!, p.e_DC!] } },
                  { action: 'D', child: { kind: 'leaf', outcome: 'DP', payoffs: [p.c_DP!, p.d_DP!, p.e_DP!] } },
                ],
              },
            },
            {
              action: 'D',
              child: {
                kind: 'move',
                player: 0,
                infoset: 'Ch:3',
                branches: [
                  { action: 'C', child: { kind: 'leaf', outcome: 'CD', payoffs: [p.c_CD!, p.d_CD!, p.e_CD!] } },
                  { action: 'D', child: { kind: 'leaf', outcome: 'DD', payoffs: [p.c_DD!, def === 'H' ? p.d_DD_hard! : p.d_DD_soft!, p.e_DD!], variant: `${def === 'H' ? 'Hard' : 'Soft'} Defender` } },
                ],
              },
            },
          ],
        },
      },
    ],
  });
  return buildGame(
    'Extended deterrence with a protege',
    ['Challenger', 'Defender', 'Protege'],
    {
      kind: 'chance',
      label: 'Defender type',
      branches: [
        { action: 'Hard', prob: p.p_Def!, child: sub('H') },
        { action: 'Soft', prob: 1 - p.p_Def!, child: sub('S') },
      ],
    },
    'after Zagare & Kilgour (2003) ISQ 47(4), Quackenbush (2006) JCR 50(4), Kilgour & Zagare (1994) Synthese 100(3)',
  );
}

export function solveExtended(given: Params): DeterrenceResult {
  const p = params(given);
  const protegeResists = p.e_DP! > p.e_DC!;
  const challengerFights = p.c_DD! > p.c_CD!;
  const cAbandoned = protegeResists ? p.c_DP! : p.c_DC!;
  const cDefended = challengerFights ? p.c_DD! : p.c_CD!;
  const dAbandon = protegeResists ? p.d_DP! : p.d_DC!;
  const defends = (hard: boolean) => (challengerFights ? (hard ? p.d_DD_hard! : p.d_DD_soft!) : p.d_CD!) > dAbandon;
  const yH = defends(true) ? 1 : 0;
  const yS = defends(false) ? 1 : 0;
  const pDef = p.p_Def!;
  const pi = pDef * yH + (1 - pDef) * yS; // probability the Defender defends
  const vD = pi * cDefended + (1 - pi) * cAbandoned;
  const cCh = cAbandoned > cDefended ? (cAbandoned - p.c_SQ!) / (cAbandoned - cDefended) : Number.NaN;
  const eqFor = (x: number, kind: string, note?: string): EquilibriumReport => {
    const t: Record<string, number> = {};
    addMass(t, 'SQ', 1 - x);
    addMass(t, challengerFights ? 'DD' : 'CD', x * pi);
    addMass(t, protegeResists ? 'DP' : 'DC', x * (1 - pi));
    return {
      kind,
      outcomes: cleanOutcomes(t, OUTCOMES),
      strategies: { x, y_hard: yH, y_soft: yS, z_protege: protegeResists ? 1 : 0, w_challenger: challengerFights ? 1 : 0 },
      ...(note ? { note } : {}),
    };
  };
  const diff = vD - p.c_SQ!;
  const equilibria =
    Math.abs(diff) < 1e-12
      ? [eqFor(0, 'Deterrence Equilibrium', 'Challenger indifferent: any x'), eqFor(1, 'Challenge Equilibrium')]
      : diff > 0
        ? [eqFor(1, 'Challenge Equilibrium')]
        : [eqFor(0, 'Deterrence Equilibrium')];
  const sides: ThresholdSide[] = [];
  if (yH === 1 && yS === 0 && !Number.isNaN(cCh)) {
    const s = sideOf(pDef, cCh);
    sides.push({ threshold: 'c_Ch', compared: 'p_Def', value: pDef, thresholdValue: cCh, side: s, meaning: s === 'above' ? 'the Defender is credible enough: the Challenger stays put' : s === 'below' ? 'the Defender is not credible enough: the Challenger attacks the Protégé' : 'the Challenger is indifferent' });
  }
  return {
    model: 'extended',
    title: 'Extended deterrence with a protégé',
    parameters: p,
    equilibria,
    thresholds: Number.isNaN(cCh) ? {} : { c_Ch: cCh },
    sides,
    complete: true,
    summary:
      `The Protégé ${protegeResists ? 'would resist alone' : 'would yield'} if abandoned; Hard Defenders ${yH ? 'defend' : 'abandon'}, Soft ones ${yS ? 'defend' : 'abandon'}. ` +
      (sides.length === 0 ? '' : `Deterrence needs p_Def > c_Ch = ${fmt(cCh)} (now ${fmt(pDef)}). `) +
      `Equilibrium: ${equilibria.map((e) => e.kind).join(' / ')}.`,
  };
}

export function extendedBehaviour(eq: EquilibriumReport): Record<string, number[]> {
  const s = eq.strategies;
  const z = s.z_protege!;
  const w = s.w_challenger!;
  return {
    'Ch:1': [1 - s.x!, s.x!],
    'DefH:2': [1 - s.y_hard!, s.y_hard!],
    'DefS:2': [1 - s.y_soft!, s.y_soft!],
    'Pro:3': [1 - z, z],
    'Ch:3': [1 - w, w],
  };
}

export const extended: DeterrenceModel = {
  id: 'extended',
  title: 'Extended deterrence with a protégé',
  source: 'after Zagare & Kilgour (2003), ISQ 47(4); Quackenbush (2006), JCR 50(4); Kilgour & Zagare (1994), Synthese 100(3) (simplified)',
  players: ['Challenger', 'Defender', 'Protege'],
  roles: ['challenger', 'defender', 'protege'],
  outcomes: OUTCOMES,
  outcomeNames: {
    SQ: 'status quo',
    DC: 'Protégé yields',
    DP: 'Protégé resists alone',
    CD: 'Challenger backs down',
    DD: 'war with the alliance',
  },
  successOutcomes: ['SQ'],
  parameters: PARAMETERS,
  orderings: ORDERINGS,
  probabilityGroups: [],
  offPathBeliefs: 'prior',
  build: buildExtended,
  solve: solveExtended,
  behaviour: (eq) => extendedBehaviour(eq),
};

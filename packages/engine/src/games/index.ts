/**
 * Public API of the games module (`@brink/engine/games`): game types, Gambit and JSON formats, the
 * solvers and exact Nash checks. Internals (tableaux, tokenizers, polytope helpers) stay private.
 */
export { CHANCE } from './types';
export type {
  NormalFormGame,
  ExtensiveFormGame,
  Game,
  GameNode,
  DecisionNode,
  ChanceNode,
  TerminalNode,
  Infoset,
  Outcome,
  Equilibrium,
  SolveResult,
  EquilibriumSets,
} from './types';
export { parseEfg, writeEfg } from './formats/efg';
export { parseNfg, writeNfg } from './formats/nfg';
export { parseGame, writeGame } from './formats/parse-game';
export { GameJsonSchema, gameJsonSchema, gameFromJson, parseGameJson, gameToJson, type GameJson } from './formats/json';
export { behaviorLayout, behaviorPayoffs, behaviorMaxGain, isBehaviorNash, type BehaviorLayout } from './behavior';
export { strategyCounts, mixedPayoffs, mixedMaxGain, isMixedNash } from './strategic';
export { reducedNormalForm, type ReducedNormalForm, type ReducedStrategy } from './reduced-normal-form';
export { enumPure } from './enum-pure';
export { enumMixed, equilibriumSets, type EnumMixedResult, type EnumMixedStats } from './enum-mixed';
export { lemkeHowson, type LemkeHowsonOptions } from './lemke-howson';
export { eliminateDominated, type DominanceResult, type DominanceOptions, type Elimination } from './dominance';
export { SOLVE_METHODS, defaultMethod, methodsFor, solve, isPerfectInformationGame, type SolveMethod, type SolveOptions, type DominanceSolveResult } from './solve';
export { solveSequenceFormLcp, type SequenceFormLcpOptions, type SequenceFormLcpResult, type SequenceFormLcpStats } from './sequence-form-lcp';
export { generateSignallingGame, signallingGameSize, type SignallingGameOptions } from './signalling-game';
export { backwardInduction, solveSubgamePerfect, type SubgamePerfectOptions, type TieBreak } from './subgame-perfect';
export { solveLogit, traceLogit, type LogitOptions, type LogitTraceOptions, type LogitPoint, type LogitTrace } from './logit-qre';
export {
  outcomeDistribution,
  checkSequentialRationality,
  isPerfectBayesian,
  enginePerfectBayesian,
  type OffPathBeliefs,
  type OffPathPolicy,
  type EngineEquilibrium,
  type SequentialCheck,
} from './perfect-bayesian';

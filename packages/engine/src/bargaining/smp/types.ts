/**
 * Input, option and result types of the Spatial Model of Politics (SMP) as KTAB's `smpc` runs it.
 *
 * Source: KAPSARC Toolkit for Behavioral Analysis (KTAB, MIT), examples/smp/libsrc (smp.cpp,
 * smpbcn.cpp, smpread.cpp) and KTAB/kmodel/libsrc (kmodel.cpp, kstate.cpp); the model is described
 * in docs/smp.md. Positions and saliences are on 0..100 at the
 * API boundary (as in KTAB's CSV files and outputs); the model works on [0,1] internally.
 */

/** One actor: name, optional description, power (KTAB "capability", any positive scale). */
export interface SmpActorInput {
  name: string;
  description?: string;
  power: number;
}

export interface SmpDimensionInput {
  name: string;
}

/** A scenario for the SMP. `positions[i][k]` and `saliences[i][k]` are actor i on dimension k. */
export interface SmpInput {
  name: string;
  description?: string;
  actors: SmpActorInput[];
  dimensions: SmpDimensionInput[];
  /** [actor][dimension], 0..100. */
  positions: number[][];
  /** [actor][dimension], 0..100, per-actor sum in (0, 100]. */
  saliences: number[][];
}

/** KTAB's model switches (docs/smp.md, "Options"); the defaults are KTAB's defaults for CSV input. */
export type VictoryProbModel = 'Linear' | 'Square' | 'Quartic' | 'Octic' | 'Binary';
export type PceModel = 'Conditional' | 'MarkovIncentive' | 'MarkovUniform';
export type StateTransitionMode = 'Deterministic' | 'Stochastic';
export type VotingRule = 'Proportional' | 'Binary' | 'PropBin' | 'PropCbc' | 'Cubic' | 'ASymProsp';
export type RiskRange = 'Min' | 'Mid' | 'Max';
export type RiskAdjust = 'None' | 'OneThird' | 'Half' | 'TwoThirds' | 'Full';
export type ThirdPartyCommit = 'NoCommit' | 'SemiCommit' | 'FullCommit';
export type BargainInterpolation = 'S1P1' | 'S2P2' | 'S2PMax';
export type BargainModel = 'InitOnlyInterp' | 'InitRcvrInterp' | 'PWCompInterp';

export interface SmpModelSwitches {
  victoryProbModel: VictoryProbModel;
  pceModel: PceModel;
  stateTransition: StateTransitionMode;
  votingRule: VotingRule;
  riskRange: RiskRange;
  riskAdjust: RiskAdjust;
  thirdPartyCommit: ThirdPartyCommit;
  bargainInterpolation: BargainInterpolation;
  bargainModel: BargainModel;
}

export const KTAB_DEFAULT_SWITCHES: Readonly<SmpModelSwitches> = Object.freeze({
  victoryProbModel: 'Linear',
  pceModel: 'Conditional',
  stateTransition: 'Deterministic',
  votingRule: 'Proportional',
  riskRange: 'Mid',
  riskAdjust: 'OneThird',
  thirdPartyCommit: 'SemiCommit',
  bargainInterpolation: 'S2P2',
  bargainModel: 'InitOnlyInterp',
});

/**
 * How an initiator chooses among targets whose challenge values tie exactly: 'lowestIndex' (KTAB)
 * or 'symmetric' (every tied target gets the bargain, so identical actors keep identical paths).
 */
export type SmpTieBreak = 'lowestIndex' | 'symmetric';

/** What runSmp reports after every turn (also passed to `onTurn`). */
export interface SmpTurnProgress {
  /** Number of steps done so far (1 after the first step). */
  turn: number;
  maxTurns: number;
  /** KTAB's "fractional change compared to first step" for this step. */
  stopRatio: number;
}

export interface SmpOptions extends Partial<SmpModelSwitches> {
  /** KTAB maxIter: stop after this many steps at the latest. Default 100. */
  maxTurns?: number;
  /** KTAB minIter: never stop on the ratio before this many steps. Default 2. */
  minTurns?: number;
  /** KTAB minDeltaRatio. Default 0.02. */
  minDeltaRatio?: number;
  /** KTAB minSigDelta (added to the first step's change). Default 1e-4. */
  minSigDelta?: number;
  /** Positions closer than this (Euclidean, on [0,1]) are one option. Default 1e-3. */
  positionTolerance?: number;
  /** Seed of the PRNG used only by the Stochastic state transition. Default 1. */
  seed?: number;
  /**
   * KTAB rejects a state where all actors' win probabilities are equal (risk attitudes undefined).
   * `true` (default false) throws an InputError there as KTAB does; otherwise every actor is taken
   * as risk-neutral in that state (documented deviation).
   */
  strict?: boolean;
  /** Default 'lowestIndex' (KTAB). */
  tieBreak?: SmpTieBreak;
  /**
   * Reproduce KTAB's arithmetic where it departs from its own description (default false). Affects
   * only bargainModel InitRcvrInterp and PWCompInterp: KTAB interpolates the target's bargain with
   * the target's estimate of the initiator's expected gain in place of its win probability, and
   * weighs the PWComp average by c_i S_i and c_i S_j (the initiator's power on both sides).
   */
  ktabQuirks?: boolean;
  /** Called after every step. */
  onTurn?: (progress: SmpTurnProgress) => void;
  /** Polled before every step; returning true ends the run early (stopReason "cancelled"). */
  shouldStop?: () => boolean;
}

/** Actor i's best challenge in one turn (docs/smp.md, "What it computes", steps 2-3); positions on 0..100. */
export interface SmpChallenge {
  initiator: number;
  target: number;
  /** Initiator's estimate of the probability that it would win the contest. */
  probWin: number;
  /** Initiator's expected gain from the challenge over the status quo (KTAB's "worth"). */
  gain: number;
  /** The proposed bargain: where the initiator would go, where the target would go. */
  initiatorPosition: number[];
  targetPosition: number[];
  /** bargainModel InitRcvrInterp: the second bargain, interpolated from the target's view, offered too. */
  targetView?: { initiatorPosition: number[]; targetPosition: number[] };
}

/** Which candidate actor k adopted in one turn (docs/smp.md, "What it computes", step 4). */
export interface SmpMove {
  actor: number;
  /** Index into `challenges` of the turn, or -1 for the status quo. */
  challenge: number;
  /** Probability (PCE over k's candidate list) of the adopted candidate. */
  prob: number;
  /** Number of candidates k chose from (status quo included). */
  candidates: number;
  /**
   * Every candidate in k's list, in list order (status quo first): where k would go (0..100) and
   * the candidate's probability. Stochastic transitions draw from exactly these.
   */
  options: { position: number[]; prob: number }[];
}

/** The log of one step, from state `turn` to state `turn + 1`. */
export interface SmpTurnLog {
  turn: number;
  /** Risk attitude R_i of every actor in state `turn` (docs/smp.md, "What it computes", step 1). */
  riskAttitudes: number[];
  challenges: SmpChallenge[];
  moves: SmpMove[];
}

export type SmpStopReason = 'converged' | 'maxTurns' | 'cancelled';

export interface SmpForecast {
  /** Final-state probability that each actor's position is the outcome. */
  finalProb: number[];
  /** The actor whose final position is most likely (first index on ties). */
  mostLikelyActor: number;
  mostLikelyPosition: number[];
  /** Probability-weighted mean of the unique final positions (0..100). */
  expectedPosition: number[];
}

export interface SmpResult {
  format: 'brink-smp-result/1';
  name: string;
  actors: string[];
  dims: string[];
  scale: '0..100';
  /** Number of bargaining steps T; `positions` has T+1 states. */
  turns: number;
  /** [turn 0..T][actor][dimension], 0..100; turn 0 is the input. */
  positions: number[][][];
  /** positions[T]. */
  final: number[][];
  /** [actor][turn 0..T]: probability that the actor's position is the group's choice. */
  probHistory: number[][];
  /** KTAB's "fractional change compared to first step", one per step 1..T. */
  stopRatioHistory: number[];
  stopReason: SmpStopReason;
  /** One entry per step: risk attitudes, challenges, moves. */
  log: SmpTurnLog[];
  forecast: SmpForecast;
  options: SmpModelSwitches & {
    maxTurns: number;
    minTurns: number;
    minDeltaRatio: number;
    minSigDelta: number;
    positionTolerance: number;
    seed: number;
    tieBreak: SmpTieBreak;
    ktabQuirks: boolean;
  };
}

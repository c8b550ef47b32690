/**
 * Input, options and result of the expected-utility model (EUM) of Bueno de Mesquita as
 * reconstructed by Scholz, Calbert and Smith, "Unravelling Bueno de Mesquita's group decision model",
 * J. Theoretical Politics 23(4), 2011 [SCS]; specification ../shared/design/bargaining-models.md §B.
 *
 * Verification note: the paper's full text (equations, tables) was not retrievable with our search
 * tools; the formulas follow the project spec §B, cross-checked against the public replication
 * [R1] (D. Masad, github.com/dmasad/BDM_DecisionModel_Replication): with R1's rules this code
 * reproduces R1's printed round-1 risk exponents on [SCS] Table 1 (test eum.test.ts). Every point
 * where the paper's reading is uncertain is an option below, with our default documented.
 *
 * One issue (one dimension). Positions are on any metric scale (the CLI uses 0..100); capability
 * is any positive scale (only ratios matter); salience is in [0, 1] (it is used as a probability).
 */

export interface EumActorInput {
  name: string;
  /** c_i > 0 (KTAB "power", SCS "capability"). */
  capability: number;
  /** x_i. */
  position: number;
  /** s_i in [0, 1]. */
  salience: number;
}

export interface EumInput {
  name?: string;
  actors: EumActorInput[];
}

/** How Δx, the scale length that normalises every distance (§B.1), is taken. */
export type EumRangeMode = 'initial' | 'fixed';
/** μ: the Condorcet winner = weighted median (SCS) or the weighted mean (replication [R1]). */
export type EumMedianRule = 'weighted-median' | 'weighted-mean';
/** P_i(j): share of the votes cast for i (SCS) or net votes for i over all |votes| ([R1]). */
export type EumProbabilityRule = 'vote-share' | 'net-votes';
/** Whose risk exponent i uses for j's expectation: i's own (SCS perception) or j's ([R1]). */
export type EumPerspective = 'perceiver' | 'actor';
/** Which admissible offer an actor accepts: the one that moves it least (SCS/BDM94 prose), or the sender with the largest EU ([R1]). */
export type EumOfferChoice = 'smallest-move' | 'largest-sender-eu';

export interface EumOptions {
  /** Δx = max−min of the initial positions ('initial', default) or `fixedRange` ('fixed'). */
  rangeMode: EumRangeMode;
  /** Δx when rangeMode = 'fixed' (e.g. 100 for a 0..100 scale). */
  fixedRange: number;
  medianRule: EumMedianRule;
  probabilityRule: EumProbabilityRule;
  perspective: EumPerspective;
  offerChoice: EumOfferChoice;
  /** Q: probability the status quo persists without a challenge (§B.5); SCS and both replications use 1. */
  q: number;
  /** T: probability that a change without challenge favours the challenger; 1 by default. */
  t: number;
  /** Stop after this many rounds. */
  maxRounds: number;
  /** Converged when no position moves more than `tolerance · Δx`. */
  tolerance: number;
  /** Stop when μ has been unchanged (within tolerance) for this many consecutive rounds. */
  stableMedianRounds: number;
  /** Compute risk exponents from security levels (§B.6); false keeps r = 1 for everyone. */
  riskFromSecurity: boolean;
  /** Keep every proposal in `rounds[].offers` (for explanations); false keeps only the accepted ones (ensembles, large n). */
  recordOffers: boolean;
}

export const DEFAULT_EUM_OPTIONS: EumOptions = {
  rangeMode: 'initial',
  fixedRange: 100,
  medianRule: 'weighted-median',
  probabilityRule: 'vote-share',
  perspective: 'perceiver',
  offerChoice: 'smallest-move',
  q: 1,
  t: 1,
  maxRounds: 20,
  tolerance: 1e-6,
  stableMedianRounds: 3,
  riskFromSecurity: true,
  recordOffers: true,
};

/** How a receiver reads a proposal (§B.7). */
export type OfferKind = 'conflict-lost' | 'conflict-won' | 'compromise' | 'capitulation' | 'no-threat';

/** A proposal from `sender` to `receiver` to move to the sender's position. */
export interface EumOffer {
  sender: number;
  receiver: number;
  /** Sender's own expected utility of challenging the receiver (it proposes when > 0). */
  senderEu: number;
  /** a = EU_receiver(sender) as the receiver sees it. */
  receiverEu: number;
  /** b = EU_sender(receiver) as the receiver perceives it. */
  perceivedSenderEu: number;
  kind: OfferKind;
  /** The receiver's position if it accepted this offer (its current position when it would not move). */
  newPosition: number;
}

/** The offer an actor accepted this round and the resulting move. */
export interface EumMove {
  actor: number;
  from: number;
  to: number;
  offer: EumOffer;
}

export interface EumRound {
  /** 1-based round number. */
  round: number;
  /** μ at the start of the round. */
  median: number;
  /** Risk exponents r_i used in the round. */
  risk: number[];
  /** Security (danger) levels D_i at r = 1. */
  security: number[];
  /** Every proposal made this round (sender EU > 0); only the accepted ones when options.recordOffers is false. */
  offers: EumOffer[];
  /** Accepted offers (one per moving actor). */
  moves: EumMove[];
  /** Positions at the end of the round. */
  positions: number[];
}

export type EumStopReason = 'converged' | 'median-stable' | 'max-rounds' | 'no-spread';

export interface EumResult {
  actors: string[];
  /** Δx used. */
  range: number;
  /** Rounds actually played. */
  turns: number;
  /** positions[t][i], t = 0 (input) .. turns. */
  positions: number[][];
  /** μ at each state t = 0..turns. */
  medians: number[];
  rounds: EumRound[];
  /** Forecast: μ of the final positions. */
  forecast: number;
  stopReason: EumStopReason;
  options: EumOptions;
}

/**
 * Input, options and result of the expected-utility model (EUM) of Bueno de Mesquita as
 * reconstructed by Scholz, Calbert and Smith, "Unravelling Bueno de Mesquita's group decision model",
 * J. Theoretical Politics 23(4), 2011 [SCS] (docs/bargaining.md).
 *
 * Verification note: the paper's full text (equations, tables) was not retrievable with our search
 * tools; the formulas follow our reading of [SCS] (docs/bargaining.md, "What the EUM computes"),
 * cross-checked against the public replication [R1] (D. Masad,
 * github.com/dmasad/BDM_DecisionModel_Replication): with R1's rules this code reproduces R1's
 * printed round-1 risk exponents on [SCS] Table 1 (test eum.test.ts). Every point where the paper's
 * reading is uncertain is an option below, with our default documented.
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
  /** A veto player: no settlement can pass without it (run.ts, "Veto players"). */
  veto?: boolean;
}

export interface EumInput {
  name?: string;
  actors: EumActorInput[];
}

/** How Δx, the scale length that normalises every distance (docs/bargaining.md), is taken. */
export type EumRangeMode = 'initial' | 'fixed';
/** μ: the Condorcet winner = weighted median (SCS) or the weighted mean (replication [R1]). */
export type EumMedianRule = 'weighted-median' | 'weighted-mean';
/**
 * P_i(j): share of the votes cast for i (SCS eq. 30), net votes for i over all |votes| ([R1]), or the
 * votes for i over the |votes| of every voter on every pair of positions ('all-triples': Scholz's own
 * program as transcribed by replication [R2]; it makes every P tiny, which is what the expected
 * utilities plotted in [SCS] Figures 7-10 imply).
 */
export type EumProbabilityRule = 'vote-share' | 'net-votes' | 'all-triples';
/** Whose risk exponent i uses for j's expectation: i's own (SCS perception) or j's ([R1]). */
export type EumPerspective = 'perceiver' | 'actor';
/**
 * Which admissible offer an actor accepts: the one that moves it least (SCS §6.2 for equally
 * enforceable offers, BDM 1997 pp. 251-252), the sender with the largest EU (SCS §6.2 for offers
 * that are not equally enforceable; [R1]), or Scholz's program as transcribed by [R2]
 * ('conflict-first': a lost conflict before any compromise, a compromise before any capitulation;
 * the smallest move within conflicts and capitulations, the lowest EU-weighted position within
 * compromises).
 */
export type EumOfferChoice = 'smallest-move' | 'largest-sender-eu' | 'conflict-first';

export interface EumOptions {
  /** Δx = max−min of the initial positions ('initial', default) or `fixedRange` ('fixed'). */
  rangeMode: EumRangeMode;
  /** Δx when rangeMode = 'fixed' (e.g. 100 for a 0..100 scale). */
  fixedRange: number;
  medianRule: EumMedianRule;
  probabilityRule: EumProbabilityRule;
  /**
   * Votes with each voter's risk exponent, c s ((|x − x_k|/Δx)^r − (|x − x_j|/Δx)^r) ([R2], Scholz's
   * program), instead of linear distances (SCS eq. 28, default). The probabilities then differ
   * between the security pass (r = 1) and the second pass.
   */
  riskInVotes: boolean;
  perspective: EumPerspective;
  offerChoice: EumOfferChoice;
  /** Q: probability the status quo persists without a challenge (expected-utility.ts); SCS and both replications use 1. */
  q: number;
  /** T: probability that a change without challenge favours the challenger; 1 by default. */
  t: number;
  /** Stop after this many rounds (the result then says who was still moving). */
  maxRounds: number;
  /** Converged when no position moves more than `tolerance · Δx`. */
  tolerance: number;
  /**
   * Stop when μ has been unchanged (within tolerance) for this many consecutive rounds; 0 (default)
   * never stops on μ alone. BDM 1994 p. 98 reads a forecast where "it stabilizes", but a μ that
   * holds while actors still move is not a settled issue (BDM 1997 p. 238: the steps repeat "until
   * the issue is resolved"), so by default the run goes on until nobody moves.
   */
  stableMedianRounds: number;
  /** Compute risk exponents from security levels (risk.ts); false keeps r = 1 for everyone. */
  riskFromSecurity: boolean;
  /** Keep every proposal in `rounds[].offers` (for explanations); false keeps only the accepted ones (ensembles, large n). */
  recordOffers: boolean;
}

export const DEFAULT_EUM_OPTIONS: EumOptions = {
  rangeMode: 'initial',
  fixedRange: 100,
  medianRule: 'weighted-median',
  probabilityRule: 'vote-share',
  riskInVotes: false,
  perspective: 'perceiver',
  offerChoice: 'smallest-move',
  q: 1,
  t: 1,
  maxRounds: 100,
  tolerance: 1e-6,
  stableMedianRounds: 0,
  riskFromSecurity: true,
  recordOffers: true,
};

/**
 * Named option sets. 'scholz2011': the rules of Scholz, Calbert & Smith's own program as far as the
 * published results pin them down (see docs/bargaining.md "Published case"): probabilities over
 * all triples of votes, every quantity of a dyad seen with the perceiver's risk exponent, a lost
 * conflict preferred to a compromise, and no early stop (the paper runs a fixed number of rounds).
 * It reproduces [SCS] Table 2's medians for rounds 1-5 and means for rounds 1-3, and the quadrants
 * of BDM 1994's published expected-utility graphs; the defaults follow the equations as printed.
 */
export const EUM_PRESETS = {
  scholz2011: {
    probabilityRule: 'all-triples',
    riskInVotes: false,
    perspective: 'perceiver',
    offerChoice: 'conflict-first',
    medianRule: 'weighted-median',
    rangeMode: 'initial',
    q: 1,
    t: 1,
    stableMedianRounds: 0,
  },
} as const satisfies Record<string, Partial<EumOptions>>;
export type EumPresetName = keyof typeof EUM_PRESETS;

/** How a receiver reads a proposal (offers.ts). */
export type OfferKind = 'conflict-lost' | 'conflict-won' | 'compromise' | 'capitulation' | 'no-threat';

/** A proposal from `sender` to `receiver` to move to the sender's position. */
export interface EumOffer {
  sender: number;
  receiver: number;
  /** The sender's position (where it asks the receiver to move). */
  senderPosition: number;
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
  /** Forecast: μ of the final positions, moved into the veto players' interval when there are veto players. */
  forecast: number;
  /** μ of the final positions before the veto constraint (= forecast without veto players). */
  unconstrainedForecast: number;
  /** [lowest, highest] final position of the veto players, when there are any. */
  vetoInterval?: [number, number];
  stopReason: EumStopReason;
  options: EumOptions;
}

/**
 * Game representations shared by every solver, format and model builder.
 *
 * Modelled on Gambit's representation (a strategic form with a payoff tensor; an extensive form as a
 * tree of decision, chance and terminal nodes with information sets and outcomes), so that `.nfg`
 * and `.efg` files round-trip. Payoffs and chance probabilities are exact rationals; numerical
 * methods convert them to floating point themselves.
 *
 * Conventions (the same as Gambit's: Gambit manual, "The strategic game (.nfg) file format" and "The
 * extensive game (.efg) file format"; docs/games.md, "Formats"):
 * - players are 0-based indices into `players`; the chance player is `CHANCE` (-1);
 * - a normal form's pure profiles are indexed with player 0's strategy changing fastest;
 * - an extensive form's nodes are stored in pre-order (depth first, children in action order),
 *   node 0 is the root; `infosets` is in order of first appearance in that walk, so a player's
 *   information sets in Gambit's output order are `infosets.filter(s => s.player === i)`.
 */
import type { Rational } from '../numeric/rational';

export const CHANCE = -1;

export interface NormalFormGame {
  readonly kind: 'nfg';
  readonly title: string;
  readonly comment?: string;
  readonly players: readonly string[];
  /** strategies[i] = labels of player i's pure strategies, in file order. */
  readonly strategies: readonly (readonly string[])[];
  /** payoffs[profileIndex][player]; profileIndex = s0 + n0*(s1 + n1*(s2 + ...)). */
  readonly payoffs: readonly (readonly Rational[])[];
  /**
   * Outcome labels per profile, kept when the file was in Gambit's outcome-list version so that a
   * write reproduces it. Absent for the payoff-list version.
   */
  readonly outcomeLabels?: readonly string[];
}

export interface Outcome {
  /** Gambit's outcome number (1-based in files); unique within a game. */
  readonly number: number;
  readonly label: string;
  readonly payoffs: readonly Rational[];
}

export interface Infoset {
  /** Gambit's information set number, unique per player (chance has its own numbering). */
  readonly number: number;
  /** Owning player (0-based) or CHANCE. */
  readonly player: number;
  readonly label: string;
  readonly actions: readonly string[];
  /** Chance information sets only: the probability of each action (sums to 1). */
  readonly probabilities?: readonly Rational[];
}

export interface DecisionNode {
  readonly type: 'decision';
  readonly label: string;
  /** Index into game.infosets (not Gambit's number). */
  readonly infoset: number;
  /** Node indices, one per action of the information set, in action order. */
  readonly children: readonly number[];
  /** Index into game.outcomes of an outcome attached to this (non-terminal) node, if any. */
  readonly outcome?: number;
}

export interface ChanceNode {
  readonly type: 'chance';
  readonly label: string;
  readonly infoset: number;
  readonly children: readonly number[];
  readonly outcome?: number;
}

export interface TerminalNode {
  readonly type: 'terminal';
  readonly label: string;
  /** Index into game.outcomes; absent means every player gets 0 here. */
  readonly outcome?: number;
}

export type GameNode = DecisionNode | ChanceNode | TerminalNode;

export interface ExtensiveFormGame {
  readonly kind: 'efg';
  readonly title: string;
  readonly comment?: string;
  readonly players: readonly string[];
  /** Pre-order; nodes[0] is the root. */
  readonly nodes: readonly GameNode[];
  readonly infosets: readonly Infoset[];
  readonly outcomes: readonly Outcome[];
}

export type Game = NormalFormGame | ExtensiveFormGame;

/**
 * An equilibrium: for a normal form, profile[i] is player i's mixed strategy over its strategies;
 * for an extensive form, profile[i] is player i's behaviour strategy, information set by
 * information set (in first-appearance order), actions in file order, flattened.
 * Exact methods give Rationals; numerical methods give numbers.
 */
export interface Equilibrium<T extends Rational | number = Rational | number> {
  readonly profile: readonly (readonly T[])[];
  readonly payoffs: readonly T[];
}

/**
 * How a complete list of extreme equilibria of a two-player game fits together (Avis, Rosenberg,
 * Savani & von Stengel 2010, sec. 6). Indices are into `SolveResult.equilibria`.
 */
export interface EquilibriumSets {
  /**
   * Connected components of the set of all equilibria, each as the extreme equilibria it contains.
   * A component with one extreme equilibrium is an isolated equilibrium; one with several is a
   * continuum (infinitely many equilibria).
   */
  readonly components: readonly (readonly number[])[];
  /**
   * Maximal Nash subsets: maximal convex sets of equilibria conv(X) x conv(Y), each given by the
   * extreme equilibria it contains (all of X x Y). Every equilibrium lies in at least one.
   */
  readonly maximalSubsets: readonly (readonly number[])[];
  /** False when the list of maximal subsets was cut short (there can be exponentially many). */
  readonly maximalSubsetsComplete: boolean;
}

export interface SolveResult {
  /** Method name as the CLI takes it: enumpure, enummixed, lcp, spe, logit, dominance. */
  readonly method: string;
  /** True when the list holds every equilibrium of its kind. */
  readonly complete: boolean;
  /** True when the numbers are exact rationals. */
  readonly exact: boolean;
  readonly equilibria: readonly Equilibrium[];
  /** enummixed: components and maximal Nash subsets of the complete set. */
  readonly sets?: EquilibriumSets;
}

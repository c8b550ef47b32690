/**
 * `solve(game, method?, options?)`: one entry point to every equilibrium method.
 *
 * Default method, the most complete one that fits the game:
 *   2-player .nfg -> enummixed (all extreme equilibria);  n-player .nfg -> enumpure;
 *   .efg with perfect information -> spe (all pure subgame-perfect equilibria);
 *   2-player .efg -> lcp (sequence form);  otherwise -> enumpure (reduced normal form).
 */
import { InputError } from '../errors';
import { eliminateDominated } from './dominance';
import { enumMixed } from './enum-mixed';
import { enumPure } from './enum-pure';
import { lemkeHowson } from './lemke-howson';
import { solveLogit } from './logit-qre';
import { strategyCounts } from './strategic';
import { solveSequenceFormLcp } from './sequence-form-lcp';
import { solveSubgamePerfect } from './subgame-perfect';
import { Rational } from '../numeric/rational';
import type { ExtensiveFormGame, Game, NormalFormGame, SolveResult } from './types';
import type { DominanceResult } from './dominance';

export const SOLVE_METHODS = ['enumpure', 'enummixed', 'lcp', 'spe', 'logit', 'dominance'] as const;
export type SolveMethod = (typeof SOLVE_METHODS)[number];

export interface SolveOptions {
  /** Logit: the precision lambda of the QRE wanted (default: trace to the Nash limit). */
  readonly lambda?: number;
  /** lcp on .nfg: exact (default) or floating-point pivoting. */
  readonly arithmetic?: 'exact' | 'float';
  /** lcp on .nfg: stop after this many equilibria. */
  readonly maxEquilibria?: number;
  /** lcp on .efg: the sparse revised solver (default) or the dense exact tableau. */
  readonly lcpTableau?: 'sparse' | 'dense';
  /** dominance: also eliminate strategies dominated by mixed strategies. */
  readonly mixedDominance?: boolean;
}

/** A SolveResult from `dominance` also carries the reduction. */
export interface DominanceSolveResult extends SolveResult {
  readonly reduction: DominanceResult;
}

export function isPerfectInformationGame(game: ExtensiveFormGame): boolean {
  const seen = new Set<number>();
  for (const node of game.nodes) {
    if (node.type !== 'decision') continue;
    if (seen.has(node.infoset)) return false;
    seen.add(node.infoset);
  }
  return true;
}

export function defaultMethod(game: Game): SolveMethod {
  if (game.kind === 'nfg') return game.players.length === 2 ? 'enummixed' : 'enumpure';
  if (isPerfectInformationGame(game)) return 'spe';
  if (game.players.length === 2) return 'lcp';
  return 'enumpure';
}

/** The methods that fit a game (what `solve` accepts for it), the default first. */
export function methodsFor(game: Game): SolveMethod[] {
  const fits = (m: SolveMethod): boolean => {
    if (m === 'enummixed') return game.kind === 'nfg' && game.players.length === 2;
    if (m === 'lcp') return game.players.length === 2;
    if (m === 'spe') return game.kind === 'efg';
    return true;
  };
  const first = defaultMethod(game);
  return [first, ...SOLVE_METHODS.filter((m) => m !== first && fits(m))];
}

function unsupported(method: string, why: string): never {
  throw new InputError(`method ${method} ${why}`, { place: 'method', expected: `a method that fits the game (${SOLVE_METHODS.join(', ')})` });
}

export function solve(game: Game, method: SolveMethod = defaultMethod(game), options: SolveOptions = {}): SolveResult {
  switch (method) {
    case 'enumpure':
      return enumPure(game);
    case 'enummixed':
      if (game.kind !== 'nfg' || game.players.length !== 2) unsupported(method, 'needs a two-player .nfg game');
      return enumMixed(game);
    case 'lcp':
      if (game.players.length !== 2) unsupported(method, 'needs a two-player game');
      return game.kind === 'nfg'
        ? lemkeHowson(game, { arithmetic: options.arithmetic, maxEquilibria: options.maxEquilibria })
        : solveSequenceFormLcp(game, options.lcpTableau ? { tableau: options.lcpTableau } : {});
    case 'spe':
      if (game.kind !== 'efg') unsupported(method, 'needs an extensive-form (.efg) game');
      return solveSubgamePerfect(game);
    case 'logit':
      return solveLogit(game, options.lambda !== undefined ? { lambda: options.lambda } : {});
    case 'dominance':
      return solveByDominance(game, options);
    default:
      return unsupported(String(method), 'is unknown');
  }
}

/**
 * Iterated strict dominance as a solve method: the reduction, and when it leaves one strategy per
 * player, that profile as the unique (hence complete) equilibrium of the game.
 */
export function solveByDominance(game: Game, options: SolveOptions = {}): DominanceSolveResult {
  const reduction = eliminateDominated(game, { mixed: options.mixedDominance ?? false });
  const reduced: NormalFormGame = reduction.game;
  const solved = strategyCounts(reduced).every((c) => c === 1);
  const equilibria = solved && game.kind === 'nfg'
    ? [
        {
          profile: reduction.remaining.map((r, i) => game.strategies[i]!.map((_, k) => (k === r[0] ? Rational.ONE : Rational.ZERO))),
          payoffs: reduced.payoffs[0]!,
        },
      ]
    : [];
  return { method: 'dominance', complete: solved && game.kind === 'nfg', exact: true, equilibria, reduction };
}

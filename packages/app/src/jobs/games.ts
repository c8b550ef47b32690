/**
 * Game files and solving for the API: Gambit .nfg/.efg text -> game -> the engine's `solve`
 * dispatcher. Parse errors are the engine's InputErrors with place `game.nfg:line:col` /
 * `game.efg:line:col`; a method that does not fit the game is placed at `$.method`.
 */
import { InputError, isInputError } from '@brink/engine/errors';
import {
  parseEfg,
  parseNfg,
  solve,
  SOLVE_METHODS as ENGINE_METHODS,
  type Game,
  type SolveMethod,
  type SolveResult,
} from '@brink/engine/games';

export const SOLVE_METHODS: readonly string[] = ENGINE_METHODS;

export function parseGameText(format: 'nfg' | 'efg', text: string): Game {
  return format === 'nfg' ? parseNfg(text, 'game.nfg') : parseEfg(text, 'game.efg');
}

export function solveGame(game: Game, method: string | undefined, options: { lambda?: number } = {}): SolveResult {
  if (method !== undefined && !SOLVE_METHODS.includes(method)) {
    throw new InputError(`unknown method "${method}"`, { place: '$.method', expected: `one of ${SOLVE_METHODS.join(', ')}` });
  }
  try {
    return solve(game, method as SolveMethod | undefined, options.lambda !== undefined ? { lambda: options.lambda } : {});
  } catch (error) {
    if (isInputError(error) && error.place === 'method') throw error.at('$.method');
    throw error;
  }
}

/**
 * Game files and solving for the API: Gambit .nfg/.efg text -> game -> the engine's solvers.
 * Parsing errors are the engine's InputErrors with place `game.nfg:line:col` / `game.efg:line:col`.
 */
import * as engine from '@brink/engine';
import { InputError, parseEfg, type Game, type SolveResult } from '@brink/engine';
import { parseNfg } from '@brink/engine/games/formats/nfg';
import { enumPure } from '@brink/engine/games/enum-pure';

export function parseGameText(format: 'nfg' | 'efg', text: string): Game {
  return format === 'nfg' ? parseNfg(text, 'game.nfg') : parseEfg(text, 'game.efg');
}

type Dispatcher = (game: Game, method?: string, options?: { lambda?: number }) => SolveResult;

/** The engine's `solve(game, method, options)` dispatcher, when the games module exports it. */
function engineDispatcher(): Dispatcher | undefined {
  const f = (engine as Record<string, unknown>).solve;
  return typeof f === 'function' ? (f as Dispatcher) : undefined;
}

/** Method names the API accepts (the engine's list when it exports one). */
export const SOLVE_METHODS: string[] = (() => {
  const list = (engine as Record<string, unknown>).SOLVE_METHODS;
  return Array.isArray(list) ? list.map(String) : ['enumpure'];
})();

export function solveGame(game: Game, method: string | undefined, options: { lambda?: number } = {}): SolveResult {
  if (method !== undefined && !SOLVE_METHODS.includes(method)) {
    throw new InputError(`unknown method "${method}"`, { place: '$.method', expected: `one of ${SOLVE_METHODS.join(', ')}` });
  }
  const dispatch = engineDispatcher();
  if (dispatch) return dispatch(game, method, options);
  return enumPure(game);
}

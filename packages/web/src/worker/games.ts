/**
 * Game requests the worker answers: parse a Gambit file (.efg/.nfg, or Brink's JSON), solve it
 * with a method, and give everything back as plain, cloneable data (exact numbers as strings).
 */
import {
  parseGame,
  gameToJson,
  writeGame,
  solve,
  defaultMethod,
  SOLVE_METHODS,
  type GameJson,
  type SolveMethod,
} from '@brink/engine/games';
import type { Game } from '@brink/engine/games';

export interface PlainEquilibrium {
  profile: string[][];
  payoffs: string[];
}

export interface PlainSolveResult {
  method: string;
  complete: boolean;
  exact: boolean;
  equilibria: PlainEquilibrium[];
}

export interface ParsedGame {
  game: GameJson;
  /** The game written back in Gambit's format. */
  text: string;
  defaultMethod: SolveMethod;
  methods: readonly SolveMethod[];
}

const plain = (v: unknown): string => (typeof v === 'number' ? String(Number(v.toPrecision(10))) : String(v));

export function toPlainResult(result: { method: string; complete: boolean; exact: boolean; equilibria: readonly { profile: readonly (readonly unknown[])[]; payoffs: readonly unknown[] }[] }): PlainSolveResult {
  return {
    method: result.method,
    complete: result.complete,
    exact: result.exact,
    equilibria: result.equilibria.map((e) => ({ profile: e.profile.map((p) => p.map(plain)), payoffs: e.payoffs.map(plain) })),
  };
}

function readGame(text: string, fileName: string): Game {
  return parseGame(text, fileName);
}

export function parseGameRequest({ text, fileName }: { text: string; fileName: string }): ParsedGame {
  const game = readGame(text, fileName);
  return { game: gameToJson(game), text: writeGame(game), defaultMethod: defaultMethod(game), methods: SOLVE_METHODS };
}

export function solveGameRequest({ text, fileName, method }: { text: string; fileName: string; method?: SolveMethod }): ParsedGame & { result: PlainSolveResult } {
  const game = readGame(text, fileName);
  const used = method ?? defaultMethod(game);
  const result = solve(game, used);
  return { game: gameToJson(game), text: writeGame(game), defaultMethod: defaultMethod(game), methods: SOLVE_METHODS, result: toPlainResult(result) };
}

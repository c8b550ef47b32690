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
  methodsFor,
  type DominanceSolveResult,
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
  /** dominance: the strategies dropped, round by round, and what survives (labels per player). */
  eliminated?: { round: number; player: number; strategy: string; dominatedBy: string }[];
  remaining?: string[][];
}

export interface ParsedGame {
  game: GameJson;
  /** The game written back in Gambit's format. */
  text: string;
  defaultMethod: SolveMethod;
  methods: readonly SolveMethod[];
}

/**
 * Exact numbers (rationals) as written; floating-point ones (logit) rounded to 6 significant
 * digits, with values below 1e-9 shown as 0 (a QRE's probabilities of 1e-34 are zero to any reader).
 */
export function plainNumber(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) < 1e-9) return '0';
  return String(Number(v.toPrecision(6)));
}

export function toPlainResult(result: { method: string; complete: boolean; exact: boolean; equilibria: readonly { profile: readonly (readonly unknown[])[]; payoffs: readonly unknown[] }[] }): PlainSolveResult {
  const out: PlainSolveResult = {
    method: result.method,
    complete: result.complete,
    exact: result.exact,
    equilibria: result.equilibria.map((e) => ({ profile: e.profile.map((p) => p.map(plainNumber)), payoffs: e.payoffs.map(plainNumber) })),
  };
  if (result.method === 'dominance' && 'reduction' in result) {
    const r = (result as DominanceSolveResult).reduction;
    out.eliminated = r.eliminations.map((e) => ({ round: e.round, player: e.player, strategy: e.label, dominatedBy: e.dominatedBy }));
    out.remaining = r.game.strategies.map((s) => [...s]);
  }
  return out;
}

function readGame(text: string, fileName: string): Game {
  return parseGame(text, fileName);
}

export function parseGameRequest({ text, fileName }: { text: string; fileName: string }): ParsedGame {
  const game = readGame(text, fileName);
  return { game: gameToJson(game), text: writeGame(game), defaultMethod: defaultMethod(game), methods: methodsFor(game) };
}

export function solveGameRequest({ text, fileName, method }: { text: string; fileName: string; method?: SolveMethod }): ParsedGame & { result: PlainSolveResult } {
  const game = readGame(text, fileName);
  const used = method ?? defaultMethod(game);
  const result = solve(game, used);
  return { game: gameToJson(game), text: writeGame(game), defaultMethod: defaultMethod(game), methods: methodsFor(game), result: toPlainResult(result) };
}

/**
 * Logit QRE (work in progress: implementation follows).
 */
import type { Game, SolveResult } from './types';

export interface LogitOptions {
  readonly lambda?: number;
}

export function solveLogit(game: Game, options: LogitOptions = {}): SolveResult {
  void game;
  void options;
  throw new Error('solveLogit: not implemented yet');
}

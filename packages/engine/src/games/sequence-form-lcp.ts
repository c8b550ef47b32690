/**
 * Sequence-form LCP (work in progress: implementation follows).
 */
import type { ExtensiveFormGame, SolveResult } from './types';

export function solveSequenceFormLcp(game: ExtensiveFormGame): SolveResult {
  void game;
  throw new Error('solveSequenceFormLcp: not implemented yet');
}

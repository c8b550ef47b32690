/**
 * The EUM on a KTAB SMP input (CSV read by ../ktab-csv.ts): the EUM is one-dimensional, so each
 * dimension d is run separately with capability = power, position = the 0..100 coordinate and
 * salience = the dimension's salience / 100. Dimensions may stop after different numbers of rounds;
 * the combined history carries each dimension's final positions forward to the longest run
 * (documented choice), so `positions` has `turns + 1` states as in KTAB's output.
 */
import type { SmpInput } from '../smp/types';
import { runEum } from './run';
import type { EumInput, EumOptions, EumResult } from './types';

export interface EumMultiResult {
  actors: string[];
  dims: string[];
  turns: number;
  /** [turn][actor][dimension], 0..100. */
  positions: number[][][];
  final: number[][];
  /** μ of the final positions per dimension. */
  forecast: number[];
  /** One EUM run per dimension. */
  runs: EumResult[];
}

export function eumInputForDimension(input: SmpInput, d: number): EumInput {
  return {
    name: `${input.name}:${input.dimensions[d]!.name}`,
    actors: input.actors.map((a, i) => ({ name: a.name, capability: a.power, position: input.positions[i]![d]!, salience: input.saliences[i]![d]! / 100 })),
  };
}

export function runEumOnKtabInput(input: SmpInput, options: Partial<EumOptions> = {}): EumMultiResult {
  const runs = input.dimensions.map((_, d) => runEum(eumInputForDimension(input, d), options));
  const turns = Math.max(0, ...runs.map((r) => r.turns));
  const positions: number[][][] = [];
  for (let t = 0; t <= turns; t++) {
    positions.push(input.actors.map((_, i) => runs.map((r) => r.positions[Math.min(t, r.turns)]![i]!)));
  }
  return {
    actors: input.actors.map((a) => a.name),
    dims: input.dimensions.map((d) => d.name),
    turns,
    positions,
    final: positions[turns]!,
    forecast: runs.map((r) => r.forecast),
    runs,
  };
}

/**
 * KTAB's SMP stopping rule (KTAB examples/smp/libsrc/smp.cpp smpStopFn,
 * SMPModel::stateDist; docs/smp.md, "What it computes", step 5).
 *
 *   dist(t, t') = sum_i || p_i(t) - p_i(t') ||_2            (on [0,1]^D)
 *   ratio(T)    = dist(T-1, T) / (dist(0, 1) + minSigDelta)
 *   stop after step T  iff  T >= maxIter  or  (T >= minIter and ratio(T) < minDeltaRatio)
 * Defaults: minIter 2, maxIter 100, minDeltaRatio 0.02, minSigDelta 1e-4.
 */
import { euclidean } from './utility';

export function stateDistance(a: Float64Array, b: Float64Array, n: number, dims: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = s + euclidean(a, i * dims, b, i * dims, dims);
  return s;
}

export interface StopParams {
  minTurns: number;
  maxTurns: number;
  minDeltaRatio: number;
  minSigDelta: number;
}

/** The ratio KTAB prints as "fractional change compared to first step" after step `turn`. */
export function stopRatio(history: Float64Array[], turn: number, n: number, dims: number, minSigDelta: number): number {
  const d01 = stateDistance(history[0]!, history[1]!, n, dims) + minSigDelta;
  const dxy = stateDistance(history[turn]!, history[turn - 1]!, n, dims);
  return dxy / d01;
}

export function shouldStopAfter(turn: number, ratio: number, p: StopParams): boolean {
  const tooLong = p.maxTurns <= turn;
  const longEnough = p.minTurns <= turn;
  return tooLong || (longEnough && ratio < p.minDeltaRatio);
}

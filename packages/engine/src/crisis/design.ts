/**
 * Evaluating a design of parameter points: each point fixes some parameters (index, value pairs)
 * with every other parameter at its scenario value, and is run `runsPerPoint` times with the
 * streams of runs 0..R−1 of the seed, the same for every point (common random numbers), so the
 * differences between points are differences of parameters, not of luck. The result per point is
 * the number of runs in which each outcome happened. Points are evaluated in chunks (a range of
 * point indices) whose results concatenate in point order, so a design spreads over threads and
 * machines with identical results. Used by the tornado (./tornado.ts) and Sobol indices (./sobol.ts).
 */
import { InputError } from '../errors';
import type { CompiledCrisisModel } from './compile';
import { checkEnsembleOptions, ensembleRoot, memoFor, runStreams } from './ensemble';
import { runOne, Workspace } from './simulate';

export interface DesignSpec {
  seed: number | string;
  weeks: number;
  runsPerPoint: number;
  /** Per point, the parameters it sets: [index0, value0, index1, value1, ...]. */
  points: readonly (readonly number[])[];
}

export interface DesignChunk {
  readonly firstPoint: number;
  /** [point][outcome] counts of runs (pointCount x outcomes). */
  readonly counts: Int32Array;
  readonly pointCount: number;
}

export function evaluateDesignChunk(model: CompiledCrisisModel, spec: DesignSpec, firstPoint: number, pointCount: number): DesignChunk {
  checkEnsembleOptions({ runs: spec.runsPerPoint, weeks: spec.weeks, seed: spec.seed });
  if (firstPoint < 0 || firstPoint + pointCount > spec.points.length) throw new InputError(`points [${firstPoint}, ${firstPoint + pointCount}) lie outside the design of ${spec.points.length}`, { place: 'points' });
  const ws = new Workspace(model, spec.weeks, memoFor(model));
  const root = ensembleRoot(spec.seed);
  const nO = model.outcomes.length;
  const counts = new Int32Array(pointCount * nO);
  for (let k = 0; k < pointCount; k++) {
    const overrides = Float64Array.from(spec.points[firstPoint + k]!);
    for (let r = 0; r < spec.runsPerPoint; r++) {
      const res = runOne(ws, runStreams(root, r), 'base', overrides, null);
      for (let o = 0; o < nO; o++) if ((res.outcomes >> o) & 1) counts[k * nO + o]!++;
    }
  }
  return { firstPoint, counts, pointCount };
}

/** Concatenates design chunks in point order (they must cover consecutive points). */
export function mergeDesignChunks(parts: readonly DesignChunk[], outcomes: number): Int32Array {
  const sorted = [...parts].sort((a, b) => a.firstPoint - b.firstPoint);
  const total = sorted.reduce((s, p) => s + p.pointCount, 0);
  const out = new Int32Array(total * outcomes);
  let next = sorted[0]?.firstPoint ?? 0;
  for (const p of sorted) {
    if (p.firstPoint !== next) throw new InputError(`design chunks must cover consecutive points: expected ${next}, got ${p.firstPoint}`, { place: 'chunks' });
    out.set(p.counts, (p.firstPoint - sorted[0]!.firstPoint) * outcomes);
    next += p.pointCount;
  }
  return out;
}

/** Evaluates a whole design in this thread, in chunks of `chunkPoints`, reporting progress in runs. */
export function evaluateDesign(model: CompiledCrisisModel, spec: DesignSpec, options: { chunkPoints?: number; onProgress?: (done: number, total: number) => void } = {}): Int32Array {
  const size = options.chunkPoints ?? 8;
  const parts: DesignChunk[] = [];
  for (let first = 0; first < spec.points.length; first += size) {
    const count = Math.min(size, spec.points.length - first);
    parts.push(evaluateDesignChunk(model, spec, first, count));
    options.onProgress?.((first + count) * spec.runsPerPoint, spec.points.length * spec.runsPerPoint);
  }
  return mergeDesignChunks(parts, model.outcomes.length);
}

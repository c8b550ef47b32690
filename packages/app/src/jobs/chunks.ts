/**
 * Chunked runs: a run kind whose large runs split into independent chunks (rows of a deterrence
 * map, member ranges of a forecast ensemble, run ranges of a crisis ensemble) that any worker may
 * take, merged in chunk-index order into exactly the result the kind's `execute` gives in one
 * process with the same seed, whatever the number of workers and the order chunks finish in.
 *
 * The contract a kind keeps (tests/chunks.test.ts checks each kind bit for bit):
 *   merge(task, specs.map((s) => executeChunk(task, s)))  ==  execute(task)
 * where specs = split(task). `split` is a pure function of the task (never of the number of
 * workers), so every process computes the same specs; chunk results are plain JSON.
 */
import type { ExecContext, RunTask } from './kinds';

export interface ChunkableRun<Spec = unknown, Part = unknown> {
  /** The chunks of a run, or null when it is small (or of a shape) best executed whole. */
  split(task: RunTask): Spec[] | null;
  /** Executes one chunk; its result must be JSON-safe. */
  executeChunk(task: RunTask, spec: Spec, ctx: ExecContext): Part;
  /** Merges every chunk's result, given in chunk-index order, into the run's result (or a promise of it). */
  merge(task: RunTask, parts: Part[]): unknown;
}

/** How many pieces a dimension of `n` units splits into: chunks of at least `min` units, at most `most` chunks. */
export function chunkRanges(n: number, options: { most?: number; min?: number } = {}): { first: number; count: number }[] {
  const most = options.most ?? 32;
  const min = options.min ?? 1;
  const size = Math.max(min, Math.ceil(n / most));
  const out: { first: number; count: number }[] = [];
  for (let first = 0; first < n; first += size) out.push({ first, count: Math.min(size, n - first) });
  return out;
}

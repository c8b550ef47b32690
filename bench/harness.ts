/**
 * Benchmark harness shared by every `bench/<area>.bench.ts` file.
 *
 * A bench file's default export returns rows; `npm run bench [-- FILTER...]` runs every file whose
 * name contains a filter (all when none), prints a table and writes `bench/results/latest.json`
 * and `bench/results/latest.md`. Speed targets live here, never in timed tests.
 */
export interface BenchRow {
  /** Area of the engine, e.g. "games", "smp". */
  area: string;
  /** What was run, e.g. "enummixed 10x10". */
  workload: string;
  /** Our wall-clock time (median of the runs), milliseconds. */
  ms: number;
  /** The peer's or baseline's time on the same workload, when known (measured in this run, or recorded). */
  baseline?: { name: string; ms: number | null; note?: string };
  /** Anything else worth recording: equilibria found, turns, nodes... */
  detail?: string;
}

export type BenchFile = () => Promise<BenchRow[]>;

/** Median wall-clock time of `runs` calls of `fn` (after one warm-up when `warmup`). */
export async function timeIt(fn: () => unknown, runs = 3, warmup = true): Promise<number> {
  if (warmup) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * KTAB's "probSel" (PRNG::probSel): pick index m with probability p_m, by inverse CDF on one uniform
 * draw, for the SMP's Stochastic state transition. The draws come from the engine's generator
 * (run.ts); KTAB's own come from worker threads in scheduling order and are not reproducible, so
 * only what a run may do is comparable (docs/smp.md).
 */

/**
 * mulberry32, the small seeded PRNG of the team's KTAB bench-input generator (gen_bench.mjs, kept
 * outside the repository with the KTAB conformance data); kept only so the SMP
 * benchmark (bench/smp.bench.ts) draws the same workloads. The model itself draws from the engine's
 * generator (random/rng.ts).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index drawn with probabilities p (which sum to 1) for the uniform draw x in [0,1): the first m with x <= p_0 + ... + p_m (the last index on round-off). */
export function pickByProbability(p: ArrayLike<number>, x: number): number {
  let acc = 0.0;
  for (let m = 0; m < p.length; m++) {
    acc = acc + p[m]!;
    if (x <= acc) return m;
  }
  return p.length - 1;
}

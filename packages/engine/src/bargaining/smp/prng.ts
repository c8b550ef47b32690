/**
 * Small seeded PRNG (mulberry32) used only by the SMP's Stochastic state transition, plus KTAB's
 * "probSel" (pick index m with probability p_m). KTAB's own draws come from worker threads in
 * scheduling order and are not reproducible, so only the distribution is comparable.
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

/** Index drawn with probabilities p (which sum to 1). */
export function pickByProbability(p: ArrayLike<number>, uniform: () => number): number {
  const x = uniform();
  let acc = 0;
  for (let m = 0; m < p.length; m++) {
    acc += p[m]!;
    if (x < acc) return m;
  }
  return p.length - 1;
}

/**
 * Seeds for property tests. In `npm test` every property runs with its fixed seed (reproducible CI).
 * `npm run props` (scripts/props.mjs) sets BRINK_PROPS_SEED to a fresh random seed, and every
 * property that takes its parameters from `propsParams` then explores new cases; fast-check prints
 * the failing seed and path, and the script prints the seed it used, so a failure can be replayed
 * with `BRINK_PROPS_SEED=<seed> npx vitest run <file>`. BRINK_PROPS_RUNS multiplies the number of runs.
 */
export interface PropsParams {
  seed: number;
  numRuns: number;
}

export function propsParams(fixedSeed: number, numRuns: number): PropsParams {
  const env = typeof process !== 'undefined' ? process.env : {};
  const raw = env.BRINK_PROPS_SEED;
  const factor = Math.max(1, Number(env.BRINK_PROPS_RUNS ?? 1) || 1);
  if (raw === undefined || raw === '') return { seed: fixedSeed, numRuns };
  // One fresh seed per run of the script, offset per property so properties explore different cases.
  const seed = (Number(raw) + fixedSeed * 7919) | 0;
  return { seed, numRuns: Math.round(numRuns * factor) };
}

/** Public API of the random module: the seeded, splittable generator and range sampling. */
export { createRng, type Rng } from './rng';
export { sampleRange, sampleBeta, sampleGamma, type RangeShape } from './sample';

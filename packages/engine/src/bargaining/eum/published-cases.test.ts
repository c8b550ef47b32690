/**
 * The EUM on a published worked case: BDM 1994's EC emission-standards issue (inputs: BDM 1994
 * p. 78 = Scholz, Calbert & Smith 2011 [SCS] Table 1; data and sources in
 * ./cases/ec-emission-standards.ts), compared with [SCS] §7 Table 2 (median and mean position per
 * round, Q = 1) and with BDM 1994 p. 98 (forecast 8.35 → 9.05 years, actual 8.833), as quoted by
 * [SCS] §7. The published figures come from a page-referenced secondary transcription of [SCS] §7
 * (see the case file); they are the paper's numbers, not a replication's output.
 *
 * Options = [SCS]'s reconstruction as far as our EUM exposes it:
 *   probabilityRule 'vote-share'   [SCS] eq. 30 (share of the c·s-weighted votes)
 *   perspective 'actor'            [SCS] Appendix steps 7 and 11: each side's EU with its own r
 *   offerChoice 'largest-sender-eu' [SCS] §6.2: concede to the most enforceable offer (highest
 *                                  sender EU); among equally enforceable ones, move the least
 *   medianRule 'weighted-median'   [SCS] Appendix step 3: Condorcet winner of the pairwise votes
 *   q = 1, t = 1                   [SCS] §7: "No value for Q was given. We chose Q=1.0."
 *   rangeMode 'initial'            Δx = x_max − x_min = 10 − 4 = 6 years
 * and no early stop, so that rounds line up with Table 2.
 *
 * Tolerances: Table 2 prints one decimal, so a round-by-round match is ±0.25 years (rounding plus
 * a little slack; 4% of the 6-year scale). BDM's own forecast is compared within ±1 year (1/6 of
 * the scale): our model is a reconstruction of a reconstruction, not BDM's code.
 *
 * Result: the steady median (rounds 2-5, 9.9) and BDM's stabilised forecast (9.05) are reproduced
 * within those tolerances; the round-1 median (8.4) and the mean trajectory (7.3-7.6) are NOT.
 * The `it.fails` cases below pin those discrepancies (they fail loudly if the EUM starts to match,
 * so the docs can be updated); docs/bargaining.md "Published case" explains the cause.
 */
import { describe, expect, it } from 'vitest';
import { runEum, weightedMean, weightedMedian, type EumOptions, type EumResult } from './index';
import { BDM1994_FORECAST, EC_EMISSION_INPUT, SCS_TABLE2_MEAN, SCS_TABLE2_MEDIAN } from './cases/ec-emission-standards';

const SCS_OPTIONS: Partial<EumOptions> = {
  probabilityRule: 'vote-share',
  perspective: 'actor',
  offerChoice: 'largest-sender-eu',
  medianRule: 'weighted-median',
  q: 1,
  t: 1,
  rangeMode: 'initial',
  maxRounds: 8,
  stableMedianRounds: 0,
};
const ROUND_TOLERANCE = 0.25;
const FORECAST_TOLERANCE = 1;

const weights = EC_EMISSION_INPUT.actors.map((a) => a.capability * a.salience);
/** State at the end of round t (1-based); a converged run keeps its last state. */
const stateAfter = (res: EumResult, t: number): number[] => res.positions[Math.min(t, res.turns)]!;
const medianAfter = (res: EumResult, t: number): number => weightedMedian(stateAfter(res, t), weights);
const meanAfter = (res: EumResult, t: number): number => weightedMean(stateAfter(res, t), weights);

describe('EUM on BDM 1994 EC emission standards ([SCS] Table 1 inputs)', () => {
  const scs = runEum(EC_EMISSION_INPUT, SCS_OPTIONS);

  it('inputs: 10 actors, Δx = 6 years, initial median voter position 7 years, c·s-weighted mean 7.39', () => {
    expect(scs.actors).toHaveLength(10);
    expect(scs.range).toBe(6);
    expect(scs.medians[0]).toBe(7);
    expect(weightedMean(scs.positions[0]!, weights)).toBeCloseTo(5.003 / 0.677, 12);
  });

  it(`[SCS] Table 2: median at the end of rounds 2-5 is 9.9 years (±${ROUND_TOLERANCE})`, () => {
    for (let t = 2; t <= 5; t++) expect(Math.abs(medianAfter(scs, t) - SCS_TABLE2_MEDIAN[t - 1]!)).toBeLessThanOrEqual(ROUND_TOLERANCE);
  });

  it(`BDM 1994 p. 98: forecast within ${FORECAST_TOLERANCE} year of the stabilised forecast ${BDM1994_FORECAST.stabilised}`, () => {
    expect(Math.abs(scs.forecast - BDM1994_FORECAST.stabilised)).toBeLessThanOrEqual(FORECAST_TOLERANCE);
  });

  it('swapping the Netherlands and Belgium rows (a variant transcription of Table 1) changes nothing: both have c = 0.08', () => {
    const swapped = {
      actors: EC_EMISSION_INPUT.actors.map((a, i) => (i === 0 ? { ...a, position: 7, salience: 0.4 } : i === 1 ? { ...a, position: 4, salience: 0.8 } : a)),
    };
    expect(runEum(swapped, SCS_OPTIONS).medians).toEqual(scs.medians);
  });

  // Known discrepancies (documented in docs/bargaining.md, "Published case").
  it.fails(`KNOWN DISCREPANCY [SCS] Table 2: median at the end of round 1 is 8.4 (ours: 10, ±${ROUND_TOLERANCE})`, () => {
    expect(Math.abs(medianAfter(scs, 1) - SCS_TABLE2_MEDIAN[0]!)).toBeLessThanOrEqual(ROUND_TOLERANCE);
  });

  it.fails(`KNOWN DISCREPANCY [SCS] Table 2: mean position rounds 1-5 stays at 7.3-7.6 (ours: 8.72, 7.42, 10, 10, 10; ±${ROUND_TOLERANCE})`, () => {
    for (let t = 1; t <= 5; t++) expect(Math.abs(meanAfter(scs, t) - SCS_TABLE2_MEAN[t - 1]!)).toBeLessThanOrEqual(ROUND_TOLERANCE);
  });

  it.fails('KNOWN DISCREPANCY our default options (smallest move, perceiver risk) reach the published 9.9 median (they stay at 7)', () => {
    const byDefault = runEum(EC_EMISSION_INPUT, { maxRounds: 8, stableMedianRounds: 0 });
    for (let t = 2; t <= 5; t++) expect(Math.abs(medianAfter(byDefault, t) - SCS_TABLE2_MEDIAN[t - 1]!)).toBeLessThanOrEqual(ROUND_TOLERANCE);
  });
});

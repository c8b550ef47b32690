/**
 * The hand-off at the nuclear threshold: when a run's crisis enters the threshold level, the
 * DPRK's choice (a limited nuclear strike or not) and what follows come from Zagare & Kilgour's
 * Asymmetric Escalation Game (../deterrence/aeg.ts), solved with parameters read off the run's
 * current state. The utilities are the scenario's `models.deterrence.aeg` binding; the state moves
 * the probabilities and the Challenger's status-quo value:
 *
 *   p_Ch = round(x_challengerHard)                              (DPRK resolve)
 *   T    = round(x_tacticalCredibility)                         (= p_HH + p_HS: the US would respond in kind)
 *   m    = round(clamp(1 − k_s (x_strikeCost − x_strikeCost,0), 0, 1))  (James Park: a DPRK able to hit
 *                                                                  the US lowers the US's strategic credibility)
 *   s_H  = m · p_HH⁰ / (p_HH⁰ + p_HS⁰),   s_S = m · p_SH⁰ / (p_SH⁰ + p_SS⁰)
 *   p_HH = T s_H,  p_HS = T (1 − s_H),  p_SH = (1 − T) s_S,  p_SS = (1 − T)(1 − s_S)
 *   c_SQ = clamp(round(c_SQ⁰ − k_q (x_statusQuo − x_statusQuo,0)), c_ED + 0.01, c_DC − 0.01)
 *
 * (round = to 0.01; ⁰ = the binding's values, x_·,0 = the run's start values). At the start state
 * and with k_s = k_q = 0 this reproduces the binding, so the simulation and the Deterrence page
 * show the same game. The equilibrium that decides is chosen by `selection`: worst (the highest
 * probability that deterrence fails, ties to the first listed; the engine's `worstFailure`), best,
 * or the mean of the equilibria's outcome distributions. The outcome (SQ, DC, DD, ED, DE, EE) is
 * drawn from that distribution and mapped to a crisis level. Solutions are memoised on the exact
 * (rounded) parameter values, so a decision is solved once however often runs reach it.
 */
import { InputError, isInputError } from '../errors';
import { getDeterrenceModel, failureProbability, type DeterrenceResult, type EquilibriumReport } from '../deterrence/index';
import type { DeterrenceHandoff } from './compile';

export const AEG_OUTCOME_CODES = ['SQ', 'DC', 'DD', 'ED', 'DE', 'EE'] as const;

export interface DeterrenceDecision {
  /** The AEG parameters solved (the binding with the state's values). */
  readonly params: Readonly<Record<string, number>>;
  /** Outcome probabilities in the order SQ, DC, DD, ED, DE, EE. */
  readonly outcomes: Float64Array;
  /** Cumulative of `outcomes` (for drawing with one uniform). */
  readonly cumulative: Float64Array;
  /** Probability that the DPRK strikes (1 − P(SQ)). */
  readonly strike: number;
  /** Kinds of the equilibria found, and the index of the one selected (-1 for the mean). */
  readonly equilibria: readonly string[];
  readonly selected: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The AEG parameters for a state (see the header). `start` holds the run's start values of the same nodes. */
export function handoffParams(
  h: DeterrenceHandoff,
  x: ArrayLike<number>,
  start: ArrayLike<number>,
  strategicPerStrikeCost: number,
  statusQuoPerUnit: number,
): Record<string, number> {
  const b = h.binding;
  const T = round2(clamp(x[h.tacticalCredibility]!, 0, 1));
  const m = round2(clamp(1 - strategicPerStrikeCost * (x[h.strikeCost]! - start[h.strikeCost]!), 0, 1));
  const hardShare = b.p_HH! + b.p_HS! > 0 ? b.p_HH! / (b.p_HH! + b.p_HS!) : 0;
  const softShare = b.p_SH! + b.p_SS! > 0 ? b.p_SH! / (b.p_SH! + b.p_SS!) : 0;
  const sH = m * hardShare;
  const sS = m * softShare;
  const cSQ = clamp(round2(b.c_SQ! - statusQuoPerUnit * (x[h.statusQuo]! - start[h.statusQuo]!)), round2(b.c_ED! + 0.01), round2(b.c_DC! - 0.01));
  return {
    ...b,
    c_SQ: cSQ,
    p_Ch: round2(clamp(x[h.challengerHard]!, 0, 1)),
    p_HH: T * sH,
    p_HS: T * (1 - sH),
    p_SH: (1 - T) * sS,
    p_SS: (1 - T) * (1 - sS),
  };
}

/** Picks the deciding equilibrium of a solved AEG and returns its outcome distribution. */
export function selectOutcome(result: DeterrenceResult, selection: DeterrenceHandoff['selection']): { outcomes: Float64Array; selected: number } {
  const model = getDeterrenceModel('aeg');
  const eqs = result.equilibria;
  const outcomes = new Float64Array(AEG_OUTCOME_CODES.length);
  if (eqs.length === 0) {
    // No equilibrium found (a knife-edge of the parameters): the status quo holds.
    outcomes[0] = 1;
    return { outcomes, selected: -2 };
  }
  const fill = (eq: EquilibriumReport, w: number) => AEG_OUTCOME_CODES.forEach((code, k) => (outcomes[k]! += w * (eq.outcomes[code] ?? 0)));
  if (selection === 'mean') {
    eqs.forEach((eq) => fill(eq, 1 / eqs.length));
    return { outcomes, selected: -1 };
  }
  let pick = 0;
  eqs.forEach((eq, k) => {
    const f = failureProbability(model, eq);
    const best = failureProbability(model, eqs[pick]!);
    if (selection === 'worst' ? f > best + 1e-12 : f < best - 1e-12) pick = k;
  });
  fill(eqs[pick]!, 1);
  return { outcomes, selected: pick };
}

/** A memo of decisions keyed on the exact parameter values. */
export class DeterrenceMemo {
  private readonly cache = new Map<string, DeterrenceDecision>();
  solves = 0;
  constructor(private readonly handoff: DeterrenceHandoff) {}

  decide(params: Record<string, number>): DeterrenceDecision {
    const key = `${params.p_Ch}|${params.p_HH}|${params.p_HS}|${params.p_SH}|${params.p_SS}|${params.c_SQ}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const decision = decideDeterrence(this.handoff, params);
    this.solves++;
    this.cache.set(key, decision);
    return decision;
  }

  get size(): number {
    return this.cache.size;
  }
}

/** Solves the AEG at `params` and applies the hand-off's selection rule. */
export function decideDeterrence(handoff: DeterrenceHandoff, params: Record<string, number>): DeterrenceDecision {
  let result: DeterrenceResult;
  try {
    result = getDeterrenceModel(handoff.modelId).solve(params, { fast: true });
  } catch (error) {
    if (isInputError(error)) {
      throw new InputError(`the deterrence hand-off gives the ${handoff.modelId} model invalid parameters: ${error.reason}`, { place: `$.models.deterrence.${handoff.modelId}.parameters`, cause: error });
    }
    throw error;
  }
  const { outcomes, selected } = selectOutcome(result, handoff.selection);
  const cumulative = new Float64Array(outcomes.length);
  let c = 0;
  outcomes.forEach((p, k) => (cumulative[k] = c += p));
  cumulative[cumulative.length - 1] = 1;
  return { params, outcomes, cumulative, strike: 1 - outcomes[0]!, equilibria: result.equilibria.map((e) => e.kind), selected };
}

/**
 * One SMP state: positions and ideals on [0,1]^D and what KTAB derives from them before a step
 * (KTAB examples/smp/libsrc/smp.cpp SMPState::setVDiff, setAllAUtil, pDist(-1);
 * KTAB/kmodel/libsrc/kstate.cpp State::setUENdx, posProb; docs/smp.md, "What it computes", step 1
 * and the position probabilities after step 5).
 *
 *   diff[i][j] = d_i(ideal_i, position_j) with i's saliences
 *   risk       = risk attitudes (risk.ts)
 *   unique positions: actor j joins the first earlier unique position within Euclidean distance
 *   `tol`; probability of actor i = PCE over the unique positions (power weights, the run's voting
 *   rule, victory-probability and PCE models, as KTAB's pDist; utilities U_i[i][rep]), taken for
 *   the last unique position equivalent to i (KTAB posProb).
 */
import { scalarPce } from './pce';
import { estimateRisk, riskAttitudes } from './risk';
import type { SmpModelSwitches } from './types';
import { euclidean, riskUtility, weightedDistance } from './utility';

/** Static data of a run, internal scale [0,1]. Flat arrays are row-major [actor][dim]. */
export interface SmpModelData {
  n: number;
  dims: number;
  power: Float64Array;
  sal: Float64Array;
  /** S_i = sum_k s_ik. */
  totalSalience: Float64Array;
  /** S_i c_i. */
  salientPower: Float64Array;
}

export interface AssessedState {
  pos: Float64Array;
  ideal: Float64Array;
  diff: Float64Array;
  risk: Float64Array;
}

export function assessState(
  model: SmpModelData,
  pos: Float64Array,
  ideal: Float64Array,
  sw: SmpModelSwitches,
  strict: boolean,
): AssessedState {
  const { n, dims, sal } = model;
  const diff = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) diff[i * n + j] = weightedDistance(ideal, i * dims, pos, j * dims, sal, i * dims, dims);
  }
  const { risk } = riskAttitudes(diff, model.power, n, sw, strict);
  return { pos, ideal, diff, risk };
}

/** U_i[i][j] for all i, j: each actor's own (risk-aware) utility of every position. */
export function selfUtilities(model: SmpModelData, st: AssessedState, sw: SmpModelSwitches): Float64Array {
  const n = model.n;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rii = estimateRisk(st.risk[i]!, st.risk[i]!, sw.riskAdjust);
    for (let j = 0; j < n; j++) out[i * n + j] = riskUtility(st.diff[i * n + j]!, rii);
  }
  return out;
}

/** Indices of unique positions (first representative of each group). */
export function uniquePositions(pos: Float64Array, n: number, dims: number, tol: number): number[] {
  const uniq: number[] = [];
  for (let i = 0; i < n; i++) {
    let found = false;
    for (const u of uniq) {
      if (euclidean(pos, i * dims, pos, u * dims, dims) < tol) {
        found = true;
        break;
      }
    }
    if (!found) uniq.push(i);
  }
  return uniq;
}

/** Probability, per actor, that its position is the group's choice in this state. */
export function positionProbabilities(
  model: SmpModelData,
  st: AssessedState,
  selfUtil: Float64Array,
  sw: SmpModelSwitches,
  tol: number,
): { perActor: Float64Array; unique: number[]; uniqueProb: Float64Array } {
  const { n, dims } = model;
  const unique = uniquePositions(st.pos, n, dims, tol);
  const nu = unique.length;
  const u = new Float64Array(n * nu);
  for (let i = 0; i < n; i++) for (let x = 0; x < nu; x++) u[i * nu + x] = selfUtil[i * n + unique[x]!]!;
  const uniqueProb = scalarPce(n, nu, model.power, u, sw.votingRule, sw.victoryProbModel, sw.pceModel);
  const perActor = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = -1;
    for (let x = 0; x < nu; x++) if (euclidean(st.pos, i * dims, st.pos, unique[x]! * dims, dims) < tol) k = x;
    perActor[i] = k >= 0 ? uniqueProb[k]! : 0;
  }
  return { perActor, unique, uniqueProb };
}

/**
 * Probabilistic Condorcet election (PCE): the probability that each option is the group's choice.
 *
 * Source: KTAB KTAB/kmodel/libsrc/kmodel.cpp (Model::condPCE, markovUniformPCE, markovIncentivePCE,
 * probCE2, scalarPCE); docs/smp.md, "What it computes", steps 1 and 4.
 *
 *   Conditional (default): P(a) = prod_b V(a,b) / sum_a' prod_b V(a',b)   (b runs over all options, a too)
 *   MarkovUniform: q_a = (1/M) sum_b V(a,b)(P_a + P_b), P <- (P + q)/2 from uniform until max|q - P| <= 1e-6
 *   MarkovIncentive: I(a,b) = C(a,b) V(a,b) (+1e-10 on the diagonal), H(a|b) = I(a,b) / sum_c I(c,b),
 *     ct(a,b) = P_a H(b|a), q_a = sum_b V(a,b)(ct(a,b) + ct(b,a)), P <- (P + q)/2 until max change <= 1e-8
 *
 * Deviation: with hundreds of options the Conditional products can underflow to 0 for every option
 * (KTAB then divides 0 by 0). Only in that case we normalise in log space, which gives the same
 * distribution without the underflow.
 */
import type { PceModel, VictoryProbModel, VotingRule } from './types';
import { utilityCoalitions, victoryMatrix } from './voting';

export function conditionalPce(v: Float64Array, numOpt: number): Float64Array {
  const p = new Float64Array(numOpt);
  let sum = 0;
  for (let a = 0; a < numOpt; a++) {
    let pa = 1.0;
    const row = a * numOpt;
    for (let b = 0; b < numOpt; b++) pa = pa * v[row + b]!;
    p[a] = pa;
  }
  for (let a = 0; a < numOpt; a++) sum = sum + p[a]!;
  if (sum > 1e-290) {
    for (let a = 0; a < numOpt; a++) p[a] = p[a]! / sum;
    return p;
  }
  // log-space fallback (all products underflowed)
  let maxLog = -Infinity;
  for (let a = 0; a < numOpt; a++) {
    let l = 0;
    const row = a * numOpt;
    for (let b = 0; b < numOpt; b++) l += Math.log(v[row + b]!);
    p[a] = l;
    if (l > maxLog) maxLog = l;
  }
  sum = 0;
  for (let a = 0; a < numOpt; a++) {
    p[a] = Math.exp(p[a]! - maxLog);
    sum += p[a]!;
  }
  for (let a = 0; a < numOpt; a++) p[a] = p[a]! / sum;
  return p;
}

export function markovUniformPce(v: Float64Array, numOpt: number): Float64Array {
  let p = new Float64Array(numOpt).fill(1.0 / numOpt);
  const q = new Float64Array(numOpt);
  let change = 1.0;
  let iter = 0;
  while (1e-6 < change) {
    change = 0;
    for (let a = 0; a < numOpt; a++) {
      let pa = 0.0;
      for (let b = 0; b < numOpt; b++) pa = pa + v[a * numOpt + b]! * (p[a]! + p[b]!);
      q[a] = pa / numOpt;
      const c = Math.abs(q[a]! - p[a]!);
      change = c > change ? c : change;
    }
    const next = new Float64Array(numOpt);
    for (let a = 0; a < numOpt; a++) next[a] = (p[a]! + q[a]!) / 2.0;
    p = next;
    if (++iter >= 1000) throw new Error('markovUniformPce: no convergence in 1000 iterations');
  }
  return p;
}

export function markovIncentivePce(c: Float64Array, v: Float64Array, numOpt: number): Float64Array {
  const n = numOpt;
  const inc = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let x = c[a * n + b]! * v[a * n + b]!;
      if (a === b) x = x + 1e-10;
      inc[a * n + b] = x;
    }
  }
  const chlg = new Float64Array(n * n); // chlg(a,b) = P[a challenges | b is the favourite]
  for (let b = 0; b < n; b++) {
    let s = 0.0;
    for (let k = 0; k < n; k++) s = s + inc[k * n + b]!;
    for (let a = 0; a < n; a++) chlg[a * n + b] = inc[a * n + b]! / s;
  }
  let p = new Float64Array(n).fill(1.0 / n);
  const q = new Float64Array(n);
  const ct = new Float64Array(n * n);
  let change = 1.0;
  let iter = 0;
  while (1e-8 < change) {
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) ct[a * n + b] = p[a]! * chlg[b * n + a]!;
    change = 0.0;
    for (let a = 0; a < n; a++) {
      let qa = 0.0;
      for (let b = 0; b < n; b++) qa = qa + v[a * n + b]! * (ct[a * n + b]! + ct[b * n + a]!);
      q[a] = qa;
      const d = Math.abs(q[a]! - p[a]!);
      change = d > change ? d : change;
    }
    const next = new Float64Array(n);
    for (let a = 0; a < n; a++) next[a] = (p[a]! + q[a]!) / 2.0;
    p = next;
    if (++iter >= 1000) throw new Error('markovIncentivePce: no convergence in 1000 iterations');
  }
  return p;
}

/** PCE from coalition strengths (KTAB Model::probCE2). */
export function pceFromCoalitions(pcem: PceModel, vpm: VictoryProbModel, c: Float64Array, numOpt: number): Float64Array {
  const v = victoryMatrix(vpm, c, numOpt);
  switch (pcem) {
    case 'Conditional':
      return conditionalPce(v, numOpt);
    case 'MarkovUniform':
      return markovUniformPce(v, numOpt);
    case 'MarkovIncentive':
      return markovIncentivePce(c, v, numOpt);
  }
}

/**
 * KTAB Model::scalarPCE: option probabilities from weights w (per actor) and utilities u
 * (row-major [actor][option]).
 */
export function scalarPce(
  numAct: number,
  numOpt: number,
  w: ArrayLike<number>,
  u: ArrayLike<number>,
  rule: VotingRule,
  vpm: VictoryProbModel,
  pcem: PceModel,
): Float64Array {
  const c = utilityCoalitions(rule, w, u, numAct, numOpt);
  return pceFromCoalitions(pcem, vpm, c, numOpt);
}

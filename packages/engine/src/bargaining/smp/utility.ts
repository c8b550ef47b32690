/**
 * SMP utilities: salience-weighted distance, risk-attitude utility, KTAB's 4-decimal rounding.
 *
 * Source: KTAB examples/smp/libsrc/smp.cpp (SMPModel::bvDiff, bsUtil; SMPActor::interpBrgnSnPm's
 * round4); docs/smp.md, "What it computes", step 1. Operation order follows KTAB so that
 * results agree bit for bit:
 *
 *   d_i(a, b) = sqrt( sum_k (s_ik (a_k - b_k))^2 / sum_k s_ik^2 )
 *   u(d, R)   = (1 - d)(1 + d R)  for d <= 1,   (1 - d)(1 + R) otherwise (round-off guard)
 *   round4(x) = floor(0.5 + 10000 x) / 10000       (C++ int truncation of a non-negative value)
 */

/** Salience-weighted normalised distance between points a and b (offsets into flat arrays). */
export function weightedDistance(
  a: ArrayLike<number>,
  aOffset: number,
  b: ArrayLike<number>,
  bOffset: number,
  sal: ArrayLike<number>,
  salOffset: number,
  dims: number,
): number {
  let dsSqr = 0;
  let ssSqr = 0;
  for (let k = 0; k < dims; k++) {
    const s = sal[salOffset + k]!;
    const ds = (a[aOffset + k]! - b[bOffset + k]!) * s;
    dsSqr = dsSqr + ds * ds;
    ssSqr = ssSqr + s * s;
  }
  return Math.sqrt(dsSqr / ssSqr);
}

/** Utility of distance d in [0,1] for risk attitude R in [-1,1] (R > 0 risk-averse). */
export function riskUtility(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/** KTAB's rounding of bargain coordinates to 4 decimals on [0,1]. */
export function round4(x: number): number {
  return Math.trunc(0.5 + x * 10000) / 10000;
}

/** Euclidean norm of a - b over `dims` coordinates. */
export function euclidean(a: ArrayLike<number>, aOffset: number, b: ArrayLike<number>, bOffset: number, dims: number): number {
  let s = 0;
  for (let k = 0; k < dims; k++) {
    const d = a[aOffset + k]! - b[bOffset + k]!;
    s = s + d * d;
  }
  return Math.sqrt(s);
}

/**
 * A small dense linear system M x = b (M exactly representable in doubles) solved in floating point
 * with a rigorous bound on the error of every component.
 *
 * Source: Higham (2002), Accuracy and Stability of Numerical Algorithms, sec. 3.1 (rounding of
 * inner products, gamma_n = n u / (1 - n u), u = 2^-53) and the a posteriori bound of Rump's
 * verification methods (Acta Numerica 19, 2010, sec. 10): with R an approximate inverse of M,
 *
 *   ||I - R M|| < 1   implies   M is nonsingular and   |x - x*|_inf <= ||R||_inf ||b - M x||_inf / (1 - ||I - R M||_inf).
 *
 * R comes from Gauss-Jordan elimination with partial pivoting; the residuals are computed in
 * floating point and their rounding is added to the bound.
 */

const U = 2 ** -53;
const gamma = (n: number): number => (n * U) / (1 - n * U);

/** Working storage, reused between calls (the function is not reentrant). */
let scratch = new Float64Array(0);

export interface CertifiedSolution {
  readonly x: Float64Array;
  /** |x_i - x*_i| <= error for every i, where x* is the exact solution. */
  readonly error: number;
}

/**
 * Solves the k x k system (M row-major) or returns undefined when M is singular or too badly
 * conditioned for the bound to hold (the caller then solves exactly).
 */
export function solveCertified(M: Float64Array, b: Float64Array, k: number): CertifiedSolution | undefined {
  // Approximate inverse by Gauss-Jordan with partial pivoting on [M | I].
  const w = 2 * k;
  if (scratch.length < k * w) scratch = new Float64Array(2 * k * w);
  const A = scratch;
  A.fill(0, 0, k * w);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) A[i * w + j] = M[i * k + j]!;
    A[i * w + k + i] = 1;
  }
  for (let c = 0; c < k; c++) {
    let p = c;
    let best = Math.abs(A[c * w + c]!);
    for (let r = c + 1; r < k; r++) {
      const v = Math.abs(A[r * w + c]!);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (best === 0) return undefined;
    if (p !== c) {
      for (let j = 0; j < w; j++) {
        const t = A[c * w + j]!;
        A[c * w + j] = A[p * w + j]!;
        A[p * w + j] = t;
      }
    }
    const piv = A[c * w + c]!;
    for (let j = 0; j < w; j++) A[c * w + j] = A[c * w + j]! / piv;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = A[r * w + c]!;
      if (f === 0) continue;
      for (let j = 0; j < w; j++) A[r * w + j] = A[r * w + j]! - f * A[c * w + j]!;
    }
  }
  // R = right half; x = R b.
  const x = new Float64Array(k);
  let normR = 0;
  for (let i = 0; i < k; i++) {
    let s = 0;
    let n = 0;
    for (let j = 0; j < k; j++) {
      const r = A[i * w + k + j]!;
      s += r * b[j]!;
      n += Math.abs(r);
    }
    x[i] = s;
    if (n > normR) normR = n;
  }
  // ||I - R M|| with rounding.
  const g = gamma(k + 1);
  let normF = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) {
      let f = i === j ? -1 : 0;
      let abs = i === j ? 1 : 0;
      for (let l = 0; l < k; l++) {
        const p = A[i * w + k + l]! * M[l * k + j]!;
        f += p;
        abs += Math.abs(p);
      }
      row += Math.abs(f) + g * abs;
    }
    if (row > normF) normF = row;
  }
  if (!(normF < 0.5)) return undefined;
  // Residual b - M x with rounding.
  let res = 0;
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    let abs = Math.abs(s);
    for (let j = 0; j < k; j++) {
      const p = M[i * k + j]! * x[j]!;
      s -= p;
      abs += Math.abs(p);
    }
    const e = Math.abs(s) + g * abs;
    if (e > res) res = e;
  }
  const error = ((normR * res) / (1 - normF)) * (1 + 1e-9);
  return { x, error };
}

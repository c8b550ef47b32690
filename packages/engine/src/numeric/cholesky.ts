/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive semi-definite matrix (Golub & Van Loan,
 * "Matrix Computations", 4th ed., alg. 4.2.1, the inner-product form):
 *
 *   L[i][j] = (A[i][j] − Σ_{k<j} L[i][k] L[j][k]) / L[j][j]     (j < i)
 *   L[i][i] = sqrt(max(0, A[i][i] − Σ_{k<i} L[i][k]²))
 *
 * Pivots that rounding pushes below zero are clamped to 0 (a semi-definite covariance, e.g. of a
 * fitted regression's coefficients, stays usable for drawing correlated normals: x = μ + L z).
 * Below a zero pivot the column is 0 (for a semi-definite A the numerator is then 0 as well, up to
 * rounding), so a rank-deficient A gives a finite L, never NaN.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 0)) : l[j]![j]! > 0 ? s / l[j]![j]! : 0;
    }
  }
  return l;
}

/**
 * Exact solution of a square integer linear system M z = b by fraction-free Gaussian elimination
 * (Bareiss 1968: every intermediate entry is a minor of M, so divisions are exact and entries stay
 * small), followed by rational back substitution. Returns undefined when M is singular.
 */
import { Rational } from './rational';

export function solveIntegerSystem(M: readonly (readonly bigint[])[], b: readonly bigint[]): Rational[] | undefined {
  const k = M.length;
  const A = M.map((row, i) => [...row, b[i]!]);
  let prev = 1n;
  for (let c = 0; c < k; c++) {
    let p = c;
    while (p < k && A[p]![c] === 0n) p++;
    if (p === k) return undefined;
    if (p !== c) [A[p], A[c]] = [A[c]!, A[p]!];
    const pr = A[c]!;
    const pivot = pr[c]!;
    for (let i = c + 1; i < k; i++) {
      const row = A[i]!;
      const f = row[c]!;
      for (let j = c + 1; j <= k; j++) row[j] = (pivot * row[j]! - f * pr[j]!) / prev;
      row[c] = 0n;
    }
    prev = pivot;
  }
  const z: Rational[] = new Array<Rational>(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = Rational.fromInt(A[i]![k]!);
    for (let j = i + 1; j < k; j++) if (A[i]![j] !== 0n) s = s.sub(z[j]!.mul(Rational.fromInt(A[i]![j]!)));
    z[i] = s.div(Rational.fromInt(A[i]![i]!));
  }
  return z;
}

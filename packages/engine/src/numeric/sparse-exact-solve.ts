/**
 * Exact solution of a sparse square integer system A x = b, by Gaussian elimination on integer
 * rows in the Markowitz order, then rational back substitution.
 *
 * Source: Markowitz (1957) for the pivot order (minimise (r - 1)(c - 1), which keeps fill small);
 * the integer row update of Lemke-type exact codes (von Stengel 2002, Handbook of Game Theory 3,
 * ch. 45, sec. 4): eliminating column c of row i with pivot row p,
 *
 *   row_i <- a_pc row_i - a_ic row_p,   then row_i <- row_i / gcd(row_i),
 *
 * keeps every row an integer vector with no common factor, so no fraction is formed before the
 * back substitution x_c = (b_p - sum_{j != c} a_pj x_j) / a_pc in the reverse pivot order.
 * A budget on the integer operations makes the caller's "exact where affordable" decision.
 */
import { CountBuckets } from './count-buckets';
import { Rational } from './rational';

export interface SparseIntegerRow {
  /** column -> coefficient (nonzero). */
  readonly entries: Map<number, bigint>;
  rhs: bigint;
}

export type SparseExactResult = { status: 'solved'; x: Rational[] } | { status: 'singular' } | { status: 'over-budget' };

export function solveSparseExact(n: number, rows: SparseIntegerRow[], budget = Infinity): SparseExactResult {
  // Column -> rows containing it (active rows only).
  const colRows: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  rows.forEach((row, i) => {
    for (const c of row.entries.keys()) colRows[c]!.add(i);
  });
  const rowDone = new Uint8Array(n);
  const buckets = new CountBuckets(n, n);
  rows.forEach((row, i) => buckets.insert(i, row.entries.size));
  const pivotRowOf: number[] = [];
  const pivotColOf: number[] = [];
  let work = 0;
  for (let step = 0; step < n; step++) {
    // Markowitz pivot among the sparsest rows (a few rows once a candidate is found).
    let bestR = -1;
    let bestC = -1;
    let bestCost = Infinity;
    let bestSize = Infinity;
    let examined = 0;
    if (buckets.first(0) >= 0) return { status: 'singular' }; // an empty active row
    for (let count = 1; count <= n && examined < 4; count++) {
      for (let i = buckets.first(count); i >= 0 && examined < 4; i = buckets.next(i)) {
        examined++;
        for (const [c, v] of rows[i]!.entries) {
          const cost = (count - 1) * (colRows[c]!.size - 1);
          const size = bitLength(v);
          if (cost < bestCost || (cost === bestCost && size < bestSize)) {
            bestCost = cost;
            bestR = i;
            bestC = c;
            bestSize = size;
          }
        }
        if (bestCost === 0) break;
      }
      if (bestCost <= count * count) break;
    }
    if (bestR < 0) return { status: 'singular' };
    const p = rows[bestR]!;
    const c = bestC;
    const pc = p.entries.get(c)!;
    rowDone[bestR] = 1;
    buckets.remove(bestR);
    pivotRowOf.push(bestR);
    pivotColOf.push(c);
    for (const col of p.entries.keys()) colRows[col]!.delete(bestR);
    for (const i of [...colRows[c]!]) {
      const row = rows[i]!;
      const f = row.entries.get(c)!;
      // row <- pc * row - f * p
      for (const [col, v] of row.entries) row.entries.set(col, v * pc);
      row.rhs *= pc;
      for (const [col, v] of p.entries) {
        const old = row.entries.get(col);
        const nv = (old ?? 0n) - f * v;
        if (nv === 0n) {
          if (old !== undefined) {
            row.entries.delete(col);
            colRows[col]!.delete(i);
          }
        } else {
          if (old === undefined) colRows[col]!.add(i);
          row.entries.set(col, nv);
        }
      }
      row.rhs -= f * p.rhs;
      let g = row.rhs < 0n ? -row.rhs : row.rhs;
      for (const v of row.entries.values()) {
        if (g === 1n) break;
        g = gcd(g, v < 0n ? -v : v);
      }
      if (g > 1n) {
        for (const [col, v] of row.entries) row.entries.set(col, v / g);
        row.rhs /= g;
      }
      work += row.entries.size + p.entries.size;
      buckets.move(i, row.entries.size);
      if (row.entries.size === 0 && row.rhs !== 0n) return { status: 'singular' };
    }
    if (work > budget) return { status: 'over-budget' };
  }
  const x: Rational[] = new Array<Rational>(n).fill(Rational.ZERO);
  for (let k = n - 1; k >= 0; k--) {
    const row = rows[pivotRowOf[k]!]!;
    const c = pivotColOf[k]!;
    let s = Rational.fromInt(row.rhs);
    for (const [col, v] of row.entries) if (col !== c && !x[col]!.isZero()) s = s.sub(x[col]!.mul(Rational.fromInt(v)));
    x[c] = s.div(Rational.fromInt(row.entries.get(c)!));
  }
  return { status: 'solved', x };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(v: bigint): number {
  return (v < 0n ? -v : v).toString(16).length;
}

/**
 * Sparse LU factorisation of a square matrix in floating point, with the Markowitz pivot order and
 * threshold partial pivoting, and the solves with it (FTRAN: B x = b, BTRAN: B^T x = c).
 *
 * Source: Markowitz (1957), "The elimination form of the inverse and its application to linear
 * programming", Management Science 3; Duff, Erisman & Reid (2017), Direct Methods for Sparse
 * Matrices, 2nd ed., ch. 7 (right-looking elimination, pivot search limited to the sparsest
 * columns and rows, threshold u: |a_pq| >= u max_i |a_iq|); Suhl & Suhl (1990) for the order of
 * the search (singletons first).
 *
 * Elimination step k picks a pivot (p, q) minimising the Markowitz cost (r_p - 1)(c_q - 1) among
 * entries that pass the threshold test, stores the multipliers l_i = a_iq / a_pq (column eta) and
 * the pivot row (row of U), and updates a_ij -= l_i a_pj on the active submatrix. Then
 *
 *   B x = b:    y = L_{n-1}^{-1} ... L_0^{-1} b   (y_i -= l_i y_p per step),  then  U x = y backwards;
 *   B^T x = c:  U^T v = c forwards,  then  x = L_0^{-T} ... L_{n-1}^{-T} v   (x_p -= sum_i l_i x_i).
 *
 * Indices: b and the result of `solveTransposed` are indexed by rows of B; the result of `solve`
 * and the argument of `solveTransposed` by columns of B.
 */

import { CountBuckets } from './count-buckets';

export interface SparseColumn {
  readonly rows: readonly number[] | Int32Array;
  readonly values: readonly number[] | Float64Array;
}

export class SingularMatrixError extends Error {
  constructor(readonly step: number) {
    super(`sparse LU: the matrix is singular (no acceptable pivot at elimination step ${step})`);
    this.name = 'SingularMatrixError';
  }
}

/** Threshold for partial pivoting: a pivot is at least this fraction of its column's largest entry. */
const THRESHOLD = 0.1;
/** Columns (and rows) examined per pivot search once a candidate is found. */
const SEARCH_LIMIT = 4;

export class SparseLU {
  /** Pivot row and column of each elimination step. */
  private readonly pivotRow: Int32Array;
  private readonly pivotCol: Int32Array;
  private readonly pivotValue: Float64Array;
  /** L etas: for step k, entries lIndex[lStart[k]..lStart[k+1]) with values lValue. */
  private readonly lStart: Int32Array;
  private readonly lIndex: Int32Array;
  private readonly lValue: Float64Array;
  /** U rows (without the pivot): for step k, columns uIndex[uStart[k]..uStart[k+1]) with values uValue. */
  private readonly uStart: Int32Array;
  private readonly uIndex: Int32Array;
  private readonly uValue: Float64Array;
  readonly size: number;
  /** Nonzeros of L and U (without the diagonal), a measure of fill. */
  readonly nonzeros: number;

  private constructor(parts: {
    pivotRow: Int32Array;
    pivotCol: Int32Array;
    pivotValue: Float64Array;
    lStart: Int32Array;
    lIndex: Int32Array;
    lValue: Float64Array;
    uStart: Int32Array;
    uIndex: Int32Array;
    uValue: Float64Array;
  }) {
    this.pivotRow = parts.pivotRow;
    this.pivotCol = parts.pivotCol;
    this.pivotValue = parts.pivotValue;
    this.lStart = parts.lStart;
    this.lIndex = parts.lIndex;
    this.lValue = parts.lValue;
    this.uStart = parts.uStart;
    this.uIndex = parts.uIndex;
    this.uValue = parts.uValue;
    this.size = parts.pivotRow.length;
    this.nonzeros = parts.lIndex.length + parts.uIndex.length;
  }

  /** Factorises the n x n matrix given by its columns. Throws SingularMatrixError. */
  static factor(n: number, columns: readonly SparseColumn[]): SparseLU {
    const pivotRow = new Int32Array(n);
    const pivotCol = new Int32Array(n);
    const pivotValue = new Float64Array(n);
    const lStart = new Int32Array(n + 1);
    const uStart = new Int32Array(n + 1);
    const lIdx: number[] = [];
    const lVal: number[] = [];
    const uIdx: number[] = [];
    const uVal: number[] = [];
    // Column singletons first (in Lemke's bases most columns are unit vectors): each is a pivot
    // with no multipliers and no fill; its row's other entries form its row of U.
    const claimedBy = new Int32Array(n).fill(-1);
    const singleton = new Uint8Array(n);
    let step = 0;
    for (let c = 0; c < n; c++) {
      const col = columns[c]!;
      let r = -1;
      let count = 0;
      for (let k = 0; k < col.rows.length; k++) {
        if (col.values[k] === 0) continue;
        if (col.rows[k] !== r) count++;
        r = col.rows[k]!;
      }
      if (count !== 1 || claimedBy[r] >= 0) continue;
      singleton[c] = 1;
      claimedBy[r] = c;
    }
    // Active submatrix: per column a map row -> value, per row the set of its columns.
    const colMap: Map<number, number>[] = new Array(n);
    const rowCols: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
    const claimedEntries: number[][] = Array.from({ length: n }, () => []); // per claimed row: (column, value) pairs
    for (let c = 0; c < n; c++) {
      const m = new Map<number, number>();
      colMap[c] = m;
      if (singleton[c]) continue;
      const col = columns[c]!;
      for (let k = 0; k < col.rows.length; k++) {
        const v = col.values[k]!;
        if (v === 0) continue;
        const r = col.rows[k]!;
        if (claimedBy[r]! >= 0) {
          claimedEntries[r]!.push(c, v);
          continue;
        }
        m.set(r, (m.get(r) ?? 0) + v);
        rowCols[r]!.add(c);
      }
    }
    for (let c = 0; c < n; c++) {
      if (!singleton[c]) continue;
      const col = columns[c]!;
      let r = -1;
      let v = 0;
      for (let k = 0; k < col.rows.length; k++) {
        if (col.values[k] === 0) continue;
        r = col.rows[k]!;
        v += col.values[k]!;
      }
      pivotRow[step] = r;
      pivotCol[step] = c;
      pivotValue[step] = v;
      lStart[step] = lIdx.length;
      uStart[step] = uIdx.length;
      const e = claimedEntries[r]!;
      for (let k = 0; k < e.length; k += 2) {
        uIdx.push(e[k]!);
        uVal.push(e[k + 1]!);
      }
      step++;
    }
    const prepivoted = step;
    // Count buckets (doubly linked lists) for columns and rows.
    const colBucket = new CountBuckets(n, n);
    const rowBucket = new CountBuckets(n, n);
    for (let c = 0; c < n; c++) if (!singleton[c]) colBucket.insert(c, colMap[c]!.size);
    for (let r = 0; r < n; r++) if (claimedBy[r]! < 0) rowBucket.insert(r, rowCols[r]!.size);

    const colMax = (c: number): number => {
      let mx = 0;
      for (const v of colMap[c]!.values()) if (Math.abs(v) > mx) mx = Math.abs(v);
      return mx;
    };

    for (step = prepivoted; step < n; step++) {
      // Pivot search.
      let bestR = -1;
      let bestC = -1;
      let bestCost = Infinity;
      let bestAbs = 0;
      let examined = 0;
      for (let count = 1; count <= n && examined < SEARCH_LIMIT; count++) {
        // Columns with `count` entries.
        for (let c = colBucket.first(count); c >= 0 && examined < SEARCH_LIMIT; c = colBucket.next(c)) {
          const m = colMap[c]!;
          const limit = THRESHOLD * colMax(c);
          for (const [r, v] of m) {
            const a = Math.abs(v);
            if (a < limit || a === 0) continue;
            const cost = (rowCols[r]!.size - 1) * (count - 1);
            if (cost < bestCost || (cost === bestCost && a > bestAbs)) {
              bestCost = cost;
              bestR = r;
              bestC = c;
              bestAbs = a;
            }
          }
          if (bestR >= 0) examined++;
          if (bestCost === 0) break;
        }
        if (bestCost <= (count - 1) * (count - 1)) break;
        // Rows with `count` entries.
        for (let r = rowBucket.first(count); r >= 0 && examined < SEARCH_LIMIT; r = rowBucket.next(r)) {
          for (const c of rowCols[r]!) {
            const v = colMap[c]!.get(r)!;
            const a = Math.abs(v);
            if (a === 0 || a < THRESHOLD * colMax(c)) continue;
            const cost = (count - 1) * (colMap[c]!.size - 1);
            if (cost < bestCost || (cost === bestCost && a > bestAbs)) {
              bestCost = cost;
              bestR = r;
              bestC = c;
              bestAbs = a;
            }
          }
          if (bestR >= 0) examined++; // rows and columns without an acceptable pivot do not count
        }
        if (bestCost <= count * (count - 1)) break;
      }
      if (bestR < 0) throw new SingularMatrixError(step);
      const p = bestR;
      const q = bestC;
      const pcol = colMap[q]!;
      const pv = pcol.get(p)!;
      pivotRow[step] = p;
      pivotCol[step] = q;
      pivotValue[step] = pv;
      // Row p of U (its other active columns) and the multipliers of column q.
      const urow: number[] = [];
      const uvals: number[] = [];
      for (const c of rowCols[p]!) {
        if (c === q) continue;
        urow.push(c);
        uvals.push(colMap[c]!.get(p)!);
      }
      lStart[step] = lIdx.length;
      uStart[step] = uIdx.length;
      for (let k = 0; k < urow.length; k++) {
        uIdx.push(urow[k]!);
        uVal.push(uvals[k]!);
      }
      const lrows: number[] = [];
      for (const [r, v] of pcol) {
        if (r === p) continue;
        const l = v / pv;
        lIdx.push(r);
        lVal.push(l);
        lrows.push(r);
      }
      // Remove the pivot row and column from the active submatrix.
      colBucket.remove(q);
      rowBucket.remove(p);
      for (const r of lrows) {
        rowCols[r]!.delete(q);
      }
      for (const c of urow) colMap[c]!.delete(p);
      // Update a_rc -= l_r a_pc.
      const lvals = lVal.slice(lStart[step]);
      for (let k = 0; k < urow.length; k++) {
        const c = urow[k]!;
        const apc = uvals[k]!;
        const m = colMap[c]!;
        for (let t = 0; t < lrows.length; t++) {
          const r = lrows[t]!;
          const old = m.get(r);
          const value = (old ?? 0) - lvals[t]! * apc;
          if (value === 0) {
            // Exact cancellation (common with integer data): drop the entry.
            if (old !== undefined) {
              m.delete(r);
              rowCols[r]!.delete(c);
            }
            continue;
          }
          if (old === undefined) rowCols[r]!.add(c);
          m.set(r, value);
        }
      }
      for (const c of urow) colBucket.move(c, colMap[c]!.size);
      for (const r of lrows) rowBucket.move(r, rowCols[r]!.size);
      rowCols[p]!.clear();
      colMap[q] = new Map();
    }
    lStart[n] = lIdx.length;
    uStart[n] = uIdx.length;
    return new SparseLU({
      pivotRow,
      pivotCol,
      pivotValue,
      lStart,
      lIndex: Int32Array.from(lIdx),
      lValue: Float64Array.from(lVal),
      uStart,
      uIndex: Int32Array.from(uIdx),
      uValue: Float64Array.from(uVal),
    });
  }

  /** Solves B x = b in place: `b` indexed by rows on entry, the solution indexed by columns on exit (in `out`). */
  solve(b: Float64Array, out: Float64Array): void {
    const n = this.size;
    const { pivotRow, pivotCol, pivotValue, lStart, lIndex, lValue, uStart, uIndex, uValue } = this;
    for (let k = 0; k < n; k++) {
      const yp = b[pivotRow[k]!]!;
      if (yp === 0) continue;
      for (let t = lStart[k]!; t < lStart[k + 1]!; t++) b[lIndex[t]!] = b[lIndex[t]!]! - lValue[t]! * yp;
    }
    for (let k = n - 1; k >= 0; k--) {
      let s = b[pivotRow[k]!]!;
      for (let t = uStart[k]!; t < uStart[k + 1]!; t++) s -= uValue[t]! * out[uIndex[t]!]!;
      out[pivotCol[k]!] = s / pivotValue[k]!;
    }
  }

  /** Solves B^T x = c: `c` indexed by columns (overwritten), the solution indexed by rows (in `out`). */
  solveTransposed(c: Float64Array, out: Float64Array): void {
    const n = this.size;
    const { pivotRow, pivotCol, pivotValue, lStart, lIndex, lValue, uStart, uIndex, uValue } = this;
    for (let k = 0; k < n; k++) {
      const v = c[pivotCol[k]!]! / pivotValue[k]!;
      out[pivotRow[k]!] = v;
      if (v === 0) continue;
      for (let t = uStart[k]!; t < uStart[k + 1]!; t++) c[uIndex[t]!] = c[uIndex[t]!]! - uValue[t]! * v;
    }
    for (let k = n - 1; k >= 0; k--) {
      let s = out[pivotRow[k]!]!;
      for (let t = lStart[k]!; t < lStart[k + 1]!; t++) s -= lValue[t]! * out[lIndex[t]!]!;
      out[pivotRow[k]!] = s;
    }
  }
}

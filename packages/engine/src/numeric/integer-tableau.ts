/**
 * Fraction-free (integer-preserving) simplex tableau, as in Edmonds (1967) and Avis's lrs:
 * all entries stay integers, equal to det(B) * (B^-1 [M | b]) for the current basis B.
 * Pivoting on (r, c) with pivot element p = T[r][c] updates every other row by
 *
 *   T'[i][j] = (p * T[i][j] - T[i][c] * T[r][j]) / d,      d = previous determinant,
 *
 * where the division is exact (Bareiss 1968), and the new determinant is p. Exact and much
 * faster than rational arithmetic because no gcd is taken.
 */
export class IntegerTableau {
  /** rows[r] has `columns + 1` entries; the last is the right-hand side. */
  readonly rows: bigint[][];
  /** basis[r] = basic column of row r. */
  readonly basis: number[];
  det: bigint;
  readonly columns: number;

  constructor(rows: bigint[][], basis: number[], det = 1n) {
    this.rows = rows;
    this.basis = basis;
    this.det = det;
    this.columns = rows.length > 0 ? rows[0]!.length - 1 : 0;
  }

  /** A tableau for M z = b, z >= 0, whose initial basis columns form the identity. */
  static of(matrix: readonly (readonly bigint[])[], rhs: readonly bigint[], basis: readonly number[]): IntegerTableau {
    return new IntegerTableau(
      matrix.map((row, r) => [...row, rhs[r]!]),
      basis.slice(),
      1n,
    );
  }

  clone(): IntegerTableau {
    return new IntegerTableau(
      this.rows.map((r) => r.slice()),
      this.basis.slice(),
      this.det,
    );
  }

  rhs(r: number): bigint {
    return this.rows[r]![this.columns]!;
  }

  pivot(r: number, c: number): void {
    const pr = this.rows[r]!;
    const p = pr[c]!;
    if (p === 0n) throw new RangeError('IntegerTableau.pivot: zero pivot');
    const d = this.det;
    const width = pr.length;
    for (let i = 0; i < this.rows.length; i++) {
      if (i === r) continue;
      const row = this.rows[i]!;
      const ic = row[c]!;
      if (ic === 0n) {
        if (p !== d) for (let j = 0; j < width; j++) row[j] = (row[j]! * p) / d;
      } else {
        for (let j = 0; j < width; j++) row[j] = (p * row[j]! - ic * pr[j]!) / d;
      }
    }
    this.basis[r] = c;
    if (p < 0n) {
      for (const row of this.rows) for (let j = 0; j < width; j++) row[j] = -row[j]!;
      this.det = -p;
    } else {
      this.det = p;
    }
  }

  /** Rows that may leave when column c enters: T[r][c] > 0 with the minimal ratio rhs/T[r][c] (all ties). */
  minRatioRows(c: number): number[] {
    const candidates: number[] = [];
    for (let r = 0; r < this.rows.length; r++) if (this.rows[r]![c]! > 0n) candidates.push(r);
    return this.minRatioAmong(candidates, c, this.columns);
  }

  /**
   * The leaving row by the lexicographic minimum-ratio rule: among rows with T[r][c] > 0, minimise
   * (rhs, T[r][lex[0]], T[r][lex[1]], ...) / T[r][c] lexicographically (lex = initial basis columns),
   * which is unique and prevents cycling. Returns -1 when column c is unbounded.
   */
  lexMinRatioRow(c: number, lex: readonly number[]): number {
    let candidates: number[] = [];
    for (let r = 0; r < this.rows.length; r++) if (this.rows[r]![c]! > 0n) candidates.push(r);
    if (candidates.length <= 1) return candidates[0] ?? -1;
    for (const k of [this.columns, ...lex]) {
      candidates = this.minRatioAmong(candidates, c, k);
      if (candidates.length === 1) return candidates[0]!;
    }
    return candidates[0]!;
  }

  /** The rows among `candidates` (all with T[r][c] > 0) minimising T[r][k] / T[r][c], ties kept in order. */
  private minRatioAmong(candidates: readonly number[], c: number, k: number): number[] {
    let best: number[] = [];
    let bn = 0n;
    let bd = 1n;
    for (const r of candidates) {
      const a = this.rows[r]![c]!;
      const b = this.rows[r]![k]!;
      if (best.length === 0) {
        best = [r];
        bn = b;
        bd = a;
        continue;
      }
      const cmp = b * bd - bn * a;
      if (cmp < 0n) {
        best = [r];
        bn = b;
        bd = a;
      } else if (cmp === 0n) best.push(r);
    }
    return best;
  }

  /** Numerators of every column's value (value = numerator / det); non-basic columns are 0. */
  values(): bigint[] {
    const v = new Array<bigint>(this.columns).fill(0n);
    this.basis.forEach((c, r) => (v[c] = this.rhs(r)));
    return v;
  }
}

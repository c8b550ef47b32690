/**
 * Floating-point simplex tableau (Gauss-Jordan pivoting) with the same interface as
 * IntegerTableau, for the numerical variants of pivoting methods (Gambit's `lcp -d`).
 * Entries are B^-1 [M | b] for the current basis B; ratios within `eps` count as ties.
 */
export class FloatTableau {
  readonly rows: Float64Array[];
  readonly basis: number[];
  readonly columns: number;

  constructor(
    rows: Float64Array[],
    basis: number[],
    readonly eps = 1e-11,
  ) {
    this.rows = rows;
    this.basis = basis;
    this.columns = rows.length > 0 ? rows[0]!.length - 1 : 0;
  }

  static of(matrix: readonly (readonly number[])[], rhs: readonly number[], basis: readonly number[], eps = 1e-11): FloatTableau {
    return new FloatTableau(
      matrix.map((row, r) => Float64Array.from([...row, rhs[r]!])),
      basis.slice(),
      eps,
    );
  }

  clone(): FloatTableau {
    return new FloatTableau(
      this.rows.map((r) => r.slice()),
      this.basis.slice(),
      this.eps,
    );
  }

  pivot(r: number, c: number): void {
    const pr = this.rows[r]!;
    const p = pr[c]!;
    const width = pr.length;
    for (let j = 0; j < width; j++) pr[j] = pr[j]! / p;
    for (let i = 0; i < this.rows.length; i++) {
      if (i === r) continue;
      const row = this.rows[i]!;
      const f = row[c]!;
      if (f === 0) continue;
      for (let j = 0; j < width; j++) row[j] = row[j]! - f * pr[j]!;
      row[c] = 0;
    }
    this.basis[r] = c;
  }

  lexMinRatioRow(c: number, lex: readonly number[]): number {
    let candidates: number[] = [];
    for (let r = 0; r < this.rows.length; r++) if (this.rows[r]![c]! > this.eps) candidates.push(r);
    if (candidates.length <= 1) return candidates[0] ?? -1;
    for (const k of [this.columns, ...lex]) {
      let min = Infinity;
      for (const r of candidates) min = Math.min(min, this.rows[r]![k]! / this.rows[r]![c]!);
      const tol = this.eps * Math.max(1, Math.abs(min));
      candidates = candidates.filter((r) => this.rows[r]![k]! / this.rows[r]![c]! <= min + tol);
      if (candidates.length === 1) return candidates[0]!;
    }
    return candidates[0]!;
  }

  /** Every column's value (non-basic columns are 0). */
  values(): number[] {
    const v = new Array<number>(this.columns).fill(0);
    this.basis.forEach((c, r) => (v[c] = Math.max(0, this.rows[r]![this.columns]!)));
    return v;
  }
}

/**
 * Lemke-Howson for two-player normal forms (Gambit's `lcp` on `.nfg`).
 *
 * Source: Lemke & Howson (1964), "Equilibrium points of bimatrix games", SIAM J. Appl. Math. 12;
 * von Stengel (2002), Handbook of Game Theory 3, ch. 45, sec. 3 (the tableau form used here);
 * Shapley (1974) for following the paths out of every equilibrium.
 *
 * With payoffs shifted positive, the two systems
 *
 *   B^T x + s = 1,   A y + r = 1,   x, y, r, s >= 0,
 *
 * are pivoted complementarily: label i belongs to x_i and r_i, label m+j to y_j and s_j, and an
 * equilibrium is a solution with x_i r_i = 0 and y_j s_j = 0 for every label. Starting at the
 * artificial equilibrium (0, 0), dropping label k lets the variable with label k enter; the variable
 * that leaves one system has a label whose partner then enters the other system, until the
 * variable that leaves carries label k. The end point (x / sum x, y / sum y) is a Nash equilibrium.
 * Degeneracy is resolved by the lexicographic minimum-ratio rule. As Gambit does, we start from
 * every label and then, recursively, from every equilibrium found with every label, and report
 * the distinct equilibria reached (not a complete set).
 *
 * Exact mode on larger games (m * n > 400, or `guided: true`) follows each path in floating point
 * and then certifies its end exactly: the final bases give square integer systems
 * sum_{i basic} B_ij x_i = 1 (j with s_j non-basic) and sum_{j basic} A_ij y_j = 1 (i with r_i
 * non-basic), solved exactly (numeric/exact-linear.ts); the normalised profile is returned only if
 * it passes the exact Nash check, otherwise the path is re-run in exact pivoting.
 */
import { FloatTableau } from '../numeric/float-tableau';
import { solveIntegerSystem } from '../numeric/exact-linear';
import { IntegerTableau } from '../numeric/integer-tableau';
import { Rational } from '../numeric/rational';
import { bimatrix, positiveIntegerMatrix, mixedPayoffs, mixedPayoffsFloat, requireTwoPlayers, strategyCounts } from './strategic';
import type { Equilibrium, NormalFormGame, SolveResult } from './types';

export interface LemkeHowsonOptions {
  /** 'exact' (default): fraction-free integer pivoting; 'float': floating point. */
  readonly arithmetic?: 'exact' | 'float';
  /** Stop after this many distinct equilibria (Gambit's `-e`); default: no limit. */
  readonly maxEquilibria?: number;
  /** Follow paths from the equilibria found as well as from the artificial one (default true). */
  readonly recursive?: boolean;
  /** Safety bound on the number of pivots of one path. */
  readonly maxPivots?: number;
  /** Exact mode: follow paths in floating point and certify the end points exactly (default: when m * n > 400). */
  readonly guided?: boolean;
}

type Tableau = IntegerTableau | FloatTableau;

interface State<T extends Tableau> {
  P: T;
  Q: T;
}

/** Follows the path that drops label k from state; returns the end state (may be the artificial one). */
function followPath<T extends Tableau>(start: State<T>, k: number, m: number, n: number, maxPivots: number): State<T> | undefined {
  const P = start.P.clone() as T;
  const Q = start.Q.clone() as T;
  const lexP = Array.from({ length: n }, (_, j) => m + j);
  const lexQ = Array.from({ length: m }, (_, i) => i);
  // Which system has column k non-basic? Enter it there.
  let inP = !P.basis.includes(k);
  if (inP === !Q.basis.includes(k)) {
    // Both non-basic (degenerate start) or both basic: use P for row labels and Q otherwise.
    inP = k < m;
  }
  let entering = k;
  for (let step = 0; step < maxPivots; step++) {
    const T = inP ? P : Q;
    const r = T.lexMinRatioRow(entering, inP ? lexP : lexQ);
    if (r < 0) return undefined;
    const leaving = T.basis[r]!;
    T.pivot(r, entering);
    if (leaving === k) return { P, Q };
    entering = leaving;
    inP = !inP;
  }
  return undefined;
}

/** Integer numerators of a probability vector over a common denominator. */
function commonNumerators(v: readonly Rational[]): bigint[] {
  let d = 1n;
  const g = (a: bigint, b: bigint): bigint => {
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  for (const r of v) d = (d / g(d, r.den)) * r.den;
  return v.map((r) => r.num * (d / r.den));
}

/**
 * Exact Nash test of a bimatrix profile on the positive integer matrices (a positive affine
 * transform of the payoffs keeps every best response): every strategy in the support of x
 * maximises (Ai y)_i, every strategy in the support of y maximises (x^T Bi)_j.
 */
function supportsAreBestResponses(Ai: readonly (readonly bigint[])[], Bi: readonly (readonly bigint[])[], x: readonly Rational[], y: readonly Rational[]): boolean {
  const X = commonNumerators(x);
  const Y = commonNumerators(y);
  const m = x.length;
  const n = y.length;
  const rowValues = Array.from({ length: m }, (_, i) => Y.reduce((acc, yj, j) => (yj === 0n ? acc : acc + Ai[i]![j]! * yj), 0n));
  const colValues = Array.from({ length: n }, (_, j) => X.reduce((acc, xi, i) => (xi === 0n ? acc : acc + Bi[i]![j]! * xi), 0n));
  const maxRow = rowValues.reduce((a, b) => (b > a ? b : a));
  const maxCol = colValues.reduce((a, b) => (b > a ? b : a));
  return X.every((xi, i) => xi === 0n || rowValues[i] === maxRow) && Y.every((yj, j) => yj === 0n || colValues[j] === maxCol);
}

function keyOf(profile: readonly (readonly (Rational | number)[])[]): string {
  return profile
    .flat()
    .map((v) => (typeof v === 'number' ? v.toFixed(9) : v.toString()))
    .join(',');
}

export function lemkeHowson(game: NormalFormGame, options: LemkeHowsonOptions = {}): SolveResult {
  requireTwoPlayers(game, 'Lemke-Howson');
  const [m, n] = strategyCounts(game) as [number, number];
  const { A, B } = bimatrix(game);
  const Ai = positiveIntegerMatrix(A);
  const Bi = positiveIntegerMatrix(B);
  const exact = (options.arithmetic ?? 'exact') === 'exact';
  const maxEq = options.maxEquilibria ?? Infinity;
  const maxPivots = options.maxPivots ?? 100000;
  // P: rows j, columns x_0..x_{m-1}, s_0..s_{n-1}.  Q: rows i, columns r_0..r_{m-1}, y_0..y_{n-1}.
  const Pm = Array.from({ length: n }, (_, j) => {
    const row = new Array<bigint>(m + n).fill(0n);
    for (let i = 0; i < m; i++) row[i] = Bi[i]![j]!;
    row[m + j] = 1n;
    return row;
  });
  const Qm = Array.from({ length: m }, (_, i) => {
    const row = new Array<bigint>(m + n).fill(0n);
    for (let j = 0; j < n; j++) row[m + j] = Ai[i]![j]!;
    row[i] = 1n;
    return row;
  });
  const pBasis = Array.from({ length: n }, (_, j) => m + j);
  const qBasis = Array.from({ length: m }, (_, i) => i);
  const guided = exact && (options.guided ?? m * n > 400);
  const exactArtificial: State<Tableau> = { P: IntegerTableau.of(Pm, new Array(n).fill(1n), pBasis), Q: IntegerTableau.of(Qm, new Array(m).fill(1n), qBasis) };
  let artificial: State<Tableau>;
  if (exact && !guided) {
    artificial = exactArtificial;
  } else {
    // Scale to keep floating-point entries near 1.
    let max = 1n;
    for (const M of [Ai, Bi]) for (const row of M) for (const v of row) if (v > max) max = v;
    const scale = Number(max);
    const toF = (M: bigint[][]): number[][] => M.map((row) => row.map((v) => Number(v) / scale));
    artificial = {
      P: FloatTableau.of(
        toF(Pm).map((row, j) => row.map((v, c) => (c === m + j ? 1 : v))),
        new Array(n).fill(1),
        pBasis,
      ),
      Q: FloatTableau.of(
        toF(Qm).map((row, i) => row.map((v, c) => (c === i ? 1 : v))),
        new Array(m).fill(1),
        qBasis,
      ),
    };
  }

  /** Exact profile at the bases of a floating-point end state, if it certifies as an equilibrium. */
  const certify = (s: State<Tableau>): Rational[][] | undefined => {
    const xCols = s.P.basis.filter((c) => c < m);
    const tightP = Array.from({ length: n }, (_, j) => j).filter((j) => !s.P.basis.includes(m + j));
    const yCols = s.Q.basis.filter((c) => c >= m).map((c) => c - m);
    const tightQ = Array.from({ length: m }, (_, i) => i).filter((i) => !s.Q.basis.includes(i));
    if (xCols.length !== tightP.length || yCols.length !== tightQ.length || xCols.length === 0 || yCols.length === 0) return undefined;
    const xs = solveIntegerSystem(
      tightP.map((j) => xCols.map((i) => Bi[i]![j]!)),
      tightP.map(() => 1n),
    );
    const ys = solveIntegerSystem(
      tightQ.map((i) => yCols.map((j) => Ai[i]![j]!)),
      tightQ.map(() => 1n),
    );
    if (!xs || !ys || xs.some((v) => v.sign() < 0) || ys.some((v) => v.sign() < 0)) return undefined;
    const sx = xs.reduce((a, v) => a.add(v), Rational.ZERO);
    const sy = ys.reduce((a, v) => a.add(v), Rational.ZERO);
    if (sx.isZero() || sy.isZero()) return undefined;
    const x = new Array<Rational>(m).fill(Rational.ZERO);
    const y = new Array<Rational>(n).fill(Rational.ZERO);
    xCols.forEach((i, k) => (x[i] = xs[k]!.div(sx)));
    yCols.forEach((j, k) => (y[j] = ys[k]!.div(sy)));
    return supportsAreBestResponses(Ai, Bi, x, y) ? [x, y] : undefined;
  };

  const extract = (s: State<Tableau>): (Rational | number)[][] | undefined => {
    if (guided) return certify(s);
    if (s.P instanceof IntegerTableau && s.Q instanceof IntegerTableau) {
      const xv = s.P.values().slice(0, m);
      const yv = s.Q.values().slice(m, m + n);
      const sx = xv.reduce((a, b) => a + b, 0n);
      const sy = yv.reduce((a, b) => a + b, 0n);
      return [xv.map((v) => Rational.of(v, sx)), yv.map((v) => Rational.of(v, sy))];
    }
    const xv = (s.P as FloatTableau).values().slice(0, m);
    const yv = (s.Q as FloatTableau).values().slice(m, m + n);
    const sx = xv.reduce((a, b) => a + b, 0);
    const sy = yv.reduce((a, b) => a + b, 0);
    return [xv.map((v) => v / sx), yv.map((v) => v / sy)];
  };

  const found = new Map<string, (Rational | number)[][]>();
  const seenBases = new Set<string>();
  const queue: { state: State<Tableau>; key: string }[] = [];
  // Paths are reversible: the path dropping label k from e that ends at e' leads from e' back to e
  // with the same label, so (e', k) need not be followed again.
  const knownLabels = new Map<string, Set<number>>();
  const stateKey = (s: State<Tableau>): string => `${s.P.basis.slice().sort((a, b) => a - b).join(',')}|${s.Q.basis.slice().sort((a, b) => a - b).join(',')}`;
  const artificialKey = (s: State<Tableau>): boolean => s.P.basis.every((c) => c >= m) && s.Q.basis.every((c) => c < m);
  const consider = (s: State<Tableau> | undefined, label: number, exactRetry?: () => State<Tableau> | undefined): void => {
    if (!s || artificialKey(s) || found.size >= maxEq) return;
    // The same pair of bases is the same point: skip it before any (exact) work.
    const basisKey = stateKey(s);
    const known = knownLabels.get(basisKey) ?? new Set<number>();
    known.add(label);
    knownLabels.set(basisKey, known);
    if (seenBases.has(basisKey)) return;
    seenBases.add(basisKey);
    let profile = extract(s);
    if (!profile) {
      // Guided mode: the floating-point end point did not certify; redo this path exactly.
      const e = exactRetry?.();
      if (!e || artificialKey(e)) return;
      const xv = (e.P as IntegerTableau).values().slice(0, m);
      const yv = (e.Q as IntegerTableau).values().slice(m, m + n);
      const sx = xv.reduce((a, b) => a + b, 0n);
      const sy = yv.reduce((a, b) => a + b, 0n);
      profile = [xv.map((v) => Rational.of(v, sx)), yv.map((v) => Rational.of(v, sy))];
    }
    const key = keyOf(profile);
    if (found.has(key)) return;
    found.set(key, profile);
    if (options.recursive !== false) queue.push({ state: s, key: basisKey });
  };
  for (let k = 0; k < m + n && found.size < maxEq; k++) consider(followPath(artificial, k, m, n, maxPivots), k, () => followPath(exactArtificial, k, m, n, maxPivots));
  for (let head = 0; head < queue.length && found.size < maxEq; head++) {
    const { state, key } = queue[head]!;
    for (let k = 0; k < m + n && found.size < maxEq; k++) {
      if (knownLabels.get(key)?.has(k)) continue;
      consider(followPath(state, k, m, n, maxPivots), k);
    }
  }

  const equilibria: Equilibrium[] = [...found.values()].map((profile) =>
    exact
      ? { profile: profile as Rational[][], payoffs: mixedPayoffs(game, profile as Rational[][]) }
      : { profile: profile as number[][], payoffs: mixedPayoffsFloat(game, profile as number[][]) },
  );
  return { method: 'lcp', complete: false, exact, equilibria };
}

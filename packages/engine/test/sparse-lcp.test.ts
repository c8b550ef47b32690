/**
 * The sparse sequence-form path: sparse LU (against the residual), the exact sparse solve (against
 * dense Bareiss elimination), sparse Lemke (complementary solutions), and the sequence-form solver on
 * generated crisis-signalling trees (exact equilibria, checked exactly; agreement of the payoff
 * structure with the dense exact solver's game). Seeded.
 */
import { describe, expect, it } from 'vitest';
import { behaviorMaxGain, splitByInfoset } from '../src/games/behavior';
import { parseEfg, writeEfg } from '../src/games/formats/efg';
import { solveSequenceFormLcp } from '../src/games/sequence-form-lcp';
import { solveSequenceFormLcpDense } from '../src/games/sequence-form-lcp-dense';
import { generateSignallingGame, signallingGameSize } from '../src/games/signalling-game';
import { solveIntegerSystem } from '../src/numeric/exact-linear';
import { lemkeSparse } from '../src/numeric/lemke-sparse';
import { Rational, sumRationals } from '../src/numeric/rational';
import { solveSparseExact } from '../src/numeric/sparse-exact-solve';
import { SparseLU } from '../src/numeric/sparse-lu';
import { createRng } from '../src/random/rng';
import type { ExtensiveFormGame } from '../src/games/types';

function randomSparse(rng: ReturnType<typeof createRng>, n: number): number[][] {
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    if (rng.next() < 0.4) {
      A[c]![c] = 1; // unit column, as in Lemke's bases
      continue;
    }
    for (let r = 0; r < n; r++) if (rng.next() < 0.15) A[r]![c] = rng.int(9) - 4;
    A[rng.int(n)]![c] = 1 + rng.int(5);
  }
  return A;
}

const columnsOf = (A: number[][]): { rows: number[]; values: number[] }[] =>
  A.map((_, c) => {
    const rows: number[] = [];
    const values: number[] = [];
    A.forEach((row, r) => {
      if (row[c] !== 0) {
        rows.push(r);
        values.push(row[c]!);
      }
    });
    return { rows, values };
  });

describe('sparse LU', () => {
  it('solves B x = b and B^T x = c on random sparse nonsingular matrices (residual 1e-9)', () => {
    const rng = createRng('sparse-lu-test');
    let solved = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(40);
      const A = randomSparse(rng, n);
      const exact = solveIntegerSystem(
        A.map((r) => r.map((v) => BigInt(v))),
        A.map(() => 1n),
      );
      if (exact === undefined) continue; // singular: nothing to compare
      const lu = SparseLU.factor(n, columnsOf(A));
      const x = new Float64Array(n);
      lu.solve(new Float64Array(n).fill(1), x);
      exact.forEach((v, i) => expect(x[i]!).toBeCloseTo(v.toNumber(), 6));
      const c = Float64Array.from({ length: n }, () => rng.next());
      const y = new Float64Array(n);
      lu.solveTransposed(c.slice(), y);
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += A[r]![j]! * y[r]!;
        expect(Math.abs(s - c[j]!)).toBeLessThan(1e-9 * (1 + Math.abs(c[j]!)) * 1e3);
      }
      solved++;
    }
    expect(solved).toBeGreaterThan(25);
  });
});

describe('exact sparse solve', () => {
  it('equals dense Bareiss elimination on random sparse integer systems', () => {
    const rng = createRng('sparse-exact-test');
    for (let trial = 0; trial < 150; trial++) {
      const n = 1 + rng.int(25);
      const A = randomSparse(rng, n);
      const b = A.map(() => BigInt(rng.int(11) - 5));
      const dense = solveIntegerSystem(
        A.map((r) => r.map((v) => BigInt(v))),
        b,
      );
      const sparse = solveSparseExact(
        n,
        A.map((row, r) => ({ entries: new Map(row.flatMap((v, c) => (v !== 0 ? [[c, BigInt(v)] as [number, bigint]] : []))), rhs: b[r]! })),
      );
      if (dense === undefined) expect(sparse.status).toBe('singular');
      else {
        expect(sparse.status).toBe('solved');
        if (sparse.status === 'solved') expect(sparse.x.map(String)).toEqual(dense.map(String));
      }
    }
  });
});

describe('sparse Lemke', () => {
  it('finds complementary solutions of LCPs with strictly copositive M (Lemke 1965: no ray)', () => {
    const rng = createRng('lemke-sparse-test');
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rng.int(12);
      // Positive entries (dense or with a sparse pattern on top of a positive diagonal): z^T M z > 0 for z >= 0, z != 0.
      const M = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j || rng.next() < 0.4 ? 1 + rng.int(20) : 0)));
      const q = Float64Array.from({ length: n }, () => rng.int(21) - 15);
      const r = lemkeSparse(
        { n, columns: columnsOf(M), q, d: new Float64Array(n).fill(1) },
        { perturbation: Float64Array.from({ length: n }, (_, i) => Math.pow(2, -i / 2) * (1 + 1e-3 * rng.next())) },
      );
      expect(r.status).toBe('solution');
      for (let i = 0; i < n; i++) {
        let w = q[i]!;
        for (let j = 0; j < n; j++) w += M[i]![j]! * r.z[j]!;
        expect(w).toBeGreaterThan(-1e-9);
        expect(Math.abs(w * r.z[i]!)).toBeLessThan(1e-9);
      }
    }
  });
});

function expectExactEquilibrium(game: ExtensiveFormGame, label: string): void {
  const r = solveSequenceFormLcp(game);
  expect(r.exact, label).toBe(true);
  const profile = r.equilibria[0]!.profile as Rational[][];
  for (let i = 0; i < 2; i++) for (const dist of splitByInfoset(game, i, profile[i]!)) expect(sumRationals(dist).eq(Rational.ONE), label).toBe(true);
  expect(behaviorMaxGain(game, profile).sign(), label).toBeLessThanOrEqual(0);
}

describe('sequence-form LCP on generated crisis-signalling trees', () => {
  it('the generator gives the announced size, perfect recall and a round trip through .efg', () => {
    for (const [k1, k2, L, a] of [
      [2, 3, 3, 3],
      [3, 2, 4, 2],
      [1, 1, 5, 4],
    ] as const) {
      const g = generateSignallingGame({ types: [k1, k2], moves: L, actions: a, seed: 5 });
      expect(g.nodes.length).toBe(signallingGameSize({ types: [k1, k2], moves: L, actions: a }));
      expect(writeEfg(parseEfg(writeEfg(g)))).toBe(writeEfg(g));
    }
  });

  it('exact equilibria from the sparse path (crisis and random payoffs), checked exactly', () => {
    for (const payoffs of ['crisis', 'random'] as const) {
      for (let seed = 1; seed <= 6; seed++) {
        const game = generateSignallingGame({ types: [2 + (seed % 2), 2 + (seed % 3)], moves: 3 + (seed % 2), seed, payoffs });
        expectExactEquilibrium(game, `${payoffs} seed ${seed}`);
        expect(solveSequenceFormLcp(game).stats.path).toBe('sparse-exact');
      }
    }
  });

  it('a tree of about 2,000 nodes solves exactly on the sparse path', () => {
    const game = generateSignallingGame({ types: [3, 4], moves: 5, seed: 1 });
    expect(game.nodes.length).toBeGreaterThan(1000);
    const r = solveSequenceFormLcp(game);
    expect(r.stats.path).toBe('sparse-exact');
    expect(behaviorMaxGain(game, r.equilibria[0]!.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
  });

  it('the dense exact tableau and the sparse path both give exact equilibria of the same small trees', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const game = generateSignallingGame({ types: [2, 2], moves: 3, seed });
      for (const r of [solveSequenceFormLcpDense(game), solveSequenceFormLcp(game)]) {
        expect(behaviorMaxGain(game, r.equilibria[0]!.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
      }
    }
  });
});

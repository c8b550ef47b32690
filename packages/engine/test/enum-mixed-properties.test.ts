/**
 * The lexicographic reverse search (enum-mixed.ts) against the basis search it replaced
 * (enum-mixed-basis-search.ts, an independent method): the same set of extreme equilibria on random
 * games, nondegenerate and degenerate (ties, duplicated and constant strategies, continua), square
 * and rectangular, in floating-point-certified and in all-exact arithmetic. Seeded (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumMixed } from '../src/games/enum-mixed';
import { enumMixedByBasisSearch } from '../src/games/enum-mixed-basis-search';
import { mixedMaxGain } from '../src/games/strategic';
import type { NormalFormGame, SolveResult } from '../src/games/types';
import { Rational } from '../src/numeric/rational';
import { polytopeVertices } from '../src/numeric/polytope-vertices';

function bimatrixGame(A: readonly (readonly number[])[], B: readonly (readonly number[])[], scale = 1n): NormalFormGame {
  const m = A.length;
  const n = A[0]!.length;
  const payoffs: Rational[][] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) payoffs.push([Rational.of(BigInt(A[i]![j]!) * scale), Rational.of(BigInt(B[i]![j]!) * scale)]);
  return {
    kind: 'nfg',
    title: '',
    players: ['1', '2'],
    strategies: [Array.from({ length: m }, (_, i) => `r${i}`), Array.from({ length: n }, (_, j) => `c${j}`)],
    payoffs,
  };
}

const keys = (r: SolveResult): string[] => r.equilibria.map((e) => e.profile.map((row) => row.join(',')).join(' | ')).sort();

/** Random m x n bimatrix with entries from `values`, optionally with a duplicated row/column (continua). */
const gameArb = (maxSize: number, values: fc.Arbitrary<number>): fc.Arbitrary<NormalFormGame> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxSize }), fc.integer({ min: 1, max: maxSize }))
    .chain(([m, n]) =>
      fc.record({
        A: fc.array(fc.array(values, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        B: fc.array(fc.array(values, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        duplicateRow: fc.boolean(),
        duplicateColumn: fc.boolean(),
      }),
    )
    .map(({ A, B, duplicateRow, duplicateColumn }) => {
      let a = A.map((r) => r.slice());
      let b = B.map((r) => r.slice());
      if (duplicateRow) {
        a = [...a, a[0]!.slice()];
        b = [...b, b[0]!.map((v) => v + 1)]; // same payoff for player 1: player 1 indifferent between rows 0 and m
      }
      if (duplicateColumn) {
        a = a.map((r) => [...r, r[0]! - 1]);
        b = b.map((r) => [...r, r[0]!]);
      }
      return bimatrixGame(a, b);
    });

function expectSameAsReference(g: NormalFormGame): void {
  const fast = enumMixed(g);
  const reference = enumMixedByBasisSearch(g);
  expect(keys(fast)).toEqual(keys(reference));
  for (const e of fast.equilibria) expect(mixedMaxGain(g, e.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
}

describe('enummixed by lexicographic reverse search equals the basis search', () => {
  it('random games with payoffs in -99..99 (mostly nondegenerate), up to 7 x 7', () => {
    fc.assert(fc.property(gameArb(7, fc.integer({ min: -99, max: 99 })), expectSameAsReference), { seed: 14, numRuns: 150 });
  });

  it('degenerate random games (payoffs in -2..2, duplicated strategies), up to 5 x 5', () => {
    fc.assert(fc.property(gameArb(5, fc.integer({ min: -2, max: 2 })), expectSameAsReference), { seed: 1414, numRuns: 300 });
  });

  it('very degenerate games (payoffs in {0, 1}), up to 5 x 5, with continua', () => {
    let continua = 0;
    fc.assert(
      fc.property(gameArb(5, fc.integer({ min: 0, max: 1 })), (g) => {
        expectSameAsReference(g);
        if (enumMixed(g).sets.components.some((c) => c.length > 1)) continua++;
      }),
      { seed: 141414, numRuns: 300 },
    );
    expect(continua).toBeGreaterThan(30); // the property really covered games with continua
  });

  it('all-exact arithmetic (payoffs beyond 2^50) gives the same set', () => {
    fc.assert(
      fc.property(gameArb(4, fc.integer({ min: -3, max: 3 })), (g) => {
        const huge: NormalFormGame = { ...g, payoffs: g.payoffs.map((p) => p.map((v) => v.mul(Rational.of(2n ** 60n)))) };
        const fast = enumMixed(huge);
        // Shifted to positive integers, a payoff matrix that is not constant has entries above 2^60.
        const constant = (player: number): boolean => g.payoffs.every((p) => p[player]!.eq(g.payoffs[0]![player]!));
        if (!constant(0) && !constant(1)) expect(fast.stats.exactBases).toBe(fast.stats.bases);
        expect(keys(fast)).toEqual(keys(enumMixedByBasisSearch(g)));
      }),
      { seed: 60, numRuns: 60 },
    );
  });
});

describe('components and maximal Nash subsets', () => {
  it('every point of a maximal Nash subset is an equilibrium; components partition the extreme equilibria', () => {
    fc.assert(
      fc.property(gameArb(4, fc.integer({ min: 0, max: 2 })), (g) => {
        const r = enumMixed(g);
        const all = r.sets.components.flat().sort((a, b) => a - b);
        expect(all).toEqual(r.equilibria.map((_, k) => k));
        const covered = new Set<number>();
        for (const subset of r.sets.maximalSubsets) {
          subset.forEach((k) => covered.add(k));
          // The barycentre of the subset's extreme equilibria (a point of conv(X) x conv(Y)) is an equilibrium.
          const sum = (player: number): Rational[] =>
            r.equilibria[subset[0]!]!.profile[player]!.map((_, s) =>
              subset.reduce((acc, k) => acc.add(r.equilibria[k]!.profile[player]![s] as Rational), Rational.ZERO).div(Rational.fromInt(subset.length)),
            );
          expect(mixedMaxGain(g, [sum(0), sum(1)]).sign()).toBeLessThanOrEqual(0);
        }
        expect(covered.size).toBe(r.equilibria.length);
      }),
      { seed: 77, numRuns: 150 },
    );
  });

  it('a game with a segment of equilibria: two extreme equilibria, one component, one maximal subset', () => {
    // Player 2 is indifferent between its columns whenever player 1 plays row 0; row 0 is dominant.
    const g = bimatrixGame(
      [
        [2, 2],
        [1, 0],
      ],
      [
        [1, 1],
        [0, 2],
      ],
    );
    const r = enumMixed(g);
    expect(keys(r)).toEqual(['1,0 | 0,1', '1,0 | 1,0']);
    expect(r.sets.components).toEqual([[0, 1]]);
    expect(r.sets.maximalSubsets).toEqual([[0, 1]]);
  });

  it('matching pennies: one isolated equilibrium', () => {
    const r = enumMixed(
      bimatrixGame(
        [
          [1, -1],
          [-1, 1],
        ],
        [
          [-1, 1],
          [1, -1],
        ],
      ),
    );
    expect(keys(r)).toEqual(['1/2,1/2 | 1/2,1/2']);
    expect(r.sets.components).toEqual([[0]]);
  });
});

describe('polytope vertices (reverse search)', () => {
  it('the unit cube {0 <= z <= 1}^3 written as {z >= 0, I z <= 1}: 7 vertices besides the origin', () => {
    const I = [0, 1, 2].map((r) => [0, 1, 2].map((c) => (r === c ? 1n : 0n)));
    const vertices = polytopeVertices({ rows: 3, dims: 3, exact: I });
    expect(vertices.map((v) => v.support.join('')).sort()).toEqual(['0', '01', '012', '02', '1', '12', '2']);
  });

  it('a simplex with a degenerate apex is reported once', () => {
    // z1 + z2 <= 1 three times over: the vertex (1, 0) lies on all three rows.
    const G = [
      [1n, 1n],
      [1n, 2n],
      [1n, 3n],
    ];
    const vertices = polytopeVertices({ rows: 3, dims: 2, exact: G });
    const labels = vertices.map((v) => `${v.support.join('')}/${v.tightRows.join('')}${v.degenerate ? '*' : ''}`).sort();
    expect(labels).toEqual(['0/012*', '1/2']);
  });
});

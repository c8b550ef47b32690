import { describe, expect, it } from 'vitest';
import { cholesky } from './cholesky';

function product(l: number[][]): number[][] {
  const n = l.length;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => l[i]!.reduce((s, v, k) => s + v * l[j]![k]!, 0)));
}

describe('cholesky', () => {
  it('factors a positive definite matrix', () => {
    const a = [
      [4, 2, 0.4],
      [2, 5, 1],
      [0.4, 1, 3],
    ];
    const l = cholesky(a);
    expect(l[0]![1]).toBe(0);
    const p = product(l);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(p[i]![j]).toBeCloseTo(a[i]![j]!, 12);
  });

  it('gives a finite L with L Lᵀ = A for rank-deficient matrices (zero pivots)', () => {
    const cases = [
      [
        [0, 0],
        [0, 1],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 2],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    ];
    for (const a of cases) {
      const l = cholesky(a);
      for (const row of l) for (const v of row) expect(Number.isFinite(v)).toBe(true);
      const p = product(l);
      for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) expect(Math.abs(p[i]![j]! - a[i]![j]!)).toBeLessThanOrEqual(1e-12);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createRng, sampleRange } from './index';

describe('createRng (xoshiro128** seeded by SplitMix32)', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng('42');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('fillUniform draws the same numbers as nextUint32, mapped into (0, 1), and leaves the stream where they end', () => {
    const a = createRng('fill');
    const b = createRng('fill');
    const out = new Float64Array(1000);
    a.fillUniform(out, 10, 990);
    for (let i = 10; i < 990; i++) expect(out[i]).toBe((b.nextUint32() + 0.5) / 4294967296);
    expect(out[0]).toBe(0);
    expect(a.nextUint32()).toBe(b.nextUint32());
    for (let i = 10; i < 990; i++) expect(out[i]! > 0 && out[i]! < 1).toBe(true);
  });

  it('split(key) depends on the key path only, not on how much the parent has drawn', () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 100; i++) b.next();
    b.split('other').next();
    expect(a.split('actor').split(3).next()).toBe(b.split('actor').split(3).next());
    expect(a.split('actor').next()).not.toBe(a.split('actors').next());
    expect(a.split(1).next()).not.toBe(a.split(2).next());
  });

  it('is roughly uniform and normal (moments over 20000 draws)', () => {
    const rng = createRng('moments');
    const n = 20000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      su += u;
      bins[Math.floor(u * 10)]! += 1;
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(su / n).toBeCloseTo(0.5, 1);
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(0.1 * (n / 10));
    expect(sn / n).toBeCloseTo(0, 1);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });

  it('samples ranges: within bounds; PERT mean = (lo + 4 mode + hi)/6', () => {
    const rng = createRng(1);
    const n = 20000;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = sampleRange(rng, [10, 40], 15);
      expect(x >= 10 && x <= 40).toBe(true);
      s += x;
    }
    expect(s / n).toBeCloseTo((10 + 4 * 15 + 40) / 6, 0);
    let t = 0;
    for (let i = 0; i < n; i++) t += sampleRange(rng, [0, 1], 0.25, 'triangular');
    expect(t / n).toBeCloseTo((0 + 0.25 + 1) / 3, 1);
    expect(sampleRange(rng, [3, 3], 3)).toBe(3);
    expect(() => sampleRange(rng, [2, 1])).toThrow();
  });
});

/** Sweeps, maps and tornadoes over the deterrence models. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import { sweep, map2d, tornado, withParameter } from './sensitivity';
import { radg } from './radg';
import { aeg, aegReports } from './aeg';

describe('sensitivity', () => {
  it('a sweep of p_B in the RADG changes equilibrium exactly across c_A = 0.4 and marks it', () => {
    const s = sweep(radg, { a_DD: 0, a_SQ: 0.6, a_DC: 1 }, 'p_B', { steps: 11 });
    expect(s.thresholds).toEqual([{ name: 'c_A', value: expect.closeTo(0.4, 12) as unknown as number }]);
    expect(s.transitions).toHaveLength(2); // attack -> both (at 0.4, knife-edge) -> deterrence
    expect(s.transitions[0]!.between[0]).toBeCloseTo(0.3, 12);
    for (const pt of s.points) {
      expect(pt.failure).toBeCloseTo(pt.value < 0.4 - 1e-9 ? 1 : pt.value > 0.4 + 1e-9 ? 0 : 1, 12);
      for (const o of pt.outcomes) expect(Object.values(o).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('varying one Defender type keeps the four type probabilities summing to 1', () => {
    const p = withParameter(aeg, { p_HH: 0.2, p_HS: 0.3, p_SH: 0.2, p_SS: 0.3 }, 'p_HH', 0.6);
    expect(p.p_HH! + p.p_HS! + p.p_SH! + p.p_SS!).toBeCloseTo(1, 12);
    expect(p.p_HS! / p.p_SS!).toBeCloseTo(1, 12);
  });

  it('a map agrees with solving each cell directly, and marks invalid cells', () => {
    const m = map2d(aeg, {}, 'p_HH', 'p_Ch', { steps: 6 });
    expect(m.regime).toHaveLength(6);
    for (const [j, y] of m.ys.entries()) {
      for (const [i, x] of m.xs.entries()) {
        const direct = aegReports(withParameter(aeg, withParameter(aeg, {}, 'p_HH', x), 'p_Ch', y)).equilibria.map((e) => e.kind).join(' + ') || 'none';
        expect(m.regimes[m.regime[j]![i]!]).toBe(direct);
      }
    }
    const bad = map2d(radg, {}, 'a_SQ', 'a_DC', { steps: 5, ranges: { a_SQ: [0.1, 0.9], a_DC: [0.5, 1] } });
    expect(bad.regime.flat()).toContain(-1);
  });

  it('a tornado ranks the credibility parameters first and can be stopped', () => {
    const t = tornado(radg, {});
    const top = t.bars.filter((b) => b.swing === t.bars[0]!.swing).map((b) => b.parameter);
    expect(top).toContain('p_B');
    expect(t.bars.find((b) => b.parameter === 'b_SQ')!.swing).toBe(0); // B's status-quo value does not move A's choice
    for (let k = 0; k + 1 < t.bars.length; k++) expect(t.bars[k]!.swing).toBeGreaterThanOrEqual(t.bars[k + 1]!.swing);
    let calls = 0;
    const stopped = tornado(aeg, {}, { shouldStop: () => ++calls > 3 });
    expect(stopped.stopped).toBe(true);
    expect(stopped.bars.length).toBe(3);
  });

  it('rejects a non-finite step count or range with InputError instead of looping forever or returning nothing', () => {
    expect(() => sweep(radg, {}, 'p_B', { steps: Number.POSITIVE_INFINITY })).toThrow(InputError);
    expect(() => sweep(radg, {}, 'p_B', { steps: Number.NaN })).toThrow(InputError);
    expect(() => map2d(radg, {}, 'p_B', 'a_SQ', { steps: 3, steps2: Number.POSITIVE_INFINITY })).toThrow(/steps2/);
    expect(() => sweep(radg, {}, 'p_B', { ranges: { p_B: [0, Number.NaN] } })).toThrow(InputError);
  });

  it('reports progress', () => {
    const seen: number[] = [];
    sweep(radg, {}, 'p_B', { steps: 5, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('map2d rows (a chunk of a split map)', () => {
  it('computes exactly the rows of the whole map it is asked for', async () => {
    const { getDeterrenceModel } = await import('./registry');
    const model = getDeterrenceModel('radg');
    const whole = map2d(model, {}, 'p_B', 'a_SQ', { steps: 7, steps2: 6 });
    for (const rows of [{ first: 0, count: 2 }, { first: 2, count: 3 }, { first: 5, count: 4 }]) {
      const part = map2d(model, {}, 'p_B', 'a_SQ', { steps: 7, steps2: 6, rows });
      const end = Math.min(6, rows.first + rows.count);
      expect(part.ys).toEqual(whole.ys);
      expect(part.failure).toEqual(whole.failure.slice(rows.first, end));
      expect(part.regime.map((r) => r.map((k) => (k < 0 ? null : part.regimes[k])))).toEqual(whole.regime.slice(rows.first, end).map((r) => r.map((k) => (k < 0 ? null : whole.regimes[k]))));
    }
  });
});

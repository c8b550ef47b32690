/** The Deterrence page's round steps and grids (no slider values like 0.3635, no map ticks like 0.0958). */
import { describe, expect, it } from 'vitest';
import { decimalsOf, formatOnStep, mapOption, niceGrid, niceStep, outcomeBarsOption, roundGroup, sliderGrid } from './deterrence-view';

describe('Deterrence page helpers', () => {
  it('round steps: {1, 2, 2.5, 5} x 10^k, at least the raw step', () => {
    expect(niceStep(0.0055)).toBe(0.01);
    expect(niceStep(0.0055, [1, 2, 5])).toBe(0.01);
    expect(niceStep(0.0049, [1, 2, 5])).toBe(0.005);
    expect(niceStep(0.023)).toBe(0.025);
    expect(niceStep(3)).toBe(5);
    expect(decimalsOf(0.025)).toBe(3);
    expect(formatOnStep(0.15000000000000002, 0.05)).toBe('0.15');
  });

  it('slider positions are round values inside the range (the AEG p_HH range of the scenario, [0.05, 0.6])', () => {
    const g = sliderGrid(0.05, 0.6);
    expect(g.step).toBe(0.01);
    expect(g.min).toBe(0.05);
    expect(g.max).toBe(0.6);
    for (let k = 0; g.min + k * g.step <= g.max + 1e-9; k++) expect(formatOnStep(g.min + k * g.step, g.step)).toMatch(/^\d+(\.\d{1,2})?$/);
    const odd = sliderGrid(0.0333, 0.7777);
    expect(odd.min).toBeGreaterThanOrEqual(0.0333);
    expect(odd.max).toBeLessThanOrEqual(0.7777);
    expect(odd.min / odd.step).toBeCloseTo(Math.round(odd.min / odd.step), 9);
  });

  it('map grids: round values inside the range, at most the budget', () => {
    for (const [lo, hi, n] of [
      [0.05, 0.6, 25],
      [0, 1, 21],
      [0.3, 0.9, 9],
      [0.36, 0.5, 25],
      [-2, -0.5, 15],
    ] as const) {
      const g = niceGrid(lo, hi, n);
      expect(g.values.length).toBeLessThanOrEqual(n);
      expect(g.values.length).toBeGreaterThanOrEqual(2);
      expect(g.values[0]!).toBeGreaterThanOrEqual(lo - 1e-12);
      expect(g.values[g.values.length - 1]!).toBeLessThanOrEqual(hi + 1e-12);
      for (const v of g.values) expect(formatOnStep(v, g.step).length).toBeLessThanOrEqual(6);
      for (let k = 1; k < g.values.length; k++) expect(g.values[k]! - g.values[k - 1]!).toBeCloseTo(g.step, 9);
    }
    expect(niceGrid(0, 1, 21).values).toEqual(Array.from({ length: 21 }, (_, k) => Number((k * 0.05).toFixed(2))));
  });

  it('linked probabilities stay round and sum to 1', () => {
    const p = { p_HH: 0.42, p_HS: 0.2181818, p_SH: 0.0727272, p_SS: 0.289091 };
    const r = roundGroup(p, ['p_HH', 'p_HS', 'p_SH', 'p_SS'], 'p_HH');
    expect(r.p_HH).toBe(0.42);
    expect(r.p_HS! + r.p_SH! + r.p_SS! + r.p_HH!).toBeCloseTo(1, 12);
    for (const n of ['p_HS', 'p_SH', 'p_SS']) expect(Math.round(r[n]! * 1000)).toBeCloseTo(r[n]! * 1000, 6);
  });

  it('outcome bars: one series (and legend colour) per equilibrium, every outcome labelled with its name', () => {
    const opt = outcomeBarsOption({
      outcomes: ['SQ', 'DC', 'DD', 'DE', 'ED', 'EE'],
      names: { SQ: 'status quo', DC: 'Defender concedes', DD: 'limited war', DE: 'Defender escalates', ED: 'Challenger escalates', EE: 'all-out war' },
      successes: ['SQ'],
      equilibria: [
        { label: '1. A', outcomes: { DC: 1 } },
        { label: '2. B', outcomes: { SQ: 1 } },
      ],
      probabilityLabel: 'P',
      successLabel: 'ok',
      failureLabel: 'fail',
    }) as { yAxis: { data: string[]; axisLabel: { interval: number; formatter: (c: string) => string } }; series: { itemStyle: { color: string }; data: number[] }[]; legend: { data: string[] } };
    expect(opt.yAxis.axisLabel.interval).toBe(0);
    expect(opt.yAxis.data.map(opt.yAxis.axisLabel.formatter)).toEqual([
      '{ok|SQ} {name|status quo}',
      '{bad|DC} {name|Defender concedes}',
      '{bad|DD} {name|limited war}',
      '{bad|DE} {name|Defender escalates}',
      '{bad|ED} {name|Challenger escalates}',
      '{bad|EE} {name|all-out war}',
    ]);
    // The legend shows the series' own colours: one colour per series, no per-bar override.
    expect(opt.legend.data).toEqual(['1. A', '2. B']);
    expect(new Set(opt.series.map((s) => s.itemStyle.color)).size).toBe(2);
    expect(opt.series.every((s) => s.data.every((d) => typeof d === 'number'))).toBe(true);
  });

  it('map: points outside the model are their own grey series, distinct from "never fails" (green)', () => {
    const opt = mapOption({
      x: 'p_HH', y: 'p_Ch', xs: [0, 0.5, 1], ys: [0, 1], xStep: 0.5, yStep: 1,
      worst: [[0, Number.NaN, 1], [0, 0.5, Number.NaN]],
      regimeAt: () => 'x', current: [0.5, 1],
      labels: { failure: 'P(fail)', current: 'now', outside: 'outside', never: 'never fails', always: 'fails for sure' },
    }) as { series: { data: [number, number, number][]; name: string; itemStyle?: { color: string } }[]; visualMap: { text: string[]; inRange: { color: string[] } }; xAxis: { data: string[] } };
    expect(opt.series[0]!.data).toHaveLength(4);
    expect(opt.series[1]!.data).toHaveLength(2);
    expect(opt.series[1]!.itemStyle!.color).not.toBe(opt.visualMap.inRange.color[0]);
    expect(opt.visualMap.text).toEqual(['fails for sure', 'never fails']);
    expect(opt.xAxis.data).toEqual(['0', '0.5', '1']);
  });
});

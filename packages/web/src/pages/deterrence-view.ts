/**
 * Pure helpers of the Deterrence page: round slider steps and map grids (no 0.3635 or
 * 0.0958), linked probabilities kept round and summing to 1, and the chart options (outcome bars
 * whose legend colours are the bars' colours and whose every outcome is labelled, a map where
 * "never fails" and "outside the model's assumptions" look different, the spread histogram).
 */
import type { ChartOption } from '../lib/echarts';

/** The round step ({1, 2, 2.5, 5} x 10^k) closest above `raw`. */
export function niceStep(raw: number, mantissas: readonly number[] = [1, 2, 2.5, 5]): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = Math.floor(Math.log10(raw));
  for (let e = exp; e <= exp + 1; e++) {
    for (const m of mantissas) {
      const s = m * 10 ** e;
      if (s >= raw * (1 - 1e-12)) return Number(s.toPrecision(12));
    }
  }
  return 10 ** (exp + 1);
}

/** Decimals needed to write multiples of `step` exactly. */
export function decimalsOf(step: number): number {
  for (let d = 0; d <= 12; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 12;
}

/** A value written with the decimals of `step`, trailing zeros dropped (0.250 -> 0.25). */
export function formatOnStep(value: number, step: number): string {
  return Number(value.toFixed(decimalsOf(step))).toString();
}

/** A slider over [lo, hi] with a round step (about 100 positions) whose positions are round values inside the range. */
export function sliderGrid(lo: number, hi: number): { min: number; max: number; step: number } {
  if (!(hi > lo)) return { min: lo, max: hi, step: 0.01 };
  const step = niceStep((hi - lo) / 100, [1, 2, 5]);
  const d = decimalsOf(step);
  const min = Number((Math.ceil(lo / step - 1e-9) * step).toFixed(d));
  const max = Number((Math.floor(hi / step + 1e-9) * step).toFixed(d));
  return max > min ? { min, max, step } : { min: lo, max: hi, step: hi - lo };
}

/** Round grid values inside [lo, hi]: the finest round step that gives at most `maxPoints` points. */
export function niceGrid(lo: number, hi: number, maxPoints: number): { values: number[]; step: number; range: [number, number] } {
  if (!(hi > lo)) return { values: [lo], step: 1, range: [lo, hi] };
  let step = niceStep((hi - lo) / Math.max(1, maxPoints - 1));
  for (let guard = 0; guard < 8; guard++) {
    const first = Math.ceil(lo / step - 1e-9);
    const last = Math.floor(hi / step + 1e-9);
    const count = last - first + 1;
    if (count <= maxPoints && count >= 2) {
      const d = decimalsOf(step);
      const values = Array.from({ length: count }, (_, k) => Number(((first + k) * step).toFixed(d)));
      return { values, step, range: [values[0]!, values[values.length - 1]!] };
    }
    step = count > maxPoints ? niceStep(step * 1.01) : step / 2;
  }
  return { values: [lo, hi], step: hi - lo, range: [lo, hi] };
}

/**
 * After one member of a probability group is set (the others rescaled by the engine's
 * `withParameter`), the others are rounded to 0.001 and the largest of them takes the rest, so the
 * sliders show round values that still sum to 1.
 */
export function roundGroup(params: Record<string, number>, group: readonly string[], changed: string): Record<string, number> {
  if (!group.includes(changed)) return params;
  const out = { ...params };
  const others = group.filter((n) => n !== changed);
  if (others.length === 0) return out;
  for (const n of others) out[n] = Math.max(0, Math.round(out[n]! * 1000) / 1000);
  const largest = others.reduce((a, b) => (out[b]! > out[a]! ? b : a));
  const rest = 1 - group.filter((n) => n !== largest).reduce((s, n) => s + out[n]!, 0);
  if (rest >= 0) out[largest] = Number(rest.toFixed(12));
  else return params; // rounding cannot keep the sum: keep the engine's values
  return out;
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—');
const EQ_COLOURS = ['#2f5d9b', '#d38b1f', '#7b4fa0', '#3c8d5a', '#b4302a', '#5b6475'];

export interface OutcomeBarsInput {
  outcomes: readonly string[];
  names: Readonly<Record<string, string | undefined>>;
  successes: readonly string[];
  equilibria: readonly { label: string; outcomes: Readonly<Record<string, number>> }[];
  probabilityLabel: string;
  successLabel: string;
  failureLabel: string;
}

/**
 * Outcome probabilities as horizontal bars: one row per outcome (every one labelled with its code
 * and name; the code green where deterrence holds, red where it fails), one bar colour per
 * equilibrium, the legend showing those same colours.
 */
export function outcomeBarsOption(input: OutcomeBarsInput): ChartOption {
  const rows = [...input.outcomes];
  return {
    grid: { left: 8, right: 36, top: 34, bottom: 24, containLabel: true },
    legend: { top: 0, type: 'scroll', data: input.equilibria.map((e) => e.label) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => fmt(v),
    },
    xAxis: { type: 'value', min: 0, max: 1, name: input.probabilityLabel, nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v: number) => fmt(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows,
      axisLabel: {
        interval: 0,
        formatter: (code: string) => {
          const name = input.names[code];
          const style = input.successes.includes(code) ? 'ok' : 'bad';
          return name ? `{${style}|${code}} {name|${name}}` : `{${style}|${code}}`;
        },
        rich: {
          ok: { color: '#2e7d32', fontWeight: 'bold' },
          bad: { color: '#b4302a', fontWeight: 'bold' },
          name: { color: '#1d2433' },
        },
      },
    },
    series: input.equilibria.map((eq, k) => ({
      name: eq.label,
      type: 'bar',
      barMaxWidth: 18,
      itemStyle: { color: EQ_COLOURS[k % EQ_COLOURS.length] },
      data: rows.map((o) => eq.outcomes[o] ?? 0),
      label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => (p.value > 0.005 ? fmt(p.value) : '') },
    })),
    animationDuration: 200,
  } as ChartOption;
}

export interface MapInput {
  x: string;
  y: string;
  xs: readonly number[];
  ys: readonly number[];
  xStep: number;
  yStep: number;
  /** worst[j][i]: worst-case failure at (xs[i], ys[j]); NaN where outside the model. */
  worst: readonly (readonly number[])[];
  regimeAt: (i: number, j: number) => string;
  current: readonly [number, number];
  labels: { failure: string; current: string; outside: string; never: string; always: string };
}

/**
 * The two-parameter map: failure from green (never fails) to dark red (fails for sure) on round
 * axis values; points outside the model's assumptions grey and hatched, with their own legend entry.
 */
export function mapOption(m: MapInput): ChartOption {
  const inside: [number, number, number][] = [];
  const outside: [number, number, number][] = [];
  m.ys.forEach((_, j) =>
    m.xs.forEach((_, i) => {
      const w = m.worst[j]?.[i];
      if (w !== undefined && Number.isFinite(w)) inside.push([i, j, w]);
      else outside.push([i, j, 0]);
    }),
  );
  const nearest = (vals: readonly number[], v: number) => vals.reduce((best, x, k) => (Math.abs(x - v) < Math.abs(vals[best]! - v) ? k : best), 0);
  const pctText = (v: number) => `${Math.round(v * 100)}%`;
  return {
    grid: { left: 8, right: 16, top: 44, bottom: 64, containLabel: true },
    legend: { top: 0, right: 0, data: [m.labels.outside], selectedMode: false, itemStyle: { color: '#c8c8c8', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8, color: '#8a8a8a' } } },
    tooltip: {
      formatter: (p: { seriesIndex: number; data: [number, number, number] }) =>
        `${m.x} = ${formatOnStep(m.xs[p.data[0]]!, m.xStep)}<br/>${m.y} = ${formatOnStep(m.ys[p.data[1]]!, m.yStep)}<br/>` +
        (p.seriesIndex === 1 ? m.labels.outside : `${m.labels.failure}: ${pctText(p.data[2])}<br/>${m.regimeAt(p.data[0], p.data[1])}`),
    },
    xAxis: { type: 'category', data: m.xs.map((v) => formatOnStep(v, m.xStep)), name: m.x, nameLocation: 'middle', nameGap: 28, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: m.ys.map((v) => formatOnStep(v, m.yStep)), name: m.y, nameLocation: 'end', nameTextStyle: { align: 'left', fontWeight: 'bold' }, axisLabel: { hideOverlap: true } },
    visualMap: {
      seriesIndex: 0,
      min: 0,
      max: 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 160,
      text: [m.labels.always, m.labels.never],
      formatter: (v: number) => pctText(v),
      inRange: { color: ['#2e7d32', '#c5e1a5', '#fdd49e', '#ef6548', '#7f0000'] },
    },
    series: [
      {
        type: 'heatmap',
        name: m.labels.failure,
        data: inside,
        progressive: 0,
        markPoint: {
          symbol: 'circle',
          symbolSize: 14,
          itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#1d2433', borderWidth: 3 },
          label: { show: true, formatter: m.labels.current, position: 'right', color: '#1d2433', fontWeight: 'bold', textBorderColor: '#fff', textBorderWidth: 3 },
          data: [{ coord: [nearest(m.xs, m.current[0]), nearest(m.ys, m.current[1])], name: m.labels.current }],
        },
      },
      {
        type: 'heatmap',
        name: m.labels.outside,
        data: outside,
        progressive: 0,
        itemStyle: { color: '#c8c8c8', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8, color: '#8a8a8a' } },
      },
    ],
  } as ChartOption;
}

/** The spread of the worst-case failure over the plausible parameter space: ten bins on [0, 1]. */
export function spreadOption(histogram: readonly number[], labels: { worst: string; points: string }): ChartOption {
  const bins = histogram.map((_, k) => `${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}`);
  const colour = (k: number) => (k === 0 ? '#2e7d32' : k < 5 ? '#d38b1f' : '#b4302a');
  return {
    grid: { left: 8, right: 12, top: 30, bottom: 30, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bins, name: labels.worst, nameLocation: 'middle', nameGap: 28, axisLabel: { interval: 1, fontSize: 10 } },
    yAxis: { type: 'value', name: labels.points, nameTextStyle: { align: 'left' }, minInterval: 1 },
    series: [{ type: 'bar', data: histogram.map((v, k) => ({ value: v, itemStyle: { color: colour(k) } })), barCategoryGap: '10%' }],
    animationDuration: 200,
  } as ChartOption;
}

/**
 * Chart options of the Simulation page (ECharts), each a function of a simulation report: outcome
 * probabilities with interval whiskers, paired differences, the ladder, fan charts with the
 * exercise calendar, cumulative probabilities, the tornado, Sobol indices and the hindcast.
 */
import type { SimulateReport } from '@brink/engine/crisis';
import type { ChartOption } from '../lib/echarts';

/** A probability as a percentage, with two decimals below 1%. */
export const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;
export const palette = ['#2f5d9b', '#b4302a', '#2e8b57', '#7b4fa0', '#d38b1f', '#1d2433', '#c96f9b', '#4aa3a3', '#8c6d31', '#6c778e'];

interface Interval {
  name: string;
  value: number;
  lo: number;
  hi: number;
}

/** A whisker (interval) series drawn with a custom series over category rows. */
function whiskers(rows: Interval[], colour: string, horizontal: boolean) {
  return {
    type: 'custom',
    name: 'interval',
    silent: true,
    z: 5,
    data: rows.map((r, i) => [i, r.lo, r.hi]),
    renderItem: (_: unknown, api: { value: (k: number) => number; coord: (p: [number, number]) => [number, number]; size: (p: [number, number]) => [number, number] }) => {
      const i = api.value(0);
      const a = horizontal ? api.coord([api.value(1), i]) : api.coord([i, api.value(1)]);
      const b = horizontal ? api.coord([api.value(2), i]) : api.coord([i, api.value(2)]);
      const cap = 5;
      const line = (x1: number, y1: number, x2: number, y2: number) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style: { stroke: colour, lineWidth: 1.5 } });
      return {
        type: 'group',
        children: horizontal
          ? [line(a[0], a[1], b[0], b[1]), line(a[0], a[1] - cap, a[0], a[1] + cap), line(b[0], b[1] - cap, b[0], b[1] + cap)]
          : [line(a[0], a[1], b[0], b[1]), line(a[0] - cap, a[1], a[0] + cap, a[1]), line(b[0] - cap, b[1], b[0] + cap, b[1])],
      };
    },
  };
}

/** Horizontal bars with interval whiskers (probabilities on [0, max]). */
export function intervalBarsOption(rows: Interval[], axisName: string, colour = '#2f5d9b'): ChartOption {
  const max = Math.min(1, Math.max(0.02, ...rows.map((r) => r.hi)) * 1.15);
  return {
    grid: { left: 290, right: 70, top: 20, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => { const r = rows[p.dataIndex]!; return `${r.name}<br/>${pct(r.value)} [${pct(r.lo)}, ${pct(r.hi)}]`; } },
    xAxis: { type: 'value', min: 0, max, name: axisName, nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: (v: number) => pct(v) } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 280, overflow: 'truncate' } },
    series: [
      { type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: colour, opacity: 0.85 }, barWidth: '55%', label: { show: true, position: 'right', distance: 40, formatter: (p: { value: number }) => pct(p.value), fontSize: 11 } },
      whiskers(rows, '#1d2433', true),
    ],
  } as ChartOption;
}

/** Paired differences around zero with whiskers. */
export function differencesOption(rows: Interval[], axisName: string): ChartOption {
  const m = Math.max(0.01, ...rows.flatMap((r) => [Math.abs(r.lo), Math.abs(r.hi)])) * 1.2;
  return {
    grid: { left: 290, right: 40, top: 20, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => { const r = rows[p.dataIndex]!; return `${r.name}<br/>${(100 * r.value).toFixed(2)} pp [${(100 * r.lo).toFixed(2)}, ${(100 * r.hi).toFixed(2)}]`; } },
    xAxis: { type: 'value', min: -m, max: m, name: axisName, nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: (v: number) => `${(100 * v).toFixed(1)} pp` } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 280, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.lo > 0 ? '#b4302a' : r.hi < 0 ? '#2f5d9b' : '#9aa3b5' } })),
        barWidth: '50%',
        markLine: { symbol: 'none', silent: true, data: [{ xAxis: 0 }], lineStyle: { color: '#1d2433' } },
      },
      whiskers(rows, '#1d2433', true),
    ],
  } as ChartOption;
}

/** The ladder distribution: highest level reached, vertical bars with whiskers. */
export function ladderOption(report: SimulateReport, label: (l: SimulateReport['ladder'][number]) => string, axisName: string): ChartOption {
  const rows = report.ladder.map((l) => ({ name: `${l.level} ${label(l)} [${l.kahn[0]}-${l.kahn[1]}]`, value: l.p, lo: l.lo, hi: l.hi }));
  const colours = ['#9aa3b5', '#6c9bd2', '#2f5d9b', '#d38b1f', '#e0574f', '#b4302a', '#7f0000', '#4a0000', '#1a0000'];
  return {
    grid: { left: 60, right: 20, top: 20, bottom: 110 },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => { const r = rows[p.dataIndex]!; return `${r.name}<br/>${pct(r.value)} [${pct(r.lo)}, ${pct(r.hi)}]`; } },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 28, width: 170, overflow: 'truncate', fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 1, name: axisName, axisLabel: { formatter: (v: number) => pct(v) } },
    series: [
      { type: 'bar', data: rows.map((r, i) => ({ value: r.value, itemStyle: { color: colours[i % colours.length] } })), label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value > 0 ? pct(p.value) : ''), fontSize: 10 } },
      whiskers(rows, '#1d2433', false),
    ],
  } as ChartOption;
}

/** A fan chart: 90% and 50% bands and the median, exercises shaded. */
export function fanOption(report: SimulateReport, variableId: string, labels: { band90: string; band50: string; median: string }, exerciseLabel: string): ChartOption {
  const v = report.variables.find((x) => x.id === variableId) ?? report.variables[0]!;
  const dates = v.weeks.map((w) => w.date);
  const lower = v.weeks.map((w) => w.q05);
  const band = (a: number[], b: number[]) => a.map((x, i) => Math.max(0, b[i]! - x));
  const exercises = report.calendar.filter((c) => c.kind === 'exercise');
  const weekOf = (date: string) => dates.findIndex((d) => d >= date);
  return {
    grid: { left: 60, right: 30, top: 40, bottom: 40 },
    legend: { top: 0, data: [labels.band90, labels.band50, labels.median] },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const w = v.weeks[ps[0]!.dataIndex]!;
        return `${w.date}<br/>${labels.median}: ${w.q50}<br/>50%: ${w.q25} – ${w.q75}<br/>90%: ${w.q05} – ${w.q95}`;
      },
    },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', name: v.unit, scale: true },
    series: [
      { name: 'base', type: 'line', data: lower, stack: 'fan', lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      { name: labels.band90, type: 'line', data: band(lower, v.weeks.map((w) => w.q25)), stack: 'fan', lineStyle: { opacity: 0 }, areaStyle: { color: '#c7d6ec' }, itemStyle: { color: '#c7d6ec' }, symbol: 'none' },
      { name: labels.band50, type: 'line', data: band(v.weeks.map((w) => w.q25), v.weeks.map((w) => w.q75)), stack: 'fan', lineStyle: { opacity: 0 }, areaStyle: { color: '#86a6d4' }, itemStyle: { color: '#86a6d4' }, symbol: 'none' },
      { name: 'top', type: 'line', data: band(v.weeks.map((w) => w.q75), v.weeks.map((w) => w.q95)), stack: 'fan', lineStyle: { opacity: 0 }, areaStyle: { color: '#c7d6ec' }, symbol: 'none', silent: true, tooltip: { show: false } },
      {
        name: labels.median,
        type: 'line',
        data: v.weeks.map((w) => w.q50),
        lineStyle: { color: '#1d2433', width: 2 },
        itemStyle: { color: '#1d2433' },
        symbol: 'none',
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(180, 48, 42, 0.12)' },
          label: { show: false },
          data: exercises.map((e) => [{ xAxis: Math.max(0, weekOf(e.from)), name: exerciseLabel }, { xAxis: weekOf(e.to) < 0 ? dates.length - 1 : weekOf(e.to) }]).filter(([a]) => a.xAxis >= 0),
        },
      },
    ],
  } as ChartOption;
}

/** Cumulative probability of each outcome by week. */
export function cumulativeOption(report: SimulateReport, names: (id: string) => string): ChartOption {
  const dates = report.variables[0]?.weeks.map((w) => w.date) ?? report.cumulative[0]!.p.map((_, i) => String(i));
  const shown = report.cumulative.filter((c) => (c.p.at(-1) ?? 0) > 0);
  return {
    color: palette,
    grid: { left: 60, right: 30, top: 50, bottom: 40 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => pct(v) } },
    series: shown.map((c) => ({ name: names(c.id), type: 'line', data: c.p, symbol: 'none', lineStyle: { width: 2 } })),
  } as ChartOption;
}

/** Tornado of one outcome: the probability at each end of the top ranges. */
export function tornadoOption(report: SimulateReport, outcome: number, ends: { low: string; high: string }): ChartOption {
  const t = report.sensitivity!.tornado;
  const base = t.base[outcome]!;
  const bars = [...t.bars].sort((a, b) => Math.abs(b.atHigh[outcome]! - b.atLow[outcome]!) - Math.abs(a.atHigh[outcome]! - a.atLow[outcome]!)).slice(0, 12).reverse();
  return {
    grid: { left: 330, right: 30, top: 30, bottom: 40 },
    legend: { top: 0, data: [ends.low, ends.high] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => pct(v + base) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => pct(v + base) } },
    yAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { width: 320, overflow: 'truncate', fontSize: 10 } },
    series: [
      { name: ends.low, type: 'bar', stack: 'a', data: bars.map((b) => b.atLow[outcome]! - base), itemStyle: { color: '#2f5d9b' } },
      { name: ends.high, type: 'bar', stack: 'b', barGap: '-100%', data: bars.map((b) => b.atHigh[outcome]! - base), itemStyle: { color: '#b4302a' } },
    ],
  } as ChartOption;
}

/** Sobol first-order and total indices of one outcome with bootstrap whiskers. */
export function sobolOption(report: SimulateReport, outcomeId: string, labels: { first: string; total: string }): ChartOption {
  const o = report.sensitivity!.sobol.outcomes.find((x) => x.id === outcomeId)!;
  const rows = o.indices;
  const names = rows.map((r) => r.label);
  const wh = (k: 0 | 1) => ({
    type: 'custom',
    silent: true,
    z: 5,
    data: rows.map((r, i) => [i, k === 0 ? r.firstLo : r.totalLo, k === 0 ? r.firstHi : r.totalHi]),
    renderItem: (_: unknown, api: { value: (k: number) => number; coord: (p: [number, number]) => [number, number] }) => {
      const off = k === 0 ? -6 : 6;
      const a = api.coord([api.value(1), api.value(0)]);
      const b = api.coord([api.value(2), api.value(0)]);
      return { type: 'line', shape: { x1: a[0], y1: a[1] + off, x2: b[0], y2: b[1] + off }, style: { stroke: '#1d2433', lineWidth: 1.2 } };
    },
  });
  return {
    grid: { left: 330, right: 30, top: 30, bottom: 40 },
    legend: { top: 0, data: [labels.first, labels.total] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: Math.floor(10 * Math.min(0, ...rows.map((r) => r.firstLo))) / 10, max: Math.ceil(10 * Math.max(1, ...rows.map((r) => r.totalHi))) / 10 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 320, overflow: 'truncate', fontSize: 10 } },
    series: [
      { name: labels.first, type: 'bar', data: rows.map((r) => r.first), itemStyle: { color: '#2e8b57' } },
      { name: labels.total, type: 'bar', data: rows.map((r) => r.total), itemStyle: { color: '#7b4fa0' } },
      wh(0),
      wh(1),
    ],
  } as ChartOption;
}

/** Observed monthly launch days over the model's forecast fan, with the baselines' medians. */
export function hindcastOption(report: SimulateReport, labels: { observed: string; model: string; poisson: string; last12: string; band90: string; band50: string }): ChartOption {
  const h = report.hindcast!;
  const months = h.months.map((m) => m.month);
  const q = (k: 'q05' | 'q25' | 'q50' | 'q75' | 'q95') => h.months.map((m) => m[k]);
  const diff = (a: number[], b: number[]) => a.map((x, i) => b[i]! - x);
  return {
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    legend: { top: 0, data: [labels.observed, labels.band90, labels.band50, labels.model, labels.last12, labels.poisson] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', min: 0, name: 'launch days' },
    series: [
      { name: 'base', type: 'line', step: 'middle', data: q('q05'), stack: 'h', lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      { name: labels.band90, type: 'line', step: 'middle', data: diff(q('q05'), q('q25')), stack: 'h', lineStyle: { opacity: 0 }, areaStyle: { color: '#e4ddf0' }, itemStyle: { color: '#e4ddf0' }, symbol: 'none' },
      { name: labels.band50, type: 'line', step: 'middle', data: diff(q('q25'), q('q75')), stack: 'h', lineStyle: { opacity: 0 }, areaStyle: { color: '#b9a7d8' }, itemStyle: { color: '#b9a7d8' }, symbol: 'none' },
      { name: 'top', type: 'line', step: 'middle', data: diff(q('q75'), q('q95')), stack: 'h', lineStyle: { opacity: 0 }, areaStyle: { color: '#e4ddf0' }, symbol: 'none', silent: true, tooltip: { show: false } },
      { name: labels.observed, type: 'bar', data: h.months.map((m) => m.observed), itemStyle: { color: '#1d2433' }, barWidth: '45%', z: 4 },
      { name: labels.model, type: 'line', data: h.months.map((m) => Number(m.mean.toFixed(2))), lineStyle: { color: '#7b4fa0', width: 2 }, itemStyle: { color: '#7b4fa0' }, symbol: 'none' },
      { name: labels.last12, type: 'line', data: h.baselines.last12.map((m) => Number(m.mean.toFixed(2))), lineStyle: { color: '#d38b1f', type: 'dashed' }, itemStyle: { color: '#d38b1f' }, symbol: 'none' },
      { name: labels.poisson, type: 'line', data: h.baselines.poisson.map((m) => Number(m.mean.toFixed(2))), lineStyle: { color: '#2e8b57', type: 'dotted' }, itemStyle: { color: '#2e8b57' }, symbol: 'none' },
    ],
  } as ChartOption;
}

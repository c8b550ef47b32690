/**
 * Dates and weeks. Week w of a simulation covers the days [start + 7w, start + 7w + 7). A
 * calendar item becomes a weekly signal of its kind:
 *
 *   window:  s_w = intensity * |[from, to] ∩ week w| / 7        (share of the week's days inside)
 *   once:    s_w = intensity in the week that contains `from`, else 0
 *   ramp:    s_w = clamp((mid_w - from) / (to - from), 0, 1)    (mid_w = middle day of week w)
 *
 * Partial dates are intervals: "2025-10" as a start means 1 October, as an end 31 October; "2026"
 * means 1 January or 31 December. Items marked `everyYear` repeat on the same month and day in each
 * year of the horizon. Signals of one kind add up. Days are counted from 1970-01-01 (proleptic
 * Gregorian), with Date.UTC only (no clock).
 */
import { InputError } from '../errors';

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date (possibly partial): its first day, or its last with `end`. */
export function dayNumber(date: string, end = false, place?: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) throw new InputError(`not an ISO date: ${JSON.stringify(date)}`, { place, expected: 'YYYY, YYYY-MM or YYYY-MM-DD' });
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
    const back = new Date(d * MS_PER_DAY);
    if (back.getUTCMonth() !== Number(m[2]) - 1) throw new InputError(`no such day: ${date}`, { place });
    return d;
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]) - 1;
    return end ? Date.UTC(y, month + 1, 1) / MS_PER_DAY - 1 : Date.UTC(y, month, 1) / MS_PER_DAY;
  }
  return end ? Date.UTC(y + 1, 0, 1) / MS_PER_DAY - 1 : Date.UTC(y, 0, 1) / MS_PER_DAY;
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO month (YYYY-MM) of a day number. */
export function isoMonth(day: number): string {
  return isoDate(day).slice(0, 7);
}

/** The same month and day `years` later (29 February becomes 28 February in other years). */
export function shiftYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear() + years;
  const month = d.getUTCMonth();
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return Date.UTC(y, month, Math.min(d.getUTCDate(), last)) / MS_PER_DAY;
}

export type SignalShape = 'window' | 'once' | 'ramp';

export interface ResolvedCalendarItem {
  readonly id: string;
  readonly kind: string;
  readonly shape: SignalShape;
  /** First and last day (inclusive). */
  readonly from: number;
  readonly to: number;
  readonly everyYear: boolean;
  /** Index of the intensity parameter (sampled per run), or -1 for 1. */
  readonly intensityParam: number;
}

/** One occurrence of an item in the horizon: weeks it touches and its weekly weights (before intensity). */
export interface CalendarOccurrence {
  readonly item: number;
  readonly kind: number;
  readonly firstWeek: number;
  readonly weights: Float64Array;
  readonly fromDay: number;
  readonly toDay: number;
}

/** The occurrences of every item within weeks [0, weeks) from day `start`. */
export function occurrences(items: readonly ResolvedCalendarItem[], kindIndex: ReadonlyMap<string, number>, start: number, weeks: number): CalendarOccurrence[] {
  const end = start + 7 * weeks; // exclusive
  const out: CalendarOccurrence[] = [];
  items.forEach((it, k) => {
    const kind = kindIndex.get(it.kind)!;
    const spans: [number, number][] = [];
    if (it.everyYear) {
      const firstYear = new Date(start * MS_PER_DAY).getUTCFullYear() - new Date(it.from * MS_PER_DAY).getUTCFullYear() - 1;
      for (let dy = firstYear; ; dy++) {
        const f = shiftYears(it.from, dy);
        if (f >= end) break;
        const t = shiftYears(it.to, dy);
        if (t >= start || it.shape === 'ramp') spans.push([f, t]);
      }
    } else spans.push([it.from, it.to]);
    for (const [f, t] of spans) {
      const w0 = it.shape === 'ramp' ? 0 : Math.max(0, Math.floor((f - start) / 7));
      const w1 = it.shape === 'ramp' ? weeks - 1 : Math.min(weeks - 1, Math.floor((t - start) / 7));
      if (w1 < w0 || (it.shape !== 'ramp' && (t < start || f >= end))) continue;
      const weights = new Float64Array(w1 - w0 + 1);
      for (let w = w0; w <= w1; w++) {
        const a = start + 7 * w;
        const b = a + 6;
        let x: number;
        if (it.shape === 'window') x = Math.max(0, Math.min(b, t) - Math.max(a, f) + 1) / 7;
        else if (it.shape === 'once') x = f >= a && f <= b ? 1 : 0;
        else {
          const mid = a + 3;
          x = t > f ? Math.min(1, Math.max(0, (mid - f) / (t - f))) : mid >= f ? 1 : 0;
          if (mid > t) x = 0; // a ramp holds only inside its own window (the next term starts its own)
        }
        weights[w - w0] = x;
      }
      out.push({ item: k, kind, firstWeek: w0, weights, fromDay: f, toDay: t });
    }
  });
  return out;
}

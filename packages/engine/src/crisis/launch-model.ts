/**
 * The DPRK launch model: monthly launch days as a negative binomial regression (./nb-regression.ts)
 * on three covariates, fitted on the CNS database (./data/cns-launch-days.ts) for 2012-01 to
 * 2019-12 (Kim Jong Un's rule, which began in December 2011, to the end of the training period):
 *
 *   y_m ~ NB(μ_m, r),   log μ_m = β0 + β1 exercise_m + β2 détente_m + β3 ln(1 + L_m),
 *
 *   exercise_m  weighted share of the month's days inside a US-ROK combined exercise
 *               (./data/history.ts: command-post windows weigh 1, Foal Eagle field windows 0.5),
 *   détente_m   share of the month's days inside the 2018-01..2019-02 summit diplomacy,
 *   L_m         launch days in the 12 months before month m (the launch campaign's momentum).
 *
 * The crisis simulation uses the same equation weekly (./simulate.ts): the weekly mean is
 * μ_w = exp(β0 + β1 exercise_w + β2 [talks underway] + β3 ln(1 + L_w)) · 7 / 30.4375 with the
 * exercise signal of the scenario's calendar and L_w the launch days of the previous 52 weeks,
 * times a gamma(r, r) frailty drawn once per 4 weeks (which makes 4-week counts negative binomial,
 * as the monthly fit has it).
 */
import { CNS_LAUNCH_DAYS } from './data/cns-launch-days';
import { DETENTE, EXERCISES, type DatedWindow } from './data/history';
import { dayNumber, isoMonth } from './calendar';
import { fitNegativeBinomial, type NbFit } from './nb-regression';

export const LAUNCH_COVARIATES = ['intercept', 'exercise', 'detente', 'memory'] as const;
export const DAYS_PER_MONTH = 30.4375;

export interface MonthlySeries {
  readonly months: string[];
  readonly launchDays: number[];
  readonly exercise: number[];
  readonly detente: number[];
  /** ln(1 + launch days in the 12 previous months). */
  readonly memory: number[];
}

/** Launch days per month (YYYY-MM -> count), from the CNS table. */
export function launchDaysByMonth(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [date] of CNS_LAUNCH_DAYS) {
    const month = date.slice(0, 7);
    out.set(month, (out.get(month) ?? 0) + 1);
  }
  return out;
}

function monthStart(month: string): number {
  return dayNumber(month);
}

function monthEnd(month: string): number {
  return dayNumber(month, true);
}

function nextMonth(month: string): string {
  return isoMonth(monthEnd(month) + 1);
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

function windowShare(windows: readonly DatedWindow[], month: string): number {
  const a = monthStart(month);
  const b = monthEnd(month);
  let s = 0;
  for (const w of windows) {
    const f = dayNumber(w.from);
    const t = dayNumber(w.to);
    const overlap = Math.min(b, t) - Math.max(a, f) + 1;
    if (overlap > 0) s += (w.weight * overlap) / (b - a + 1);
  }
  return s;
}

/** Covariates and counts for the months from..to (inclusive). */
export function monthlySeries(from: string, to: string): MonthlySeries {
  const counts = launchDaysByMonth();
  const months = monthRange(from, to);
  const all = monthRange('1984-01', to);
  const prior = (m: string) => {
    const k = all.indexOf(m);
    let s = 0;
    for (let j = Math.max(0, k - 12); j < k; j++) s += counts.get(all[j]!) ?? 0;
    return s;
  };
  return {
    months,
    launchDays: months.map((m) => counts.get(m) ?? 0),
    exercise: months.map((m) => windowShare(EXERCISES, m)),
    detente: months.map((m) => windowShare(DETENTE, m)),
    memory: months.map((m) => Math.log1p(prior(m))),
  };
}

export interface LaunchModel {
  readonly trainFrom: string;
  readonly trainTo: string;
  readonly fit: NbFit;
  readonly covariates: readonly string[];
  /** Mean launch days in a month with these covariates. */
  mean(exercise: number, detente: number, memory: number, beta?: readonly number[]): number;
}

const cache = new Map<string, LaunchModel>();

/** The launch model fitted on the months trainFrom..trainTo (memoised). */
export function fitLaunchModel(trainFrom = '2012-01', trainTo = '2019-12'): LaunchModel {
  const key = `${trainFrom}..${trainTo}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const s = monthlySeries(trainFrom, trainTo);
  const x = s.months.map((_, i) => [1, s.exercise[i]!, s.detente[i]!, s.memory[i]!]);
  const fit = fitNegativeBinomial(x, s.launchDays);
  const model: LaunchModel = {
    trainFrom,
    trainTo,
    fit,
    covariates: LAUNCH_COVARIATES,
    mean(exercise, detente, memory, beta = fit.beta) {
      return Math.exp(beta[0]! + beta[1]! * exercise + beta[2]! * detente + beta[3]! * memory);
    },
  };
  cache.set(key, model);
  return model;
}

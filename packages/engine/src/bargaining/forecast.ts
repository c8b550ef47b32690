/**
 * One negotiation forecast on one scenario issue, with either model, in the issue's own units:
 * positions per round, the forecast with its nearest anchor, and (EUM) who challenged whom and why;
 * optionally an ensemble over the ranged inputs and a tornado. Shared by `brink forecast`, the
 * server's forecast runs and any other caller, so the three give the same numbers.
 *
 * Models: the expected-utility model (./eum, Scholz, Calbert & Smith 2011) and KTAB's spatial model
 * of politics (./smp). The SMP forecast follows KTAB's convention: the final position of the actor
 * most likely to prevail (its probability-weighted mean position is reported beside it).
 */
import { fromModelScale, issueToEumInput, issueToSmpInput, nearestAnchor, type IssueModelInput } from './scenario-issues';
import { runSmp } from './smp/index';
import { runEum, type EumOptions } from './eum/index';
import { explainEum, keyChallenges, type MoveExplanation, type RoundExplanation } from './explain';
import { runEnsemble, tornado, type ForecastDistribution, type IssueForecaster, type TornadoResult } from './uncertainty';

export interface IssueForecastOptions {
  seed?: string | number;
  /**
   * Number of ensemble runs over the ranged inputs. Absent: DEFAULT_UNCERTAINTY_RUNS, so every
   * forecast carries its interval (`uncertainty`); 0: none.
   */
  ensemble?: number;
  /** The ensemble's member forecasts, already computed in chunks (`ensembleMembers`); skips running them. */
  ensembleMembers?: readonly number[];
  /** Also return the full tornado (the top inputs are always named in `uncertainty.hangsOn`). */
  tornado?: boolean;
  maxRounds?: number;
  /** Further EUM options (the documented choices where the paper is ambiguous). */
  eumOptions?: Partial<EumOptions>;
  onProgress?: (label: string, done: number, total: number) => void;
}

export type ForecastModel = 'eum' | 'smp';

/** Ensemble runs behind the interval every forecast carries by default. */
export const DEFAULT_UNCERTAINTY_RUNS = 200;

/** A caution attached to a result, rendered next to it by the CLI and the web. */
export interface ForecastWarning {
  kind: 'ruled-out' | 'ruled-out-interval' | 'still-moving' | 'veto-binding';
  text: string;
  range?: [number, number];
  reason?: string;
}

/** An input the conclusion hangs on (from the tornado). */
export interface HangsOn {
  actor: string;
  actorName: string;
  field: 'position' | 'salience' | 'clout';
  low: number;
  high: number;
  forecastAtLow: number;
  forecastAtHigh: number;
  swing: number;
}

/** The interval over the inputs' ranges: the headline of a forecast; the point forecast is second. */
export interface ForecastUncertainty {
  runs: number;
  seed: string | number;
  /** 5% and 95% quantiles of the ensemble and its median. */
  low: number;
  high: number;
  median: number;
  /** The point forecast with every input at its cited or assumed value. */
  point: number;
  /** Share of the ensemble's forecasts inside a ruled-out stretch of the scale. */
  ruledOutShare: number;
  /** The inputs whose ranges move the forecast most, largest swing first (at most 3). */
  hangsOn: HangsOn[];
  /** One sentence: the interval, the point, and what it hangs on. */
  text: string;
}


/** The EUM options a forecast runs with: the caller's, with `maxRounds` applied. */
export function effectiveEumOptions(opts: IssueForecastOptions): Partial<EumOptions> {
  return { ...(opts.eumOptions ?? {}), ...(opts.maxRounds !== undefined ? { maxRounds: opts.maxRounds } : {}) };
}


/** One issue's forecast, in the issue's own units. */
export interface IssueForecast {
  issue: string;
  title: string;
  variant: string | null;
  model: ForecastModel;
  scale: IssueModelInput['scale'];
  actors: { id: string; name: string }[];
  dims: string[];
  turns: number;
  /** [turn][actor][dimension = 0], issue units. */
  positions: number[][][];
  final: number[][];
  forecast: {
    value: number;
    anchor: string | null;
    /** EUM: μ per state, issue units (the SMP has no per-state forecast). */
    trajectory?: number[];
    stopReason: string;
    /** SMP only: KTAB's final win probabilities, the most likely actor (whose final position is `value`), and the probability-weighted mean position. */
    finalProb?: number[];
    mostLikelyActor?: number;
    expectedPosition?: number;
    /** The model's forecast before the veto constraint (present when the issue has veto players). */
    unconstrained?: number;
    /** Veto players, their final positions' interval, and whether the constraint moved the forecast. */
    veto?: { actors: string[]; interval: [number, number]; binding: boolean };
  };
  /** Cautions to show next to the result (ruled-out stretches, veto, still moving). */
  warnings: ForecastWarning[];
  /** The interval over the inputs' ranges (absent only with `ensemble: 0`). */
  uncertainty?: ForecastUncertainty;
  rounds?: RoundExplanation[];
  keyChallenges?: (MoveExplanation & { round: number })[];
  ensemble?: ForecastDistribution;
  tornado?: TornadoResult;
}


/** The forecaster used by ensembles and tornados: the model's forecast in issue units. */
export function issueForecaster(model: ForecastModel, eumOptions: Partial<EumOptions> = {}): IssueForecaster {
  if (model === 'smp') {
    return (issue, values) => {
      const res = runSmp(issueToSmpInput(issue, values));
      return fromModelScale(issue.scale, smpVetoed(issue, res.final, res.forecast.mostLikelyPosition[0]!).value);
    };
  }
  return (issue, values) => fromModelScale(issue.scale, runEum(issueToEumInput(issue, values), { recordOffers: false, ...eumOptions }).forecast);
}

/** Runs one model on one issue. */
export function forecastIssue(issue: IssueModelInput, variant: string | null, model: ForecastModel, opts: IssueForecastOptions = {}): IssueForecast {
  const toUnits = (x: number): number => fromModelScale(issue.scale, x);
  const eumOptions = effectiveEumOptions(opts);
  const base = {
    issue: issue.issueId,
    title: issue.title,
    variant,
    model,
    scale: issue.scale,
    actors: issue.actors.map((a) => ({ id: a.id, name: a.name })),
    dims: [issue.issueId],
  };
  let out: IssueForecast;
  const vetoActors = issue.actors.filter((a) => a.veto).map((a) => a.id);
  if (model === 'smp') {
    const res = runSmp(issueToSmpInput(issue));
    const positions = res.positions.map((state) => state.map((row) => [toUnits(row[0]!)]));
    const vetoed = smpVetoed(issue, res.final, res.forecast.mostLikelyPosition[0]!);
    const value = toUnits(vetoed.value);
    out = {
      ...base,
      turns: res.turns,
      positions,
      final: positions[positions.length - 1]!,
      forecast: {
        value,
        anchor: anchorLabel(issue, value),
        stopReason: String(res.stopReason),
        finalProb: res.forecast.finalProb,
        mostLikelyActor: res.forecast.mostLikelyActor,
        expectedPosition: toUnits(res.forecast.expectedPosition[0]!),
        ...(vetoed.interval
          ? { unconstrained: toUnits(res.forecast.mostLikelyPosition[0]!), veto: { actors: vetoActors, interval: [toUnits(vetoed.interval[0]), toUnits(vetoed.interval[1])] as [number, number], binding: vetoed.binding } }
          : {}),
      },
      warnings: [],
    };
  } else {
    const input = issueToEumInput(issue);
    const res = runEum(input, eumOptions);
    const positions = res.positions.map((state) => state.map((x) => [toUnits(x)]));
    const names = issue.actors.map((a) => a.name);
    const rounds = explainEum(res, { actorNames: names, format: (x) => formatNumber(toUnits(x)) }, input.actors.map((a) => a.capability * a.salience));
    const value = toUnits(res.forecast);
    out = {
      ...base,
      turns: res.turns,
      positions,
      final: positions[positions.length - 1]!,
      forecast: {
        value,
        anchor: anchorLabel(issue, value),
        trajectory: res.medians.map(toUnits),
        stopReason: res.stopReason,
        ...(res.vetoInterval
          ? {
              unconstrained: toUnits(res.unconstrainedForecast),
              veto: { actors: vetoActors, interval: [toUnits(res.vetoInterval[0]), toUnits(res.vetoInterval[1])] as [number, number], binding: Math.abs(res.forecast - res.unconstrainedForecast) > 1e-9 * res.range },
            }
          : {}),
      },
      warnings: stillMoving(res, names, (x) => formatNumber(toUnits(x))),
      rounds: rounds.map((r) => ({ ...r, median: toUnits(r.median), medianAfter: toUnits(r.medianAfter), moves: r.moves.map((m) => ({ ...m, from: toUnits(m.from), to: toUnits(m.to) })) })),
      keyChallenges: keyChallenges(rounds).map((m) => ({ ...m, from: toUnits(m.from), to: toUnits(m.to) })),
    };
  }
  const forecaster = issueForecaster(model, eumOptions);
  const runs = opts.ensemble ?? DEFAULT_UNCERTAINTY_RUNS;
  if (out.forecast.veto?.binding) {
    out.warnings.push({
      kind: 'veto-binding',
      text: `no settlement can pass without ${vetoNames(issue)}: the model's ${formatNumber(out.forecast.unconstrained!)} is moved to ${formatNumber(out.forecast.value)}, the nearest point the veto player(s) hold`,
    });
  }
  out.warnings.push(...ruledOutWarnings(issue, out.forecast.value));
  if (runs > 0) {
    const ensemble = runEnsemble(issue, forecaster, {
      runs,
      seed: opts.seed ?? 1,
      members: opts.ensembleMembers,
      onProgress: opts.onProgress ? (done, total) => opts.onProgress!(`${issue.issueId}${variant ? ` [${variant}]` : ''}`, done, total) : undefined,
    });
    const sensitivity = tornado(issue, forecaster);
    out.uncertainty = summariseUncertainty(issue, model, ensemble, sensitivity);
    if (opts.ensemble !== undefined) out.ensemble = ensemble;
    if (opts.tornado) out.tornado = sensitivity;
    const share = out.uncertainty.ruledOutShare;
    if (share > 0 && !out.warnings.some((w) => w.kind === 'ruled-out')) {
      out.warnings.push({ kind: 'ruled-out-interval', text: `${Math.round(100 * share)}% of the forecasts over the inputs' ranges fall in a stretch the sources rule out` });
    }
  } else if (opts.tornado) {
    out.tornado = tornado(issue, forecaster);
  }
  return out;
}

/** SMP on a line with veto players: the forecast moved into the veto players' final interval. */
function smpVetoed(issue: IssueModelInput, final: readonly (readonly number[])[], value: number): { value: number; interval?: [number, number]; binding: boolean } {
  const vetoFinal = issue.actors.map((a, i) => (a.veto ? final[i]![0]! : null)).filter((x): x is number => x !== null);
  if (vetoFinal.length === 0) return { value, binding: false };
  const interval: [number, number] = [Math.min(...vetoFinal), Math.max(...vetoFinal)];
  const clamped = Math.min(interval[1], Math.max(interval[0], value));
  return { value: clamped, interval, binding: Math.abs(clamped - value) > 1e-9 };
}

function vetoNames(issue: IssueModelInput): string {
  return issue.actors.filter((a) => a.veto).map((a) => a.name).join(', ');
}

/** Warnings for a forecast inside a ruled-out stretch of the scale (with the source's reason). */
export function ruledOutWarnings(issue: IssueModelInput, value: number): ForecastWarning[] {
  return issue.ruledOut
    .filter((r) => value >= r.range[0] && value <= r.range[1])
    .map((r) => ({
      kind: 'ruled-out' as const,
      range: r.range,
      reason: r.reason,
      text: `the forecast ${formatNumber(value)} lies in ${formatNumber(r.range[0])}..${formatNumber(r.range[1])}, which the sources rule out: ${r.reason}`,
    }));
}

/** Actors still moving when the run stopped at its round cap. */
function stillMoving(res: { stopReason: string; rounds: { moves: { actor: number; from: number; to: number }[] }[] }, names: readonly string[], fmt: (x: number) => string): ForecastWarning[] {
  if (res.stopReason !== 'max-rounds' || res.rounds.length === 0) return [];
  const last = res.rounds[res.rounds.length - 1]!;
  const span = Math.max(1e-12, ...last.moves.map((m) => Math.abs(m.to - m.from)));
  const big = last.moves.filter((m) => Math.abs(m.to - m.from) >= 0.01 * span);
  if (big.length === 0) return [];
  const moving = big.map((m) => `${names[m.actor]} (${fmt(m.from)} → ${fmt(m.to)})`).join(', ');
  return [{ kind: 'still-moving', text: `stopped at the round cap while ${moving} still moved; the forecast is not settled` }];
}

/** The interval headline and the words naming what it hangs on. */
export function summariseUncertainty(issue: IssueModelInput, model: ForecastModel, ensemble: ForecastDistribution, sensitivity: TornadoResult): ForecastUncertainty {
  const inRuledOut = ensemble.forecasts.filter((x) => issue.ruledOut.some((r) => x >= r.range[0] && x <= r.range[1])).length;
  const hangsOn: HangsOn[] = sensitivity.bars
    .filter((b) => b.swing > 1e-9 * (issue.scale.max - issue.scale.min))
    .slice(0, 3)
    .map((b) => ({ actor: b.actor, actorName: b.actorName, field: b.field, low: b.low, high: b.high, forecastAtLow: b.forecastAtLow, forecastAtHigh: b.forecastAtHigh, swing: b.swing }));
  const low = ensemble.quantiles.p05;
  const high = ensemble.quantiles.p95;
  const fmtInput = (h: HangsOn, x: number): string => (h.field === 'position' ? formatNumber(x) : x.toFixed(2));
  const ranged = issue.actors.some((a) => Object.keys(a.ranges).length > 0);
  const hangs =
    hangsOn.length === 0
      ? ranged
        ? 'no single input moves it across its range'
        : 'no input has a range, so this is the point forecast only'
      : `it turns on ${hangsOn.map((h) => `${h.actorName}'s ${h.field} (${fmtInput(h, h.low)}..${fmtInput(h, h.high)} moves it ${formatNumber(h.forecastAtLow)}..${formatNumber(h.forecastAtHigh)})`).join('; ')}`;
  const text = `${model.toUpperCase()}: ${formatNumber(low)} to ${formatNumber(high)} in 90% of ${ensemble.runs} runs over the inputs' ranges (point ${formatNumber(ensemble.base)}); ${hangs}`;
  return { runs: ensemble.runs, seed: ensemble.seed, low, high, median: ensemble.quantiles.p50, point: ensemble.base, ruledOutShare: ensemble.runs > 0 ? inRuledOut / ensemble.runs : 0, hangsOn, text };
}

function anchorLabel(issue: IssueModelInput, x: number): string | null {
  const near = nearestAnchor(issue.scale, x);
  return near ? near.anchor.label : null;
}

/** A value in issue units with the nearest anchor, e.g. `37.5 (≈ Freeze, 50)`. */
export function formatValue(issue: IssueModelInput | { scale: IssueModelInput['scale'] }, x: number): string {
  const near = nearestAnchor(issue.scale, x);
  const v = formatNumber(x);
  if (!near) return v;
  const span = issue.scale.max - issue.scale.min;
  return near.distance <= 0.05 * span ? `${v} (${near.anchor.label})` : `${v} (nearest: ${near.anchor.label} at ${formatNumber(near.anchor.value)})`;
}

export function formatNumber(x: number): string {
  return Number.isInteger(Math.round(x * 10) / 10) ? (Math.round(x * 10) / 10).toFixed(0) : x.toFixed(1);
}


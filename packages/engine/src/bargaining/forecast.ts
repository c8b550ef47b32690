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
  /** Number of ensemble runs over the ranged inputs (0 or absent: none). */
  ensemble?: number;
  tornado?: boolean;
  maxRounds?: number;
  /** Further EUM options (the documented choices where the paper is ambiguous). */
  eumOptions?: Partial<EumOptions>;
  onProgress?: (label: string, done: number, total: number) => void;
}

export type ForecastModel = 'eum' | 'smp';


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
  };
  rounds?: RoundExplanation[];
  keyChallenges?: (MoveExplanation & { round: number })[];
  ensemble?: ForecastDistribution;
  tornado?: TornadoResult;
}


/** The forecaster used by ensembles and tornados: the model's forecast in issue units. */
export function issueForecaster(model: ForecastModel, eumOptions: Partial<EumOptions> = {}): IssueForecaster {
  if (model === 'smp') {
    return (issue, values) => fromModelScale(issue.scale, runSmp(issueToSmpInput(issue, values)).forecast.mostLikelyPosition[0]!);
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
  if (model === 'smp') {
    const res = runSmp(issueToSmpInput(issue));
    const positions = res.positions.map((state) => state.map((row) => [toUnits(row[0]!)]));
    const value = toUnits(res.forecast.mostLikelyPosition[0]!);
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
      },
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
      forecast: { value, anchor: anchorLabel(issue, value), trajectory: res.medians.map(toUnits), stopReason: res.stopReason },
      rounds: rounds.map((r) => ({ ...r, median: toUnits(r.median), medianAfter: toUnits(r.medianAfter), moves: r.moves.map((m) => ({ ...m, from: toUnits(m.from), to: toUnits(m.to) })) })),
      keyChallenges: keyChallenges(rounds).map((m) => ({ ...m, from: toUnits(m.from), to: toUnits(m.to) })),
    };
  }
  const forecaster = issueForecaster(model, eumOptions);
  if (opts.ensemble && opts.ensemble > 0) {
    out.ensemble = runEnsemble(issue, forecaster, {
      runs: opts.ensemble,
      seed: opts.seed ?? 1,
      onProgress: opts.onProgress ? (done, total) => opts.onProgress!(`${issue.issueId}${variant ? ` [${variant}]` : ''}`, done, total) : undefined,
    });
  }
  if (opts.tornado) out.tornado = tornado(issue, forecaster);
  return out;
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


/**
 * SMP and EUM side by side on one issue, with a plain explanation of why their forecasts differ and
 * which assumptions each turns on. This is the one analysis entry point the CLI (`brink forecast`
 * without --model), the web worker (Negotiation page) and any job share, so they give identical
 * numbers for the same scenario.
 *
 * Why the two models differ is structural, and the explanation says it with the run's own data:
 *  - the EUM (Bueno de Mesquita; Scholz, Calbert & Smith 2011) forecasts the median voter
 *    position: the point where half of the clout × salience lies, after rounds of challenges in
 *    which actors give in fully (lost conflict, capitulation) or in part (compromise). A median
 *    ignores how far the outlying actors are, so a lone actor at the end of the scale does not
 *    pull it;
 *  - the SMP (KTAB) forecasts the final position of the actor most likely to prevail, after rounds
 *    of bargains that split each pair's difference (weights salience² × win chance²), so every
 *    actor that bargains pulls the outcome toward itself, and actors converge on a compromise.
 * What each turns on: the top inputs of each model's tornado (uncertainty.ts), and the veto or
 * ruled-out constraints of the scenario (forecast.ts).
 */
import { forecastIssue, formatNumber, type ForecastModel, type IssueForecast, type IssueForecastOptions } from './forecast';
import type { IssueModelInput } from './scenario-issues';

export interface ModelReading {
  model: ForecastModel;
  /** The point forecast (issue units). */
  value: number;
  /** What the number is, for this run: the median and its pivot actor, or the most likely actor. */
  reading: string;
  /** The assumptions the result turns on, in words. */
  turnsOn: string[];
}

export interface ForecastComparison {
  eum: number;
  smp: number;
  /** smp − eum (issue units). */
  difference: number;
  /** |difference| as a share of the scale length. */
  relativeDifference: number;
  /** One sentence for the headline. */
  summary: string;
  /** Why they differ (or agree). */
  reasons: string[];
  models: [ModelReading, ModelReading];
}

export interface IssueAnalysis {
  issue: string;
  title: string;
  variant: string | null;
  eum: IssueForecast;
  smp: IssueForecast;
  comparison: ForecastComparison;
}

/** Both models on one issue, and the comparison. */
export function analyseIssue(issue: IssueModelInput, variant: string | null, opts: IssueForecastOptions = {}): IssueAnalysis {
  const eum = forecastIssue(issue, variant, 'eum', opts);
  const smp = forecastIssue(issue, variant, 'smp', opts);
  return { issue: issue.issueId, title: issue.title, variant, eum, smp, comparison: compareForecasts(issue, eum, smp) };
}

/** The comparison of an EUM and an SMP forecast of the same issue and variant. */
export function compareForecasts(issue: IssueModelInput, eum: IssueForecast, smp: IssueForecast): ForecastComparison {
  const span = issue.scale.max - issue.scale.min;
  const difference = smp.forecast.value - eum.forecast.value;
  const relativeDifference = Math.abs(difference) / span;
  const f = formatNumber;
  const eumReading = readEum(issue, eum);
  const smpReading = readSmp(issue, smp);
  const reasons: string[] = [];
  if (relativeDifference <= 0.05) {
    reasons.push(`They agree within ${f(Math.abs(difference))} (${Math.round(100 * relativeDifference)}% of the scale): the median of clout × salience and the bargaining compromise land in the same place.`);
  } else {
    const finalEum = eum.final.map((p) => p[0]!);
    const finalSmp = smp.final.map((p) => p[0]!);
    const farFromEum = issue.actors
      .map((a, i) => ({ name: a.name, x: finalEum[i]!, d: Math.abs(finalEum[i]! - eum.forecast.value) }))
      .sort((a, b) => b.d - a.d)[0];
    reasons.push(
      'The EUM forecasts a median: where half of the clout × salience lies. How far the outlying actors stand does not move it' +
        (farFromEum && farFromEum.d > 0.05 * span ? ` (${farFromEum.name} ends at ${f(farFromEum.x)} and does not pull the EUM's ${f(eum.forecast.value)}).` : '.'),
    );
    const spreadSmp = Math.max(...finalSmp) - Math.min(...finalSmp);
    reasons.push(
      `The SMP forecasts the final position of the actor most likely to prevail, after bargains that split each pair's difference; every bargaining actor pulls the outcome toward itself` +
        (spreadSmp < 0.05 * span ? `, and here the actors converge near ${f(smp.forecast.expectedPosition ?? smp.forecast.value)}.` : `; its probability-weighted mean of the final positions is ${f(smp.forecast.expectedPosition ?? smp.forecast.value)}.`),
    );
    const eumIn = eum.uncertainty;
    const smpIn = smp.uncertainty;
    if (eumIn && smpIn) {
      const overlap = Math.min(eumIn.high, smpIn.high) - Math.max(eumIn.low, smpIn.low);
      reasons.push(
        overlap >= 0
          ? `Over the inputs' ranges their intervals overlap (EUM ${f(eumIn.low)}..${f(eumIn.high)}, SMP ${f(smpIn.low)}..${f(smpIn.high)}): the difference is within what the inputs leave open.`
          : `Over the inputs' ranges their intervals do not overlap (EUM ${f(eumIn.low)}..${f(eumIn.high)}, SMP ${f(smpIn.low)}..${f(smpIn.high)}): the difference comes from the models, not from the inputs.`,
      );
    }
  }
  const vetoed = [eum, smp].filter((x) => x.forecast.veto?.binding);
  if (vetoed.length > 0) reasons.push(`A veto constraint moved ${vetoed.map((x) => x.model.toUpperCase()).join(' and ')}: no settlement can pass without ${issue.actors.filter((a) => a.veto).map((a) => a.name).join(', ')}.`);
  const summary =
    relativeDifference <= 0.05
      ? `EUM ${f(eum.forecast.value)} and SMP ${f(smp.forecast.value)} agree.`
      : `EUM ${f(eum.forecast.value)} vs SMP ${f(smp.forecast.value)}: ${difference > 0 ? 'the SMP lies higher' : 'the SMP lies lower'} by ${f(Math.abs(difference))} (${Math.round(100 * relativeDifference)}% of the scale).`;
  return { eum: eum.forecast.value, smp: smp.forecast.value, difference, relativeDifference, summary, reasons, models: [eumReading, smpReading] };
}

function turnsOn(issue: IssueModelInput, x: IssueForecast): string[] {
  const out: string[] = [];
  const u = x.uncertainty;
  if (u) {
    for (const h of u.hangsOn) {
      const range = h.field === 'position' ? `${formatNumber(h.low)}..${formatNumber(h.high)}` : `${h.low.toFixed(2)}..${h.high.toFixed(2)}`;
      out.push(`${h.actorName}'s ${h.field} (range ${range}): forecast ${formatNumber(h.forecastAtLow)}..${formatNumber(h.forecastAtHigh)}`);
    }
    if (u.hangsOn.length === 0) out.push('no single ranged input moves it');
  }
  if (x.forecast.veto) out.push(`the veto of ${issue.actors.filter((a) => a.veto).map((a) => a.name).join(', ')}`);
  return out;
}

function readEum(issue: IssueModelInput, x: IssueForecast): ModelReading {
  const final = x.final.map((p) => p[0]!);
  const at = issue.actors.filter((_, i) => Math.abs(final[i]! - (x.forecast.unconstrained ?? x.forecast.value)) < 1e-9 * (issue.scale.max - issue.scale.min));
  const reading =
    `median voter position of the final positions (weights clout × salience) after ${x.turns} round(s)` +
    (at.length > 0 ? `, where ${at.map((a) => a.name).join(', ')} end${at.length === 1 ? 's' : ''}` : '') +
    (x.forecast.stopReason === 'max-rounds' ? ', stopped at the round cap' : '');
  return { model: 'eum', value: x.forecast.value, reading, turnsOn: turnsOn(issue, x) };
}

function readSmp(issue: IssueModelInput, x: IssueForecast): ModelReading {
  const k = x.forecast.mostLikelyActor ?? 0;
  const p = x.forecast.finalProb?.[k];
  const reading = `final position of ${issue.actors[k]?.name ?? `actor ${k}`}, the most likely to prevail${p !== undefined ? ` (p = ${p.toFixed(2)})` : ''}, after ${x.turns} bargaining round(s)`;
  return { model: 'smp', value: x.forecast.value, reading, turnsOn: turnsOn(issue, x) };
}

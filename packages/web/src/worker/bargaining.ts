/**
 * Bargaining requests the worker answers: for one issue of the scenario, run the spatial model of
 * politics (SMP, as KTAB runs it) and the expected-utility model (EUM) on the baseline and on each
 * variant, and give back every actor's position per round in the issue's own units.
 */
import { applyVariant } from '@brink/engine/scenario';
import type { Scenario } from '@brink/engine/scenario';
import {
  scenarioIssueInputs,
  issueToSmpInput,
  issueToEumInput,
  fromModelScale,
  nearestAnchor,
  type IssueModelInput,
} from '@brink/engine/bargaining';
import { runSmp } from '@brink/engine/bargaining';
import { runEum } from '@brink/engine/bargaining';
import type { ProgressFn } from './protocol';

export type BargainingModel = 'smp' | 'eum';

export interface BargainingRun {
  model: BargainingModel;
  /** Actor ids, in the issue's order. */
  actors: string[];
  /** positions[round][actor], issue units; round 0 is the input. */
  positions: number[][];
  forecast: number;
  /** SMP only: the probability-weighted mean of the final positions. */
  expectedPosition?: number;
  nearestAnchor: number | null;
  stopReason: string;
}

export interface BargainingOutcome {
  issue: IssueModelInput;
  baseline: Record<BargainingModel, BargainingRun>;
  /** Forecast per variant that could be run (variant id -> model -> forecast). */
  variants: { id: string; forecast: Partial<Record<BargainingModel, number>>; runs?: Record<BargainingModel, BargainingRun>; error?: string }[];
}

function runModels(issue: IssueModelInput): Record<BargainingModel, BargainingRun> {
  const scale = issue.scale;
  const back = (x: number) => fromModelScale(scale, x);
  const ids = issue.actors.map((a) => a.id);
  const smp = runSmp(issueToSmpInput(issue));
  // KTAB's convention, as `brink forecast` reports it: the final position of the actor most likely
  // to prevail; the probability-weighted mean of the final positions is kept beside it.
  const smpForecast = back(smp.forecast.mostLikelyPosition[0]!);
  const eum = runEum(issueToEumInput(issue));
  const eumForecast = back(eum.forecast);
  return {
    smp: {
      model: 'smp',
      actors: ids,
      positions: smp.positions.map((turn) => turn.map((p) => back(p[0]!))),
      forecast: smpForecast,
      expectedPosition: back(smp.forecast.expectedPosition[0]!),
      nearestAnchor: nearestAnchor(scale, smpForecast)?.anchor.value ?? null,
      stopReason: String(smp.stopReason),
    },
    eum: {
      model: 'eum',
      actors: ids,
      positions: eum.positions.map((turn) => turn.map(back)),
      forecast: eumForecast,
      nearestAnchor: nearestAnchor(scale, eumForecast)?.anchor.value ?? null,
      stopReason: String(eum.stopReason),
    },
  };
}

export function bargainingRequest({ scenario, issue: issueId }: { scenario: Scenario; issue: string }, progress: ProgressFn): BargainingOutcome {
  const [issue] = scenarioIssueInputs(scenario, { issue: issueId });
  const baseline = runModels(issue!);
  const variants: BargainingOutcome['variants'] = [];
  scenario.variants.forEach((v, k) => {
    progress(k + 1, scenario.variants.length + 1);
    try {
      const varied = applyVariant(scenario, v.id);
      const [vi] = scenarioIssueInputs(varied, { issue: issueId });
      const runs = runModels(vi!);
      variants.push({ id: v.id, forecast: { smp: runs.smp.forecast, eum: runs.eum.forecast }, runs });
    } catch (error) {
      variants.push({ id: v.id, forecast: {}, error: (error as Error).message });
    }
  });
  return { issue: issue!, baseline, variants };
}

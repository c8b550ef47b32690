/**
 * Bargaining requests the worker answers: for one issue of the scenario, the engine's one analysis
 * entry point (`analyseIssue` in @brink/engine/bargaining: SMP and EUM side by side, each with its
 * interval over the inputs' ranges, warnings and the comparison) on the baseline and on each
 * variant. The CLI (`brink forecast`) calls the same function, so both give identical numbers.
 */
import { applyVariant } from '@brink/engine/scenario';
import type { Scenario } from '@brink/engine/scenario';
import { analyseIssue, scenarioIssueInputs, type IssueAnalysis, type IssueModelInput } from '@brink/engine/bargaining';
import type { ProgressFn } from './protocol';

export type BargainingModel = 'smp' | 'eum';

export interface BargainingOutcome {
  issue: IssueModelInput;
  baseline: IssueAnalysis;
  /** Per variant: its analysis, or why it could not be run. */
  variants: { id: string; analysis?: IssueAnalysis; error?: string }[];
}

export function bargainingRequest({ scenario, issue: issueId, seed }: { scenario: Scenario; issue: string; seed?: number | string }, progress: ProgressFn): BargainingOutcome {
  const [issue] = scenarioIssueInputs(scenario, { issue: issueId });
  const total = scenario.variants.length + 1;
  const baseline = analyseIssue(issue!, null, { seed: seed ?? 1 });
  const variants: BargainingOutcome['variants'] = [];
  scenario.variants.forEach((v, k) => {
    progress(k + 1, total);
    try {
      const varied = applyVariant(scenario, v.id);
      const [vi] = scenarioIssueInputs(varied, { issue: issueId });
      variants.push({ id: v.id, analysis: analyseIssue(vi!, v.id, { seed: seed ?? 1 }) });
    } catch (error) {
      variants.push({ id: v.id, error: (error as Error).message });
    }
  });
  progress(total, total);
  return { issue: issue!, baseline, variants };
}

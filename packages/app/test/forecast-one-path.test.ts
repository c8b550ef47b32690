/**
 * One analysis path: the web worker's bargaining request and `brink forecast` call the
 * engine's analyseIssue / forecastIssue, so the Negotiation page and the CLI give identical numbers
 * for the same scenario, variant and seed.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { forecastFile, type ScenarioForecastReport } from '../src/cli/commands/forecast';
import { loadScenarioFile } from '../src/scenario-files';
import { bargainingRequest } from '../../web/src/worker/bargaining';

const file = path.resolve(__dirname, '../../../scenarios/korean-peninsula-2025-09.yaml');

describe('web worker and CLI give identical forecasts', () => {
  it('every model, the base scenario and a variant: point, trajectory, interval and warnings are equal', async () => {
    const { scenario } = await loadScenarioFile(file);
    const issueId = scenario.issues[0]!.id;
    const web = bargainingRequest({ scenario, issue: issueId, seed: 1 }, () => undefined);
    const variant = scenario.variants[0]!.id;
    for (const model of ['eum', 'smp'] as const) {
      const cli = (await forecastFile(file, { model, issue: issueId, seed: 1, variants: ['all'] })) as ScenarioForecastReport;
      const cliBase = cli.issues.find((f) => f.variant === null)!;
      const cliVariant = cli.issues.find((f) => f.variant === variant)!;
      const webVariant = web.variants.find((v) => v.id === variant)!.analysis![model];
      for (const [a, b] of [[web.baseline[model], cliBase], [webVariant, cliVariant]] as const) {
        expect(a.forecast).toEqual(b.forecast);
        expect(a.positions).toEqual(b.positions);
        expect(a.uncertainty).toEqual(b.uncertainty);
        expect(a.warnings).toEqual(b.warnings);
      }
    }
  });
});

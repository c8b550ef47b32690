/**
 * The `simulate` run kind: the crisis simulation of the scenario (or of its variant), optionally two
 * variants compared run for run, the hindcast and the tornado and Sobol indices; the same report as
 * `brink simulate --json` (../simulation/run-simulation.ts), stored with the run's provenance.
 */
import { z } from 'zod';
import { compileCrisisModel } from '@brink/engine/crisis';
import { InputError, isInputError } from '@brink/engine/errors';
import { checkSimulateOptions, simulateScenario } from '@brink/engine/crisis';
import type { ExecContext, RunTask } from './kinds';

export const SimulateOptionsSchema = z
  .strictObject({
    runs: z.number().optional().describe('Runs of the ensemble (default 10,000; at most 1,000,000).'),
    weeks: z.number().optional().describe("Weeks to simulate (default: the scenario's horizon)."),
    compare: z.tuple([z.string().min(1), z.string().min(1)]).optional().describe('Two variants (or "base") compared run for run; differences are second minus first.'),
    hindcast: z.boolean().optional().describe('Also the out-of-sample check of the launch model against two baselines.'),
    sobol: z.boolean().optional().describe('Also the tornado and the Sobol indices.'),
    tornadoRuns: z.number().optional().describe('Runs per tornado point (default 200).'),
    sobolSamples: z.number().optional().describe('Sobol base samples N (default 64).'),
    sobolRuns: z.number().optional().describe('Runs per Sobol point (default 32).'),
  })
  .describe('Options of a crisis simulation run (docs/simulation.md).');
export type SimulateRunOptions = z.infer<typeof SimulateOptionsSchema>;

function scenarioOf(task: RunTask) {
  if (!task.scenario) throw new InputError('this run kind needs a scenario', { place: '$.scenarioId' });
  return task.scenario;
}

export function checkSimulate(task: RunTask): void {
  const o = SimulateOptionsSchema.parse(task.options);
  try {
    checkSimulateOptions({ runs: o.runs, weeks: o.weeks, seed: task.seed, tornadoRuns: o.tornadoRuns, sobolSamples: o.sobolSamples, sobolRuns: o.sobolRuns });
  } catch (error) {
    if (isInputError(error)) throw error.at(error.place === 'seed' ? '$.seed' : `$.options.${error.place}`);
    throw error;
  }
  if (o.compare && task.variant) throw new InputError('a comparison names its two variants in options.compare; leave the run\'s variant empty', { place: '$.options.compare' });
  const scenario = scenarioOf(task);
  if (o.compare) {
    for (const [i, v] of o.compare.entries()) {
      if (v !== 'base' && !scenario.variants.some((x) => x.id === v)) throw new InputError(`unknown variant "${v}"`, { place: `$.options.compare[${i}]`, expected: ['base', ...scenario.variants.map((x) => x.id)].join(', ') });
    }
  }
  // The crisis section is checked before a run is stored (compiling is quick; simulating is not).
  compileCrisisModel(scenario, { variant: task.variant });
}

export async function executeSimulate(task: RunTask, ctx: ExecContext): Promise<unknown> {
  const o = SimulateOptionsSchema.parse(task.options);
  const weights: Record<string, [number, number]> = o.sobol
    ? { ensemble: [0, 0.3], compare: [0, 0.3], tornado: [0.3, 0.85], sobol: [0.85, 0.98], hindcast: [0.98, 1] }
    : { ensemble: [0, 0.95], compare: [0, 0.95], hindcast: [0.95, 1] };
  const report = await simulateScenario(scenarioOf(task), {
    runs: o.runs,
    weeks: o.weeks,
    seed: task.seed,
    variant: o.compare ? undefined : task.variant,
    compare: o.compare,
    hindcast: o.hindcast,
    sobol: o.sobol,
    tornadoRuns: o.tornadoRuns,
    sobolSamples: o.sobolSamples,
    sobolRuns: o.sobolRuns,
    onProgress: (phase, done, total) => {
      const [a, b] = weights[phase] ?? [0, 1];
      ctx.onProgress(a + (b - a) * (total > 0 ? done / total : 1));
    },
  });
  return report;
}

/** The `deterrence` run kind's uncertainty analysis: the same numbers as the engine's one path, seeded by the run. */
import { describe, expect, it } from 'vitest';
import { analyseDeterrence, prepareDeterrence } from '@brink/engine/deterrence';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile } from '../src/scenario-files';
import { checkDeterrence, executeDeterrence } from '../src/jobs/deterrence';
import type { RunTask } from '../src/jobs/kinds';

describe('deterrence runs: the result over the plausible parameter space', () => {
  it('an uncertainty run gives the engine path\'s numbers, drawn with the run\'s seed unless the options give one', async () => {
    const { scenario } = await loadScenarioFile(DEFAULT_SCENARIO_PATH, {});
    const task: RunTask = { kind: 'deterrence', scenario, variant: null, seed: 42, options: { model: 'radg', analysis: 'uncertainty', uncertainty: { samples: 200 } } };
    checkDeterrence(task);
    const progress: number[] = [];
    const run = executeDeterrence(task, { onProgress: (f) => progress.push(f) }) as { analysis: string; uncertainty: { seed: number; samples: number; holds: number } };
    expect(run.analysis).toBe('uncertainty');
    expect(run.uncertainty.seed).toBe(42);
    const direct = analyseDeterrence(prepareDeterrence(scenario, { model: 'radg' }), { kind: 'uncertainty', samples: 200, seed: 42 });
    expect(direct.kind === 'uncertainty' && direct.uncertainty).toEqual(run.uncertainty);
    expect(progress[progress.length - 1]).toBe(1);
    const seeded = executeDeterrence({ ...task, options: { model: 'radg', analysis: 'uncertainty', uncertainty: { samples: 200, seed: 7 } } }, { onProgress: () => undefined }) as { uncertainty: { seed: number } };
    expect(seeded.uncertainty.seed).toBe(7);
  });

  it('bad sample counts are refused at their option path before a run is stored', async () => {
    const { scenario } = await loadScenarioFile(DEFAULT_SCENARIO_PATH, {});
    const task: RunTask = { kind: 'deterrence', scenario, variant: null, seed: 1, options: { model: 'radg', analysis: 'uncertainty', uncertainty: { samples: 0 } } };
    expect(() => checkDeterrence(task)).toThrow();
  });
});

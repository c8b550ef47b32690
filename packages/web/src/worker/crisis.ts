/**
 * Crisis simulation requests the engine worker answers: the engine's own simulation
 * (@brink/engine/crisis, the same report as `brink simulate --json` and the `simulate` run kind),
 * with sizes fit for a page: fewer runs by default, lighter sensitivity designs.
 */
import { simulateScenario, type SimulateReport } from '@brink/engine/crisis';
import type { Scenario } from '@brink/engine/scenario';
import type { ProgressFn } from './protocol';

export interface SimulateRequest {
  scenario: Scenario;
  variant?: string | null;
  compare?: [string, string] | null;
  runs: number;
  weeks: number;
  seed: number;
  hindcast?: boolean;
  sobol?: boolean;
}

/** Progress is reported in runs over all phases (ensemble, tornado, Sobol). */
export async function simulateRequest(p: SimulateRequest, progress: ProgressFn): Promise<SimulateReport> {
  const phases = p.sobol ? ['ensemble', 'compare', 'tornado', 'sobol'] : ['ensemble', 'compare'];
  const share: Record<string, [number, number]> = p.sobol ? { ensemble: [0, 0.25], compare: [0, 0.25], tornado: [0.25, 0.85], sobol: [0.85, 1] } : { ensemble: [0, 1], compare: [0, 1] };
  return simulateScenario(p.scenario, {
    runs: p.runs,
    weeks: p.weeks,
    seed: p.seed,
    variant: p.compare ? undefined : (p.variant ?? null),
    compare: p.compare ?? undefined,
    hindcast: p.hindcast,
    sobol: p.sobol,
    tornadoRuns: 60,
    sobolSamples: 32,
    sobolRuns: 16,
    onProgress: (phase, done, total) => {
      if (!phases.includes(phase)) return;
      const [a, b] = share[phase]!;
      progress(Math.round(1000 * (a + (b - a) * (total ? done / total : 1))), 1000);
    },
  });
}

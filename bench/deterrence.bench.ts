/**
 * Deterrence benchmark: a 100 x 100 two-parameter map of the Asymmetric Escalation Game
 * (p_HH x p_Ch, every cell solved by the specialised perfect Bayesian solver), plus one engine
 * cross-check (reduced normal form + enumpure + perfect Bayesian selection) for scale, and the
 * result over the plausible parameter space (1,000 seeded draws of every ranged AEG parameter, as
 * `brink deter` and the Deterrence page lead with).
 * No peer tool computes these maps; the baseline is the engine path, per cell.
 */
import type { BenchRow } from './harness';
import { timeIt } from './harness';
import { aeg, deterrenceUncertainty, map2d, verifyAgainstEngine } from '@brink/engine/deterrence';

export default async function (): Promise<BenchRow[]> {
  let regimes = 0;
  const mapMs = await timeIt(() => {
    const m = map2d(aeg, {}, 'p_HH', 'p_Ch', { steps: 100 });
    regimes = m.regimes.length;
  }, 3);
  const engineMs = await timeIt(() => verifyAgainstEngine('aeg', {}), 1);
  const ranges = Object.fromEntries(aeg.parameters.map((p) => [p.name, p.range]));
  let holds = Number.NaN;
  const spreadMs = await timeIt(() => {
    holds = deterrenceUncertainty(aeg, {}, { samples: 1000, seed: 1, ranges }).holds;
  }, 3);
  return [
    {
      area: 'deterrence',
      workload: 'AEG map 100x100 (p_HH x p_Ch)',
      ms: mapMs,
      baseline: { name: 'engine path, one cell x 10,000 (estimated)', ms: engineMs * 10_000, note: 'reduced normal form + enumpure + PBE selection, pure equilibria only' },
      detail: `${regimes} regimes; ${(mapMs / 10_000).toFixed(3)} ms per cell`,
    },
    { area: 'deterrence', workload: 'AEG engine cross-check (one cell)', ms: engineMs },
    { area: 'deterrence', workload: 'AEG over the parameter space (1,000 draws, model ranges)', ms: spreadMs, detail: `deterrence holds at ${(100 * holds).toFixed(1)}% of the draws; ${(spreadMs / 1000).toFixed(3)} ms per draw` },
  ];
}

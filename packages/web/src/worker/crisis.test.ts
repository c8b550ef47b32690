/**
 * The Simulation page's worker request, and its agreement with the Deterrence page: for states of
 * the crisis model, the deterrence decision the simulation takes at the nuclear threshold is the
 * worst equilibrium that the Deterrence page's own worker request shows for the same parameters.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { compileCrisisModel, decideDeterrence, handoffParams } from '@brink/engine/crisis';
import { createRng } from '@brink/engine/random';
import { solveDeterrenceRequest } from './deterrence';
import { simulateRequest } from './crisis';

const raw = import.meta.glob('../../../../scenarios/korean-peninsula-2025-09.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const scenario = validateScenario(parseScenarioText(Object.values(raw)[0]!, 'korean-peninsula-2025-09.yaml'));

describe('the crisis worker request', () => {
  it('returns the engine report (plain data) with progress', async () => {
    const seen: number[] = [];
    const r = await simulateRequest({ scenario, runs: 120, weeks: 20, seed: 1, hindcast: true }, (d, t) => seen.push(d / t));
    expect(structuredClone(r)).toEqual(r);
    expect(r.runs).toBe(120);
    expect(r.hindcast?.months).toHaveLength(40);
    expect(seen.at(-1)).toBe(1);
  });

  it('takes at the nuclear threshold the decision the Deterrence page shows for the same state', () => {
    const model = compileCrisisModel(scenario);
    const h = model.deterrence!;
    const start = new Float64Array(model.nodes.length);
    for (let i = 0; i < model.offsets.calendar; i++) start[i] = model.params[model.initialParam[i]!]!.value;
    const rng = createRng('page-agreement');
    for (let k = 0; k < 12; k++) {
      const x = Float64Array.from(start);
      if (k > 0) {
        x[h.challengerHard] = rng.next();
        x[h.tacticalCredibility] = rng.next();
        x[h.strikeCost] = 0.4 + 0.6 * rng.next();
        x[h.statusQuo] = rng.next();
      }
      const params = handoffParams(h, x, start, 1, 0.2);
      const page = solveDeterrenceRequest({ model: 'aeg', params });
      const sim = decideDeterrence(h, params);
      expect(sim.strike, JSON.stringify(params)).toBeCloseTo(page.worstFailure, 12);
      expect(sim.equilibria).toEqual(page.result.equilibria.map((e) => e.kind));
    }
  });
});

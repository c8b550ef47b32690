import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { bargainingRequest } from './bargaining';

const file = path.resolve(process.cwd(), 'scenarios/korean-peninsula-2025-09.yaml');
const scenario = validateScenario(parseScenarioText(readFileSync(file, 'utf8'), 'korean-peninsula-2025-09.yaml'));

describe('worker bargaining requests', () => {
  it('runs SMP and EUM on each issue: round 0 is the scenario, forecasts lie on the scale, one entry per variant', () => {
    for (const issue of scenario.issues.slice(0, 2)) {
      const out = bargainingRequest({ scenario, issue: issue.id }, () => undefined);
      expect(structuredClone(out)).toEqual(out);
      for (const model of ['smp', 'eum'] as const) {
        const run = out.baseline[model];
        run.actors.forEach((id, i) => {
          const given = issue.positions.find((p) => p.actor === id)!.position.value;
          expect(run.positions[0]![i]).toBeCloseTo(given, 9);
        });
        expect(run.forecast).toBeGreaterThanOrEqual(issue.scale.min);
        expect(run.forecast).toBeLessThanOrEqual(issue.scale.max);
        // Every round keeps every actor on the scale.
        for (const round of run.positions) for (const x of round) expect(x).toBeGreaterThanOrEqual(issue.scale.min - 1e-9);
      }
      // SMP's forecast (KTAB's convention) is one of the final positions.
      const smp = out.baseline.smp;
      expect(smp.positions.at(-1)!.some((x) => Math.abs(x - smp.forecast) < 1e-9)).toBe(true);
      expect(out.variants.map((v) => v.id)).toEqual(scenario.variants.map((v) => v.id));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { bargainingRequest } from './bargaining';

const file = path.resolve(process.cwd(), 'scenarios/korean-peninsula-2025-09.yaml');
const scenario = validateScenario(parseScenarioText(readFileSync(file, 'utf8'), 'korean-peninsula-2025-09.yaml'));

describe('worker bargaining requests', () => {
  it('runs SMP and EUM on an issue: round 0 is the scenario, forecasts and intervals lie on the scale, one entry per variant', () => {
    const issue = scenario.issues[0]!;
    const out = bargainingRequest({ scenario, issue: issue.id }, () => undefined);
    expect(structuredClone(out)).toEqual(out);
    for (const model of ['smp', 'eum'] as const) {
      const run = out.baseline[model];
      run.actors.forEach((a, i) => {
        const given = issue.positions.find((p) => p.actor === a.id)!.position.value;
        expect(run.positions[0]![i]![0]).toBeCloseTo(given, 9);
      });
      expect(run.forecast.value).toBeGreaterThanOrEqual(issue.scale.min);
      expect(run.forecast.value).toBeLessThanOrEqual(issue.scale.max);
      const u = run.uncertainty!;
      expect(u.low).toBeLessThanOrEqual(u.median);
      expect(u.median).toBeLessThanOrEqual(u.high);
      expect(u.low).toBeGreaterThanOrEqual(issue.scale.min);
      expect(u.high).toBeLessThanOrEqual(issue.scale.max);
      for (const round of run.positions) for (const x of round) expect(x[0]).toBeGreaterThanOrEqual(issue.scale.min - 1e-9);
    }
    // SMP's forecast (KTAB's convention) is one of the final positions when no veto constrains it.
    const smp = out.baseline.smp;
    if (!smp.forecast.veto?.binding) expect(smp.final.some((x) => Math.abs(x[0]! - smp.forecast.value) < 1e-9)).toBe(true);
    expect(out.baseline.comparison.eum).toBe(out.baseline.eum.forecast.value);
    expect(out.variants.map((v) => v.id)).toEqual(scenario.variants.map((v) => v.id));
  });
});

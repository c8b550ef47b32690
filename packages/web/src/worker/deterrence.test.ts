import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyVariant, parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { listModelsRequest, setupDeterrenceRequest, solveDeterrenceRequest, sweepRequest, tornadoRequest, mapRequest, uncertaintyRequest } from './deterrence';
import { layoutTree } from '../lib/tree-layout';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const scenarioFile = path.join(repoRoot, 'scenarios/korean-peninsula-2025-09.yaml');

const defaults = (id: string) => Object.fromEntries(listModelsRequest().find((m) => m.id === id)!.parameters.map((p) => [p.name, p.default]));
const noProgress = () => undefined;

describe('worker deterrence requests', () => {
  it('lists models with parameters that are plain data', () => {
    const models = listModelsRequest();
    expect(models.length).toBeGreaterThan(0);
    expect(structuredClone(models)).toEqual(models);
  });

  it('each drawn equilibrium path reaches exactly the outcomes the model reports', () => {
    for (const m of listModelsRequest().filter((x) => x.id !== 'aeg')) {
      const solved = solveDeterrenceRequest({ model: m.id, params: defaults(m.id) });
      expect(structuredClone(solved)).toEqual(solved);
      expect(solved.profiles.some((x) => x !== null), m.id).toBe(true);
      solved.result.equilibria.forEach((eq, k) => {
        const profile = solved.profiles[k];
        if (!profile) return;
        const layout = layoutTree(solved.game, profile);
        const reached: Record<string, number> = {};
        for (const n of layout.nodes) if (n.type === 'terminal' && (n.reach ?? 0) > 1e-12) { const code = n.outcomeLabel!.split(' ')[0]!; reached[code] = (reached[code] ?? 0) + n.reach!; }
        for (const [code, p] of Object.entries(eq.outcomes)) expect(reached[code] ?? 0, `${m.id} ${eq.kind} ${code}`).toBeCloseTo(p, 9);
      });
    }
  });

  it('RADG: the sweep of credibility jumps from failure to success at the threshold c_A it reports', () => {
    const params = defaults('radg');
    const sweep = sweepRequest({ model: 'radg', params, param: 'p_B', range: [0, 1], steps: 51 }, noProgress);
    const cA = sweep.thresholds.find((t) => t.name === 'c_A')!.value;
    sweep.xs.forEach((x, i) => {
      if (x < cA - 1e-9) expect(sweep.worst[i]).toBe(1);
      if (x > cA + 1e-9) expect(sweep.worst[i]).toBe(0);
    });
    const map = mapRequest({ model: 'radg', params, x: 'p_B', y: 'a_SQ', xRange: [0, 1], yRange: [0.1, 0.9], steps: 5 }, noProgress);
    expect(map.worst).toHaveLength(5);
    const tornado = tornadoRequest({ model: 'radg', params, ranges: { p_B: [0, 1], b_DC: [0.2, 0.6] } }, noProgress);
    const swing = (b: { atLow: number; atHigh: number }) => (Number.isFinite(b.atLow) && Number.isFinite(b.atHigh) ? Math.abs(b.atHigh - b.atLow) : 0);
    const swings = tornado.bars.map(swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Credibility from 0 to 1 takes RADG from certain failure to certain success.
    expect(swing(tornado.bars.find((b) => b.param === 'p_B')!)).toBe(1);
  });
});

describe('the web and the CLI on the same scenario', () => {
  const scenario = validateScenario(parseScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFile));

  it.each([null, 'lee-engagement'])('give identical equilibria, outcomes, thresholds and spread over the plausible parameter space for every bound model (variant %s)', (variant) => {
    const args = ['deter', scenarioFile, '--json', '--samples', '300', '--seed', '7', ...(variant ? ['--variant', variant] : [])];
    const cli = JSON.parse(execFileSync(process.execPath, [path.join(repoRoot, 'packages/app/bin/brink.js'), ...args], { encoding: 'utf8' })) as {
      model: string;
      parameters: Record<string, number>;
      equilibria: unknown[];
      thresholds: Record<string, number>;
      uncertainty: { samples: number; holds: number; drivers: unknown[] };
    }[];
    const seen = variant ? applyVariant(scenario, variant) : scenario;
    expect(cli.length).toBeGreaterThan(0);
    for (const fromCli of cli) {
      // The page: the scenario's setup of the model, then a solve of the values it shows on the sliders.
      const setup = setupDeterrenceRequest({ scenario: seen, model: fromCli.model });
      const web = solveDeterrenceRequest({ model: fromCli.model, params: setup.values });
      // The CLI prints floats to 12 significant digits (no float noise): the same rounding here.
      const printed = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v) ? Number(v.toPrecision(12)) : v))) as unknown;
      expect(printed(web.result.parameters), fromCli.model).toEqual(fromCli.parameters);
      expect(printed(web.result.equilibria), fromCli.model).toEqual(fromCli.equilibria);
      expect(printed(web.result.thresholds), fromCli.model).toEqual(fromCli.thresholds);
      // The headline: the same draws, the same shares, quantiles and drivers.
      const spread = uncertaintyRequest({ scenario: seen, model: fromCli.model, params: setup.values, samples: 300, seed: 7 }, noProgress);
      expect(fromCli.uncertainty.samples, fromCli.model).toBe(300);
      expect(printed(spread), fromCli.model).toEqual(fromCli.uncertainty);
    }
  });

  it('the page sees the scenario\'s checks: a binding that breaks an ordering is refused with its JSON path', () => {
    const broken = structuredClone(scenario);
    broken.models.deterrence.aeg!.parameters.c_DD = { value: 0.7, range: [0.36, 0.8], assumption: 'test' };
    expect(() => setupDeterrenceRequest({ scenario: broken, model: 'aeg' })).toThrow(/\$\.models\.deterrence\.aeg\.parameters \(c_DD < c_ED\)/);
  });
});

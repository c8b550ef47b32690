/**
 * `brink deter`: the CLI and its JSON shape, exit code 2 naming the parameter, Gambit export
 * that round-trips, and the default scenario's deterrence analysis (block 4 of the seed).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDeterrenceModel, outcomeKey } from '@brink/engine/deterrence';
import { enginePerfectBayesian, parseEfg } from '@brink/engine/games';
import { brinkInProcess } from './cli-harness';
import { DEFAULT_SCENARIO_PATH, REPO_ROOT } from '../src/scenario-files';

const brink = brinkInProcess;
afterEach(() => {
  process.exitCode = undefined;
});

const dir = mkdtempSync(path.join(tmpdir(), 'brink-deter-'));
function paramsFile(name: string, params: Record<string, unknown>): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(params));
  return file;
}

describe('brink deter --params (no scenario)', () => {
  it('prints the JSON shape: RADG with a_DD = 0, a_SQ = 0.6, a_DC = 1 gives c_A = 0.4, and p_B = 0.3 a demand', async () => {
    const r = await brink('deter', '--model', 'radg', '--params', paramsFile('radg.json', { a_DD: 0, a_SQ: 0.6, a_DC: 1, p_B: 0.3 }), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { model: string; parameters: Record<string, number>; equilibria: { kind: string; outcomes: Record<string, number> }[]; thresholds: Record<string, number> };
    expect(j.model).toBe('radg');
    expect(j.parameters.p_B).toBe(0.3);
    expect(j.thresholds.c_A).toBeCloseTo(0.4, 12);
    expect(j.equilibria).toHaveLength(1);
    expect(j.equilibria[0]!.outcomes.DD).toBeCloseTo(0.3, 12);
    expect(j.equilibria[0]!.outcomes.DC).toBeCloseTo(0.7, 12);
    for (const e of j.equilibria) expect(Object.values(e.outcomes).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it.each([
    ['radg', { a_SQ: 1.2 }, 'a_SQ < a_DC'],
    ['radg', { p_B: 1.5 }, 'p_B'],
    ['radg', { p_X: 0.5 }, 'p_X'],
    ['radg', { p_B: 'high' }, 'p_B'],
    ['aeg', { p_HH: 0.5 }, 'p_HH+p_HS+p_SH+p_SS'],
    ['aeg', { c_DD: 0.9 }, 'c_DD < c_ED'],
  ])('%s with %j: exit 2, nothing on stdout, the message names %s', async (model, params, place) => {
    const r = await brink('deter', '--model', model, '--params', paramsFile(`bad-${model}.json`, params));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(place);
  });

  it('a params file that is not JSON: exit 2 naming file:line:col, not a character position', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{\n  "p_B": 0.5,\n  "a_SQ" 0.6\n}\n');
    const r = await brink('deter', '--model', 'radg', '--params', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:10`);
    expect(r.stderr).not.toMatch(/position/);
  });

  it('an unknown model is bad input (exit 2)', async () => {
    const r = await brink('deter', '--model', 'nope', '--params', paramsFile('x.json', {}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--model');
  });

  it('--help --model aeg documents all 20 parameters', async () => {
    const r = await brink('deter', '--help', '--model', 'aeg');
    expect(r.code).toBe(0);
    for (const p of getDeterrenceModel('aeg').parameters) expect(r.stdout).toContain(p.name);
    expect(getDeterrenceModel('aeg').parameters).toHaveLength(20);
  });

  it('--sweep marks the threshold and the change of equilibrium', async () => {
    const r = await brink('deter', '--model', 'radg', '--params', paramsFile('s.json', { a_DD: 0, a_SQ: 0.6, a_DC: 1 }), '--sweep', 'p_B', '--steps', '11', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { thresholds: { name: string; value: number }[]; transitions: unknown[]; points: unknown[] };
    expect(s.points).toHaveLength(11);
    expect(s.thresholds[0]!.name).toBe('c_A');
    expect(s.transitions.length).toBeGreaterThan(0);
    const text = await brink('deter', '--model', 'radg', '--params', paramsFile('s2.json', {}), '--sweep', 'p_B', '--steps', '11');
    expect(text.stdout).toContain('c_A = 0.4');
  });

  it('--export-efg writes a Gambit file that reads back to a game with the same perfect Bayesian equilibria', async () => {
    const file = path.join(dir, 'aeg.efg');
    const r = await brink('deter', '--model', 'aeg', '--params', paramsFile('e.json', { p_Ch: 1, p_HH: 0, p_HS: 1, p_SH: 0, p_SS: 0 }), '--export-efg', file);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('EFG 2 R')).toBe(true);
    const back = parseEfg(text, 'aeg.efg');
    const built = getDeterrenceModel('aeg').build({ p_Ch: 1, p_HH: 0, p_HS: 1, p_SH: 0, p_SS: 0 });
    expect(back.nodes).toHaveLength(built.nodes.length);
    const keys = (g: typeof built) => [...new Set(enginePerfectBayesian(g, 'refined').map((e) => outcomeKey(e.outcomes)))].sort();
    expect(keys(back)).toEqual(keys(built));
    expect(keys(back)).toEqual(['{"DC":1}']);
  });
});

describe('brink deter on the default scenario (block 4)', () => {
  it('runs every bound model and answers how credible the US threat must be', async () => {
    const r = await brink('deter');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Asymmetric Escalation Game');
    expect(r.stdout).toContain('Block 4');
    expect(r.stdout).toMatch(/p_HH = [0-9.]+ is (below|above) p_HH_min = [0-9.]+/);
  });

  it("the reading comes from the scenario's file (models.deterrence.<id>.reading), not from the code", async () => {
    const scenDir = mkdtempSync(path.join(tmpdir(), 'brink-deter-reading-'));
    mkdirSync(path.join(scenDir, 'scenarios'));
    mkdirSync(path.join(scenDir, 'sources'));
    copyFileSync(path.join(REPO_ROOT, 'sources', '000_8d664b9cd5e9c824.txt'), path.join(scenDir, 'sources', '000_8d664b9cd5e9c824.txt'));
    const text = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');
    const question = 'Block 4: how credible must the US threat be to deter a limited nuclear strike, and where does the scenario sit?';
    expect(text).toContain(question);
    const file = path.join(scenDir, 'scenarios', 'reworded.yaml');
    writeFileSync(file, text.replace(question, 'A reworded question for the escalation game?'));
    const r = await brink('deter', file, '--model', 'aeg', '--samples', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('A reworded question for the escalation game?');
    expect(r.stdout).not.toContain('Block 4: how credible');
  });

  it('--json: one object per model with roles and outcome probabilities summing to 1', async () => {
    const r = await brink('deter', '--json');
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as { model: string; roles?: Record<string, string>; equilibria: { outcomes: Record<string, number> }[] }[];
    const aeg = all.find((m) => m.model === 'aeg')!;
    expect(aeg.roles).toMatchObject({ challenger: 'dprk', defender: 'usa' });
    for (const m of all) for (const e of m.equilibria) expect(Object.values(e.outcomes).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('a scenario value that breaks an ordering: exit 2 naming the JSON path of the parameter', async () => {
    const scenDir = mkdtempSync(path.join(tmpdir(), 'brink-deter-scen-'));
    mkdirSync(path.join(scenDir, 'scenarios'));
    mkdirSync(path.join(scenDir, 'sources'));
    copyFileSync(path.join(REPO_ROOT, 'sources', '000_8d664b9cd5e9c824.txt'), path.join(scenDir, 'sources', '000_8d664b9cd5e9c824.txt'));
    const text = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');
    const at = text.indexOf('\n    aeg:');
    const from = 'c_DD: { value: 0.45, range: [0.36, 0.5],';
    const k = text.indexOf(from, at);
    expect(at).toBeGreaterThan(0);
    expect(k).toBeGreaterThan(at);
    const file = path.join(scenDir, 'scenarios', 'bad.yaml');
    writeFileSync(file, text.slice(0, k) + 'c_DD: { value: 0.7, range: [0.36, 0.8],' + text.slice(k + from.length));
    const r = await brink('deter', file, '--model', 'aeg');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('$.models.deterrence.aeg.parameters');
    expect(r.stderr).toContain('c_DD < c_ED');
  });

  it('both variants change what the AEG sees', async () => {
    const base = JSON.parse((await brink('deter', '--model', 'aeg', '--json')).stdout) as { parameters: Record<string, number> };
    for (const variant of ['yoon-hardline', 'lee-engagement']) {
      const v = JSON.parse((await brink('deter', '--model', 'aeg', '--variant', variant, '--json')).stdout) as { parameters: Record<string, number> };
      expect(v.parameters).not.toEqual(base.parameters);
    }
  });
});

describe('brink deter leads with the result over the plausible parameter space', () => {
  it('each model: the spread and what it turns on first, then the point result; --seed reproduces, --samples 0 skips', async () => {
    const r = await brink('deter', '--model', 'radg', '--samples', '200', '--seed', '9');
    expect(r.code).toBe(0);
    const spread = r.stdout.indexOf('Over the plausible parameter space (200 points');
    const point = r.stdout.indexOf("At the scenario's values (the point result)");
    expect(spread).toBeGreaterThan(0);
    expect(point).toBeGreaterThan(spread);
    expect(r.stdout).toMatch(/Deterrence holds in every equilibrium at \d+%/);
    expect(r.stdout).toMatch(/it turns on/);
    const again = await brink('deter', '--model', 'radg', '--samples', '200', '--seed', '9');
    expect(again.stdout).toBe(r.stdout);
    const none = await brink('deter', '--model', 'radg', '--samples', '0');
    expect(none.stdout).not.toMatch(/plausible parameter space/);
    const json = JSON.parse((await brink('deter', '--model', 'radg', '--samples', '200', '--json')).stdout) as { uncertainty: { samples: number; holds: number; drivers: { parameter: string }[] } };
    expect(json.uncertainty.samples).toBe(200);
    expect(json.uncertainty.drivers.length).toBeGreaterThan(0);
  });

  it('a bad --samples: exit 2 naming the flag', async () => {
    const r = await brink('deter', '--model', 'radg', '--samples', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--samples');
  });
});

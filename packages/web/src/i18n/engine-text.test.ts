/**
 * Every string the deterrence engine can put on the page has a Traditional Chinese entry: model
 * titles, parameter descriptions, equilibrium kinds and threshold meanings, found by solving each
 * model at its defaults, at the default scenario's bound values, and over a grid of one- and
 * two-parameter moves from both; plus every `'… Equilibrium'` literal in the engine's model files
 * (kinds that only appear at knife edges a grid would miss), the solver methods and stop reasons.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import {
  listDeterrenceModels,
  withParameter,
  getDeterrenceModel,
  type DeterrenceModel,
  type DeterrenceResult,
} from '@brink/engine/deterrence';
import { SOLVE_METHODS } from '@brink/engine/games';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { InputError } from '@brink/engine/errors';
import { engineText, equilibriumKinds, gameWords, modelTitles, outcomeNames, parameterDescriptions, stopReasons, thresholdMeanings } from './engine-text';
import { gameToJson } from '@brink/engine/games';

const han = /\p{Script=Han}/u;
const repo = process.cwd();
const scenarioFile = path.join(repo, 'scenarios', 'korean-peninsula-2025-09.yaml');

function scenarioValues(): Record<string, Record<string, number>> {
  const scenario = validateScenario(parseScenarioText(readFileSync(scenarioFile, 'utf8'), path.basename(scenarioFile)), { fileName: path.basename(scenarioFile) });
  const out: Record<string, Record<string, number>> = {};
  for (const [id, binding] of Object.entries(scenario.models.deterrence ?? {})) {
    out[id] = Object.fromEntries(Object.entries(binding?.parameters ?? {}).map(([name, p]) => [name, (p as { value: number }).value]));
  }
  return out;
}

function trySolve(model: DeterrenceModel, params: Record<string, number>): DeterrenceResult | null {
  try {
    return model.solve(params);
  } catch (e) {
    if (e instanceof InputError) return null; // outside the model's orderings
    throw e;
  }
}

/** Solves each model over a grid of points around its defaults and the scenario's values. */
function enumerate() {
  const bound = scenarioValues();
  const kinds = new Map<string, string>(); // kind -> where first seen
  const meanings: { model: string; threshold: string; meaning: string; at: string }[] = [];
  let solves = 0;
  for (const model of listDeterrenceModels()) {
    const defaults = Object.fromEntries(model.parameters.map((p) => [p.name, p.default]));
    const bases = [defaults, ...(bound[model.id] ? [{ ...defaults, ...bound[model.id] }] : [])];
    const record = (r: DeterrenceResult | null, at: Record<string, number>) => {
      solves++;
      if (!r) return;
      for (const e of r.equilibria) if (!kinds.has(e.kind)) kinds.set(e.kind, `${model.id} ${JSON.stringify(at)}`);
      for (const s of r.sides) meanings.push({ model: model.id, threshold: s.threshold, meaning: s.meaning, at: JSON.stringify(at) });
    };
    const steps = [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1];
    const probabilities = model.parameters.filter((p) => p.kind === 'probability');
    for (const base of bases) {
      record(trySolve(model, base), base);
      for (const p of model.parameters) {
        for (const f of steps) {
          const at = withParameter(model, base, p.name, p.range[0] + (p.range[1] - p.range[0]) * f);
          record(trySolve(model, at), at);
        }
      }
      // Pairs of probabilities (the credibility parameters that switch equilibria) on a coarse grid.
      for (let i = 0; i < probabilities.length; i++) {
        for (let j = i + 1; j < probabilities.length; j++) {
          for (const fx of steps) {
            for (const fy of steps) {
              const x = probabilities[i]!;
              const y = probabilities[j]!;
              const at = withParameter(model, withParameter(model, base, x.name, x.range[0] + (x.range[1] - x.range[0]) * fx), y.name, y.range[0] + (y.range[1] - y.range[0]) * fy);
              record(trySolve(model, at), at);
            }
          }
        }
      }
    }
  }
  return { kinds, meanings, solves };
}

const found = enumerate();

describe('Traditional Chinese for the text the deterrence engine produces', () => {
  it('the grid reaches many of the engine strings (the enumeration is not vacuous)', () => {
    expect(found.solves).toBeGreaterThan(500);
    expect(found.kinds.size).toBeGreaterThanOrEqual(10);
    expect(new Set(found.meanings.map((m) => m.meaning)).size).toBeGreaterThanOrEqual(20);
  });

  it('every model title and parameter description has an entry, and no entry is stale', () => {
    const models = listDeterrenceModels();
    for (const m of models) {
      expect(han.test(modelTitles[m.id] ?? ''), `title of ${m.id}`).toBe(true);
      for (const p of m.parameters) expect(han.test(parameterDescriptions[m.id]?.[p.name] ?? ''), `${m.id}.${p.name}`).toBe(true);
      expect(Object.keys(parameterDescriptions[m.id] ?? {}).sort(), m.id).toEqual(m.parameters.map((p) => p.name).sort());
      for (const code of m.outcomes) expect(han.test(outcomeNames[m.id]?.[code]?.['zh-Hant'] ?? ''), `outcome ${m.id}.${code}`).toBe(true);
    }
    expect(Object.keys(modelTitles).sort()).toEqual(models.map((m) => m.id).sort());
  });

  it('every equilibrium kind reached by solving has an entry', () => {
    const missing = [...found.kinds].filter(([kind]) => !han.test(equilibriumKinds[kind] ?? '')).map(([kind, at]) => `${kind} (at ${at})`);
    expect(missing).toEqual([]);
  });

  it("every '… Equilibrium' name written in the engine's model files has an entry", () => {
    const dir = path.join(repo, 'packages', 'engine', 'src', 'deterrence');
    const literals = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      // Code only: block and line comments name equilibria of the papers the models do not report.
      const code = readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(/(['"`])([A-Z][A-Za-z() -]*Equilibrium(?: \([^)'"`]*\))?)\1/g)) literals.add(m[2]!);
    }
    expect(literals.size).toBeGreaterThanOrEqual(10);
    expect([...literals].filter((k) => !equilibriumKinds[k])).toEqual([]);
  });

  it('every threshold meaning reached by solving has an entry under its model and threshold', () => {
    const missing = new Set(found.meanings.filter((m) => !han.test(thresholdMeanings[m.model]?.[m.threshold]?.[m.meaning] ?? '')).map((m) => `${m.model}.${m.threshold}: "${m.meaning}" (at ${m.at})`));
    expect([...missing]).toEqual([]);
  });

  it("the game trees' players, chance labels and worded actions have entries", () => {
    const missing = new Set<string>();
    for (const m of listDeterrenceModels()) {
      const g = gameToJson(m.build({})) as { players: string[]; nodes: { type: string; label?: string }[]; infosets: { player: number; label?: string; actions: string[] }[] };
      for (const p of g.players) if (p.length > 1 && !gameWords[p]) missing.add(`${m.id} player ${p}`);
      // Chance moves are named by their information set (node labels stay empty for Gambit 17).
      const chanceSets = g.infosets.filter((s) => s.player === -1) as { label?: string }[];
      for (const s of chanceSets) if (s.label && !gameWords[s.label]) missing.add(`${m.id} chance ${s.label}`);
      // Type pairs written in words (Resolved/Resolute) have an entry for each word.
      for (const s of g.infosets) for (const a of s.actions) if (a.includes('/') && /^[A-Z][a-z]+\/[A-Z][a-z]+$/.test(a)) for (const w of a.split('/')) if (!gameWords[w]) missing.add(`${m.id} action word ${w}`);
      // Worded actions (paper codes such as C, D, E, N, T or type pairs like ChH/DefS stay as written).
      for (const s of g.infosets) for (const a of s.actions) if (/^[A-Za-z][a-z]+( [a-z]+)*$|^[A-Z][a-z]+[A-Z][a-z]+$/.test(a) && !gameWords[a]) missing.add(`${m.id} action ${a}`);
    }
    expect([...missing]).toEqual([]);
  });

  it('every game-solver method and bargaining stop reason has an entry', () => {
    for (const id of SOLVE_METHODS) expect(han.test(engineText('zh-Hant').method(id)), id).toBe(true);
    for (const id of ['converged', 'median-stable', 'max-rounds', 'no-spread', 'maxTurns', 'cancelled']) expect(han.test(stopReasons[id]?.['zh-Hant'] ?? ''), id).toBe(true);
  });

  it('the Chinese summary is composed from the result, with no English sentence left', () => {
    const zh = engineText('zh-Hant');
    for (const m of listDeterrenceModels()) {
      const r = getDeterrenceModel(m.id).solve({});
      const text = zh.summary(r, 0.25);
      expect(han.test(text), m.id).toBe(true);
      expect(text, m.id).not.toMatch(/[A-Za-z]{3,}/);
      expect(text).toContain('0.25');
      expect(engineText('en').summary(r, 0.25)).toBe(r.summary);
    }
    expect(zh.regime('Deterrence Equilibrium + Bluff Equilibrium')).toBe('嚇阻均衡＋虛張聲勢均衡');
  });
});

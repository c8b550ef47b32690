/**
 * `brink deter`: the deterrence models (engine: packages/engine/src/deterrence), fed by a
 * scenario's `models.deterrence` section or by explicit parameters, with sweeps, maps, tornadoes
 * and Gambit export. Answers the seed's block-4 question: how credible must the US threat be, and
 * where does the scenario sit.
 */
import type { Command } from 'commander';
import { InputError } from '@brink/engine/errors';
import {
  analyseDeterrence,
  failureProbability,
  getDeterrenceModel,
  listDeterrenceModels,
  prepareDeterrence,
  scenarioDeterrenceModels,
  type DeterrenceAnalysisSpec,
  type DeterrenceModel,
  type DeterrenceResult,
  type DeterrenceSetup,
  type MapResult,
  type PlaceOf,
  type SweepResult,
  type DeterrenceTornadoResult,
  type DeterrenceUncertainty,
  DEFAULT_UNCERTAINTY_SAMPLES,
} from '@brink/engine/deterrence';
import { writeEfg } from '@brink/engine/games';
import { type Scenario } from '@brink/engine/scenario';
import { action } from '../run';
import { toJsonText } from '../json-output';
import { parseJsonFile, readTextFile, writeTextFile } from '../../input-files';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile } from '../../scenario-files';

interface DeterCliOptions {
  model?: string;
  variant?: string;
  json?: boolean;
  sweep?: string;
  steps?: string;
  map?: string;
  tornado?: boolean;
  exportEfg?: string;
  params?: string;
  samples?: string;
  seed?: string;
}

const f = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x));
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

/** The JSON shape of one model's result (docs/deterrence.md), plus readable extras. */
export function resultToJson(res: DeterrenceResult, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: res.model,
    title: res.title,
    ...extra,
    parameters: res.parameters,
    equilibria: res.equilibria.map((e) => ({ kind: e.kind, outcomes: e.outcomes, strategies: e.strategies, ...(e.beliefs ? { beliefs: e.beliefs } : {}), ...(e.note ? { note: e.note } : {}), ...(e.fallback ? { fallback: true } : {}) })),
    thresholds: res.thresholds,
    sides: res.sides,
    complete: res.complete,
    summary: res.summary,
  };
}

const GROUNDS: Record<string, string> = {
  states: 'stated by the source',
  implies: 'implied by the source, magnitude assumed',
  context: 'source gives context only',
  cited: 'cited',
  assumed: 'assumed',
  default: "model's default range",
};

/** The result over the plausible parameter space: the headline, before the point result. */
function describeUncertainty(u: DeterrenceUncertainty): string[] {
  const lines: string[] = [];
  lines.push(`  Over the plausible parameter space (${u.samples} points drawn from the ranges, seed ${u.seed}):`);
  lines.push(`    ${u.summary}`);
  lines.push(`    deterrence holds in every equilibrium: ${pct(u.holds)} of the points (±${pct(u.holdsMargin)}); fails whatever the equilibrium: ${pct(u.failsSurely)}`);
  lines.push(`    worst-case probability that it fails: median ${f(u.worst.p50)}, 90% of the points in [${f(u.worst.p05)}, ${f(u.worst.p95)}], mean ${f(u.worst.mean)}`);
  if (u.drivers.length) {
    lines.push(`    it turns on (share of the spread each explains alone; where the value comes from):`);
    for (const d of u.drivers.slice(0, 5)) {
      lines.push(`      ${d.parameter.padEnd(12)} ${pct(d.eta2).padStart(6)}  ${d.rho < 0 ? 'higher is safer ' : 'higher is riskier'}  range [${f(d.range[0])}, ${f(d.range[1])}]  ${GROUNDS[d.grounds] ?? d.grounds}`);
    }
  } else lines.push('    no single parameter explains much of the spread');
  return lines;
}

function describeModelResult(
  model: DeterrenceModel,
  res: DeterrenceResult,
  roles?: Readonly<Record<string, string>>,
  actorName?: (id: string) => string,
  uncertainty?: DeterrenceUncertainty,
): string {
  const lines: string[] = [];
  lines.push(`${res.title} [${model.id}]`);
  lines.push(`  source: ${model.source}`);
  if (roles && Object.keys(roles).length) {
    lines.push(`  roles: ${Object.entries(roles).map(([r, a]) => `${r} = ${actorName ? actorName(a) : a}`).join(', ')}`);
  }
  if (uncertainty) {
    lines.push(...describeUncertainty(uncertainty));
    lines.push(`  At the ${roles && Object.keys(roles).length ? "scenario's" : 'given'} values (the point result):`);
  }
  const codes = model.outcomes;
  lines.push(`  equilibria (probability of each outcome on the path):`);
  if (res.equilibria.length === 0) lines.push('    none found');
  const width = Math.max(12, ...res.equilibria.map((e) => e.kind.length));
  lines.push(`    ${'kind'.padEnd(width)}  ${codes.map((c) => c.padStart(6)).join(' ')}`);
  for (const e of res.equilibria) {
    lines.push(`    ${e.kind.padEnd(width)}  ${codes.map((c) => (e.outcomes[c] === undefined ? '-' : f(e.outcomes[c]!)).padStart(6)).join(' ')}`);
    if (e.note) lines.push(`    ${''.padEnd(width)}  (${e.note})`);
  }
  if (res.sides.length) {
    lines.push(`  thresholds:`);
    for (const s of res.sides) lines.push(`    ${s.compared} = ${f(s.value)} is ${s.side} ${s.threshold} = ${f(s.thresholdValue)}: ${s.meaning}`);
  }
  const others = Object.entries(res.thresholds).filter(([k]) => !res.sides.some((s) => s.threshold === k));
  if (others.length) lines.push(`  other thresholds: ${others.map(([k, v]) => `${k} = ${f(v)}`).join(', ')}`);
  lines.push(`  ${res.summary}`);
  return lines.join('\n');
}

/**
 * The scenario's own reading of each model it binds (`models.deterrence.<id>.reading`): the
 * question the source puts, the outcomes in the scenario's words (with their largest probability
 * over the equilibria), and the scenario's conclusion for "deterrence holds in every equilibrium"
 * or "it can fail". Nothing here is specific to one scenario.
 */
function scenarioReadings(scenario: Scenario | null, results: Map<string, { model: DeterrenceModel; result: DeterrenceResult }>): string[] {
  const lines: string[] = [];
  for (const [id, { model, result }] of results) {
    const reading = scenario?.models.deterrence[id]?.reading;
    if (!reading) continue;
    if (lines.length) lines.push('');
    lines.push(`${reading.question.en}`);
    lines.push(`  ${model.title} [${id}] (its thresholds are above):`);
    const named = Object.entries(reading.outcomes ?? {});
    if (named.length) {
      const upTo = named
        .map(([code, words]) => [words.en, Math.max(0, ...result.equilibria.map((e) => e.outcomes[code] ?? 0))] as const)
        .filter(([, p]) => p > 0)
        .map(([words, p]) => `${words} up to ${pct(p)}`);
      if (upTo.length) lines.push(`    On the equilibrium paths: ${upTo.join('; ')}.`);
    }
    if (reading.conclusion && result.equilibria.length) {
      const holds = result.equilibria.every((e) => failureProbability(model, e) === 0);
      lines.push(`    Reading: ${holds ? reading.conclusion.holds.en : reading.conclusion.fails.en}`);
    }
  }
  return lines;
}

function describeSweep(model: DeterrenceModel, s: SweepResult): string {
  const lines = [`${model.title}: sweep of ${s.parameter} over [${f(s.range[0])}, ${f(s.range[1])}] (worst-case equilibrium shown)`];
  const codes = model.outcomes;
  lines.push(`  ${s.parameter.padStart(10)}  ${codes.map((c) => c.padStart(6)).join(' ')}  failure  equilibria`);
  const marked = new Set<string>();
  for (const pt of s.points) {
    for (const t of s.thresholds) {
      if (!marked.has(t.name) && t.value <= pt.value) {
        lines.push(`  ${'-'.repeat(10)}  ${t.name} = ${f(t.value)}`);
        marked.add(t.name);
      }
    }
    if (pt.invalid) {
      lines.push(`  ${f(pt.value).padStart(10)}  invalid: ${pt.invalid}`);
      continue;
    }
    let worst = 0;
    pt.outcomes.forEach((o, k) => {
      const fail = 1 - model.successOutcomes.reduce((t, c) => t + (o[c] ?? 0), 0);
      const best = 1 - model.successOutcomes.reduce((t, c) => t + (pt.outcomes[worst]![c] ?? 0), 0);
      if (fail > best) worst = k;
    });
    const o = pt.outcomes[worst] ?? {};
    lines.push(`  ${f(pt.value).padStart(10)}  ${codes.map((c) => (o[c] === undefined ? '-' : f(o[c]!)).padStart(6)).join(' ')}  ${pct(pt.failure).padStart(7)}  ${pt.kinds.join(' + ') || 'none'}`);
  }
  for (const t of s.thresholds) if (!marked.has(t.name)) lines.push(`  (${t.name} = ${f(t.value)} lies outside the range)`);
  if (s.transitions.length) {
    lines.push('  changes of equilibrium:');
    for (const t of s.transitions) lines.push(`    between ${f(t.between[0])} and ${f(t.between[1])}: ${t.from} -> ${t.to}`);
  }
  return lines.join('\n') + '\n';
}

const SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function describeMap(model: DeterrenceModel, m: MapResult): string {
  const [p1, p2] = m.parameters;
  const lines = [`${model.title}: equilibria over ${p1} (across) x ${p2} (down)`];
  for (let j = m.ys.length - 1; j >= 0; j--) {
    const row = m.regime[j]!.map((r) => (r < 0 ? '.' : SYMBOLS[r % SYMBOLS.length]!)).join('');
    lines.push(`  ${f(m.ys[j]!).padStart(8)} |${row}`);
  }
  lines.push(`  ${''.padStart(8)} +${'-'.repeat(m.xs.length)}`);
  lines.push(`  ${''.padStart(8)}  ${f(m.xs[0]!)} .. ${f(m.xs[m.xs.length - 1]!)}`);
  lines.push('  legend:');
  m.regimes.forEach((r, k) => lines.push(`    ${SYMBOLS[k % SYMBOLS.length]} = ${r}`));
  if (m.regime.some((row) => row.includes(-1))) lines.push('    . = parameters outside the model');
  return lines.join('\n') + '\n';
}

function describeTornado(model: DeterrenceModel, t: DeterrenceTornadoResult): string {
  const lines = [`${model.title}: tornado (worst-case probability that deterrence fails; base ${pct(t.baseFailure)})`];
  const w = Math.max(...t.bars.map((b) => b.parameter.length), 9);
  for (const b of t.bars) {
    const bar = '#'.repeat(Math.round(b.swing * 40));
    lines.push(`  ${b.parameter.padEnd(w)}  [${f(b.low)}, ${f(b.high)}]  ${pct(b.failureAtLow).padStart(6)} -> ${pct(b.failureAtHigh).padStart(6)}  ${bar}${b.invalid ? `  (invalid end: ${b.invalid})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

async function readParamsFile(file: string): Promise<Record<string, number>> {
  const text = await readTextFile(file, 'parameters file');
  const data = parseJsonFile(text, file);
  const obj = data && typeof data === 'object' && !Array.isArray(data) && 'parameters' in (data as object) ? (data as { parameters: unknown }).parameters : data;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new InputError('expected a JSON object of parameters', { place: file });
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`expected a number, got ${JSON.stringify(v)}`, { place: `${file} (${k})` });
    out[k] = v;
  }
  return out;
}

function parseSteps(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2 || n > 1000) throw new InputError(`--steps must be an integer in [2, 1000], not ${JSON.stringify(text)}`, { place: '--steps' });
  return n;
}

function modelHelp(id: string | undefined): string {
  if (!id) {
    return `
Models (--model NAME; parameters: brink deter --help --model NAME):
${listDeterrenceModels()
  .map((m) => `  ${m.id.padEnd(13)} ${m.title} (${m.source})`)
  .join('\n')}

Output: each model's equilibria (kind as named in the paper) with the probability of each outcome
on the equilibrium path, the thresholds and the side of each the parameters sit on. --json prints
{"model", "parameters", "equilibria": [{"kind", "outcomes": {"SQ": p, ...}}], "thresholds": {...}}
(one object with --model or --params, else an array).

Exit codes: 0 ok, 2 bad input (unknown model or parameter, violated ordering, probability outside
[0, 1] or not summing to 1: the message names the parameter), 1 internal error.
Examples:
  brink deter                                   # the default scenario, every bound model
  brink deter scenarios/korean-peninsula-2025-09.yaml --model aeg --variant lee-engagement
  brink deter --model aeg --sweep p_HH --steps 21
  brink deter --model aeg --map p_HH,p_Ch --steps 40
  brink deter --model aeg --tornado
  brink deter --model radg --params radg.json --json
  brink deter --model aeg --export-efg aeg.efg`;
  }
  let m: DeterrenceModel;
  try {
    m = getDeterrenceModel(id);
  } catch {
    return `\nUnknown model ${JSON.stringify(id)}; models: ${listDeterrenceModels().map((x) => x.id).join(', ')}`;
  }
  const w = Math.max(...m.parameters.map((p) => p.name.length));
  return `
${m.title} [${m.id}]
  source: ${m.source}
  players: ${m.players.join(', ')}; roles: ${m.roles.join(', ')}; outcomes: ${m.outcomes.join(' ')}
  assumed orderings: ${m.orderings.map(([a, b]) => `${a} < ${b}`).join(', ')}
Parameters (name, default, range varied by --sweep/--map/--tornado, meaning):
${m.parameters.map((p) => `  ${p.name.padEnd(w)}  ${String(p.default).padStart(6)}  [${p.range[0]}, ${p.range[1]}]  ${p.description}${p.kind === 'probability' ? ' (in [0, 1])' : ''}`).join('\n')}
Example --params file: ${JSON.stringify(Object.fromEntries(m.parameters.map((p) => [p.name, p.default])))}`;
}

export function registerDeterCommand(program: Command): void {
  program
    .command('deter')
    .description('Deterrence models (Zagare & Kilgour, Schelling, Powell, Fearon): equilibria, credibility thresholds, sensitivity')
    .argument('[scenario]', `scenario file (default: ${DEFAULT_SCENARIO_PATH.replace(/.*\/scenarios\//, 'scenarios/')}; not read with --params)`)
    .option('--model <name>', `one model: ${listDeterrenceModels().map((m) => m.id).join(', ')}`)
    .option('--variant <id>', 'apply a scenario variant first (e.g. yoon-hardline, lee-engagement)')
    .option('--params <file.json>', 'run the model on explicit parameters (a JSON object name -> number) instead of a scenario')
    .option('--json', 'print JSON')
    .option('--sweep <param>', 'one-parameter sweep over the parameter\'s range (needs --model)')
    .option('--steps <n>', 'points per axis for --sweep (default 21) and --map (default 41)')
    .option('--map <p1,p2>', 'two-parameter map of the equilibria (needs --model)')
    .option('--tornado', 'tornado over every ranged parameter (needs --model)')
    .option('--export-efg <file>', 'write the built game in Gambit .efg format (needs --model)')
    .option('--samples <n>', `points drawn from the parameters' ranges for the result over the plausible parameter space (default ${DEFAULT_UNCERTAINTY_SAMPLES}; 0: point result only)`)
    .option('--seed <s>', 'seed of those draws (default 1)')
    .addHelpText('after', (ctx) => modelHelp((ctx.command.opts() as DeterCliOptions).model))
    .action(
      action(async (scenarioArg: string | undefined, opts: DeterCliOptions) => {
        const needModel = (what: string): void => {
          if (!opts.model) throw new InputError(`${what} needs --model NAME`, { place: '--model', expected: listDeterrenceModels().map((m) => m.id).join(', ') });
        };
        if (opts.params && scenarioArg) throw new InputError('give either a scenario or --params, not both', { place: '--params' });
        if (opts.params && opts.variant) throw new InputError('--variant applies to a scenario, not to --params', { place: '--variant' });

        // Request fields as the user wrote them: a flag, or a name in the --params file.
        const placeOf: PlaceOf = (field) => {
          if (field === 'model') return '--model';
          if (field.startsWith('sweep.')) return '--sweep';
          if (field.startsWith('map.')) return '--map';
          if (field.startsWith('uncertainty.')) return '--samples';
          if (opts.params && field.startsWith('parameters')) return field === 'parameters' ? opts.params : `${opts.params} (${field.slice('parameters.'.length)})`;
          return field;
        };

        // The scenario, or the explicit parameters, the analyses run on.
        let scenario: Scenario | null = null;
        let explicit: Record<string, number> | undefined;
        if (opts.params) {
          needModel('--params');
          explicit = await readParamsFile(opts.params);
        } else {
          scenario = (await loadScenarioFile(scenarioArg ?? DEFAULT_SCENARIO_PATH, opts.variant !== undefined ? { variant: opts.variant } : {})).scenario;
        }
        const setupFor = (model: string | undefined): DeterrenceSetup => prepareDeterrence(explicit ? null : scenario, { model, parameters: explicit }, placeOf);
        const actorName = (id: string): string => {
          const names = scenario?.actors.find((x) => x.id === id)?.names;
          return names?.en ? `${names.en} (${id})` : id;
        };

        if (opts.exportEfg) {
          needModel('--export-efg');
          const setup = setupFor(opts.model);
          const game = setup.model.build(setup.params);
          await writeTextFile(opts.exportEfg, writeEfg(game), '--export-efg file');
          if (!opts.sweep && !opts.map && !opts.tornado) {
            process.stdout.write(opts.json ? JSON.stringify({ model: setup.model.id, efg: opts.exportEfg, nodes: game.nodes.length }) + '\n' : `wrote ${opts.exportEfg} (${game.nodes.length} nodes)\n`);
            return;
          }
        }
        const sensitivity: DeterrenceAnalysisSpec | null = opts.sweep
          ? (needModel('--sweep'), { kind: 'sweep', parameter: opts.sweep, steps: parseSteps(opts.steps, 21) })
          : opts.map
            ? (needModel('--map'), mapSpec(opts.map, parseSteps(opts.steps, 41)))
            : opts.tornado
              ? (needModel('--tornado'), { kind: 'tornado' })
              : null;
        if (sensitivity) {
          const setup = setupFor(opts.model);
          const out = analyseDeterrence(setup, sensitivity, {}, placeOf);
          if (out.kind === 'sweep') process.stdout.write(opts.json ? toJsonText(out.sweep) + '\n' : describeSweep(setup.model, out.sweep));
          else if (out.kind === 'map') process.stdout.write(opts.json ? toJsonText(out.map) + '\n' : describeMap(setup.model, out.map));
          else if (out.kind === 'tornado') process.stdout.write(opts.json ? toJsonText(out.tornado) + '\n' : describeTornado(setup.model, out.tornado));
          return;
        }

        // Equilibria and thresholds of one model, or of every model the scenario binds.
        const ids = opts.model ? [opts.model] : scenario ? scenarioDeterrenceModels(scenario) : [];
        if (ids.length === 0) throw new InputError('the scenario binds no deterrence model (models.deterrence is empty); pick one with --model', { place: '$.models.deterrence' });
        const samples = parseSamples(opts.samples);
        const seed = opts.seed === undefined ? 1 : /^-?\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
        const results = new Map<string, { model: DeterrenceModel; result: DeterrenceResult }>();
        const jsonOut: Record<string, unknown>[] = [];
        const text: string[] = [];
        for (const id of ids) {
          const setup = setupFor(id);
          const out = analyseDeterrence(setup, { kind: 'solve' });
          if (out.kind !== 'solve') continue;
          // The result over the plausible parameter space leads; the point result follows.
          const spread = samples > 0 ? analyseDeterrence(setup, { kind: 'uncertainty', samples, seed }, {}, placeOf) : null;
          const uncertainty = spread?.kind === 'uncertainty' ? spread.uncertainty : undefined;
          const roles = setup.bound ? setup.roles : undefined;
          results.set(setup.model.id, { model: setup.model, result: out.result });
          jsonOut.push(resultToJson(out.result, { ...(roles ? { roles } : {}), ...(uncertainty ? { uncertainty } : {}) }));
          text.push(describeModelResult(setup.model, out.result, roles, actorName, uncertainty));
        }
        if (opts.json) {
          process.stdout.write(toJsonText(opts.model || explicit ? jsonOut[0] : jsonOut) + '\n');
          return;
        }
        const head = scenario ? `Scenario ${scenario.id}${opts.variant ? ` [variant ${opts.variant}]` : ''}\n\n` : '';
        const answer = scenarioReadings(scenario, results);
        process.stdout.write(head + text.join('\n\n') + '\n' + (answer.length ? '\n' + answer.join('\n') + '\n' : ''));
      }),
    );
}

function parseSamples(text: string | undefined): number {
  if (text === undefined) return DEFAULT_UNCERTAINTY_SAMPLES;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new InputError(`expected a whole number of samples from 0 to 1000000, got ${JSON.stringify(text)}`, { place: '--samples' });
  return n;
}

function mapSpec(text: string, steps: number): DeterrenceAnalysisSpec {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InputError(`expected two parameter names separated by a comma, got ${JSON.stringify(text)}`, { place: '--map' });
  return { kind: 'map', x: parts[0], y: parts[1], steps };
}

/**
 * `brink forecast`: negotiation forecasts with the expected-utility model (EUM, Bueno de Mesquita as
 * reconstructed by Scholz, Calbert & Smith 2011) or KTAB's Spatial Model of Politics (SMP).
 *
 *   brink forecast FILE [--model smp|eum] [--issue ID] [--variant V[,V...]|all] [--seed S]
 *                       [--ensemble N] [--tornado] [--json]
 *
 * FILE is a scenario (YAML/JSON; all its issues, or --issue) or a KTAB SMP CSV (every dimension).
 * Readable output: positions by round in the issue's own units, a sparkline per actor, the
 * forecast with the nearest anchor label, and for the EUM who challenged whom and why.
 * --json: the KTAB conformance format (turns, positions [turn][actor][dim], final, forecast) — per
 * issue for scenarios — plus, for the EUM, the rounds with their explanations.
 * Bad input: exit 2 naming the place (file:row:col for CSV, JSON path for scenarios).
 */
import path from 'node:path';
import type { Command } from 'commander';
import {
  analyseIssue,
  DEFAULT_EUM_OPTIONS,
  DEFAULT_UNCERTAINTY_RUNS,
  EUM_PRESETS,
  type ForecastComparison,
  effectiveEumOptions,
  forecastIssue,
  formatNumber,
  formatValue,
  type ForecastModel,
  type IssueForecast,
  type IssueForecastOptions,
  explainEum,
  parseKtabCsv,
  runEumOnKtabInput,
  runSmp,
  scenarioIssueInputs,
  type EumOptions,
  type RoundExplanation,
  type SmpInput,
} from '@brink/engine/bargaining';
import { InputError } from '@brink/engine/errors';
import { listVariants } from '@brink/engine/scenario';
import { action } from '../run';
import { toJsonText } from '../json-output';
import { readTextFile } from '../../input-files';
import { loadScenarioFile } from '../../scenario-files';

export interface ForecastCliOptions extends IssueForecastOptions {
  /** One model, or 'both' (side by side with the comparison). */
  model?: ForecastModel | 'both';
  issue?: string;
  /** Variant ids; 'all' = the base scenario and every variant. */
  variants?: string[];
}

export { forecastIssue, issueForecaster, formatValue, type ForecastModel, type IssueForecast } from '@brink/engine/bargaining';

/** Parses `--eum key=value` pairs against the EUM's option names and types. */
export function parseEumOptions(pairs: readonly string[]): Partial<EumOptions> {
  const out: Record<string, unknown> = {};
  const defaults = DEFAULT_EUM_OPTIONS as unknown as Record<string, unknown>;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq) : pair;
    const raw = eq > 0 ? pair.slice(eq + 1) : '';
    if (key === 'preset') {
      const preset = (EUM_PRESETS as Record<string, Partial<EumOptions>>)[raw];
      if (!preset) throw new InputError(`unknown EUM preset ${JSON.stringify(raw)}`, { place: '--eum preset', expected: Object.keys(EUM_PRESETS).join(', ') });
      Object.assign(out, preset);
      continue;
    }
    if (!(key in defaults)) throw new InputError(`unknown EUM option "${key}" (options: ${Object.keys(defaults).join(', ')})`, { place: '--eum' });
    const kind = typeof defaults[key];
    if (kind === 'number') {
      const x = Number(raw);
      if (raw === '' || !Number.isFinite(x)) throw new InputError(`EUM option ${key} needs a number, got ${JSON.stringify(raw)}`, { place: `--eum ${key}` });
      out[key] = x;
    } else if (kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new InputError(`EUM option ${key} needs true or false, got ${JSON.stringify(raw)}`, { place: `--eum ${key}` });
      out[key] = raw === 'true';
    } else {
      out[key] = raw;
    }
  }
  return out as Partial<EumOptions>;
}

export interface ScenarioForecastReport {
  kind: 'scenario';
  file: string;
  scenario: string;
  model: ForecastModel | 'both';
  seed: string | number;
  issues: IssueForecast[];
  /** With model 'both': per issue and variant, why SMP and EUM differ. */
  comparisons?: (ForecastComparison & { issue: string; variant: string | null })[];
}

export interface KtabForecastReport {
  kind: 'ktab';
  input: string;
  model: ForecastModel;
  scale: '0..100';
  turns: number;
  states: number;
  numActors: number;
  numDims: number;
  actors: string[];
  dims: string[];
  positions: number[][][];
  final: number[][];
  forecast: Record<string, unknown>;
  rounds?: { dim: string; rounds: RoundExplanation[] }[];
}

export type ForecastReport = ScenarioForecastReport | KtabForecastReport;

const SMP_FORECAST_NOTE = 'the SMP forecast is the final position of the actor most likely to prevail (KTAB convention)';

function isCsv(file: string): boolean {
  return path.extname(file).toLowerCase() === '.csv';
}

/** Forecasts for a scenario or KTAB CSV file. */
export async function forecastFile(file: string, opts: ForecastCliOptions = {}): Promise<ForecastReport> {
  if (isCsv(file)) {
    if (opts.model === 'both') throw new InputError('both models side by side apply to scenario files; pick eum or smp for KTAB CSV input', { place: 'model', expected: 'eum or smp' });
    return forecastKtabFile(file, { ...opts, model: opts.model });
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.efg' || ext === '.nfg') {
    throw new InputError(`${path.basename(file)} is a game file (Gambit ${ext}); forecast reads a scenario (YAML/JSON with issues) or a KTAB CSV file, and \`brink solve\` reads game files`, { place: file, expected: 'a scenario or a KTAB CSV file' });
  }
  const first = await loadScenarioFile(file).catch((error: unknown) => {
    // A file that parses to a string, a number or a list is not a scenario at all: say so plainly.
    if (error instanceof InputError && /^invalid scenario: \$: expected object/.test(error.reason)) {
      throw new InputError(`${path.basename(file)} is not a scenario: its top level is not a mapping of fields (title, actors, issues, ...)`, { place: file, expected: 'a scenario (YAML/JSON object) or a KTAB CSV file', cause: error });
    }
    throw error;
  });
  let variants: (string | null)[] = [null];
  if (opts.variants && opts.variants.length > 0) {
    variants = opts.variants.includes('all') ? [null, ...listVariants(first.base).map((v) => v.id)] : opts.variants;
  }
  const model = opts.model ?? 'eum';
  const issues: IssueForecast[] = [];
  const comparisons: NonNullable<ScenarioForecastReport['comparisons']> = [];
  for (const variant of variants) {
    const loaded = variant === null ? first : await loadScenarioFile(file, { variant });
    const inputs = scenarioIssueInputs(loaded.scenario, { issue: opts.issue });
    if (inputs.length === 0) throw new InputError('the scenario has no issues to forecast', { place: `${file} $.issues` });
    for (const issue of inputs) {
      if (model === 'both') {
        const a = analyseIssue(issue, variant, opts);
        issues.push(a.eum, a.smp);
        comparisons.push({ ...a.comparison, issue: issue.issueId, variant });
      } else {
        issues.push(forecastIssue(issue, variant, model, opts));
      }
    }
  }
  return { kind: 'scenario', file, scenario: first.scenario.id, model, seed: opts.seed ?? 1, issues, ...(model === 'both' ? { comparisons } : {}) };
}

async function forecastKtabFile(file: string, opts: ForecastCliOptions & { model?: ForecastModel }): Promise<KtabForecastReport> {
  if (opts.issue || (opts.variants && opts.variants.length > 0) || opts.ensemble || opts.tornado) {
    throw new InputError('--issue, --variant, --ensemble and --tornado apply to scenario files, not KTAB CSV input', { place: file });
  }
  const text = await readTextFile(file, 'KTAB CSV file');
  const input: SmpInput = parseKtabCsv(text, file);
  const model = opts.model ?? 'smp';
  const common = { kind: 'ktab' as const, input: file, model, scale: '0..100' as const, numActors: input.actors.length, numDims: input.dimensions.length, actors: input.actors.map((a) => a.name), dims: input.dimensions.map((d) => d.name) };
  if (model === 'smp') {
    const res = runSmp(input);
    return { ...common, turns: res.turns, states: res.turns + 1, positions: res.positions, final: res.final, forecast: { ...res.forecast, stopReason: res.stopReason, probHistory: res.probHistory } };
  }
  const eumOptions = effectiveEumOptions(opts);
  let res;
  try {
    res = runEumOnKtabInput(input, eumOptions);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`EUM: ${error.message}`, { place: file, cause: error });
    throw error;
  }
  const names = common.actors;
  return {
    ...common,
    turns: res.turns,
    states: res.turns + 1,
    positions: res.positions,
    final: res.final,
    forecast: { median: res.forecast, trajectories: res.runs.map((r) => r.medians), stopReasons: res.runs.map((r) => r.stopReason), note: 'EUM per dimension: median voter position of the final positions' },
    rounds: res.runs.map((r, d) => ({
      dim: common.dims[d]!,
      rounds: explainEum(r, { actorNames: names }, input.actors.map((a, i) => a.power * (input.saliences[i]![d]! / 100))),
    })),
  };
}

// ------------------------------------------------------------------------------------------------
// Readable output

const SPARKS = '▁▂▃▄▅▆▇█';

/** A Unicode sparkline of values on [min, max], at most `width` characters (long runs are sampled evenly, last value kept). */
export function sparkline(all: readonly number[], min: number, max: number, width = 24): string {
  const values = all.length <= width ? all : Array.from({ length: width }, (_, k) => all[Math.round((k * (all.length - 1)) / (width - 1))]!);
  return values
    .map((v) => {
      const f = max > min ? (v - min) / (max - min) : 0.5;
      return SPARKS[Math.max(0, Math.min(SPARKS.length - 1, Math.round(f * (SPARKS.length - 1))))]!;
    })
    .join('');
}

/** Which states to show as columns: all when few, else the first 4 and last 3. */
function shownStates(states: number): (number | null)[] {
  if (states <= 9) return Array.from({ length: states }, (_, t) => t);
  return [0, 1, 2, 3, null, states - 3, states - 2, states - 1];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

function positionTable(names: string[], positions: number[][][], d: number, trajectory: number[] | null, min: number, max: number): string {
  const cols = shownStates(positions.length);
  const header = ['', ...cols.map((t) => (t === null ? '…' : t === 0 ? 'start' : `r${t}`)), 'path'];
  const rows = names.map((name, i) => [name, ...cols.map((t) => (t === null ? '…' : formatNumber(positions[t]![i]![d]!))), sparkline(positions.map((s) => s[i]![d]!), min, max)]);
  if (trajectory) rows.push(['forecast', ...cols.map((t) => (t === null ? '…' : formatNumber(trajectory[t]!))), sparkline(trajectory, min, max)]);
  return table([header, ...rows]);
}

export function formatIssueForecast(f: IssueForecast): string {
  const lines: string[] = [];
  const variant = f.variant ? ` [variant ${f.variant}]` : '';
  lines.push(`${f.title} (${f.issue})${variant} — ${f.model.toUpperCase()}`);
  lines.push(`  scale ${formatNumber(f.scale.min)}..${formatNumber(f.scale.max)}: ${f.scale.anchors.map((a) => `${formatNumber(a.value)} = ${a.label}`).join('; ')}`);
  lines.push('');
  lines.push(positionTable(f.actors.map((a) => a.name), f.positions, 0, f.forecast.trajectory ?? null, f.scale.min, f.scale.max).replace(/^/gm, '  '));
  lines.push('');
  if (f.uncertainty) {
    const u = f.uncertainty;
    lines.push(`  Forecast: ${formatNumber(u.low)} to ${formatNumber(u.high)} (90% of ${u.runs} runs over the inputs' ranges, seed ${u.seed})`);
    lines.push(`  Point forecast: ${formatValue(f, f.forecast.value)} after ${f.turns} round(s) (${f.forecast.stopReason})`);
    lines.push(`  ${u.hangsOn.length > 0 ? `It turns on: ${u.hangsOn.map((h) => `${h.actorName}'s ${h.field} (${h.field === 'position' ? `${formatNumber(h.low)}..${formatNumber(h.high)}` : `${h.low.toFixed(2)}..${h.high.toFixed(2)}`} → ${formatNumber(h.forecastAtLow)}..${formatNumber(h.forecastAtHigh)})`).join('; ')}` : 'No single ranged input moves it.'}`);
  } else {
    lines.push(`  Forecast: ${formatValue(f, f.forecast.value)} after ${f.turns} round(s) (${f.forecast.stopReason})`);
  }
  if (f.forecast.veto) lines.push(`  Veto: ${f.forecast.veto.actors.map((id) => f.actors.find((a) => a.id === id)?.name ?? id).join(', ')} hold ${formatNumber(f.forecast.veto.interval[0])}..${formatNumber(f.forecast.veto.interval[1])}; the model's own forecast ${formatNumber(f.forecast.unconstrained ?? f.forecast.value)}${f.forecast.veto.binding ? ' was moved into it' : ' lies inside it'}`);
  for (const w of f.warnings) lines.push(`  WARNING: ${w.text}`);
  if (f.model === 'smp' && f.forecast.finalProb) {
    const k = f.forecast.mostLikelyActor ?? 0;
    lines.push(`  Most likely to prevail: ${f.actors[k]?.name} (p = ${f.forecast.finalProb[k]!.toFixed(3)}); ${SMP_FORECAST_NOTE}`);
    lines.push(`  Probability-weighted mean of the final positions: ${formatNumber(f.forecast.expectedPosition ?? NaN)}`);
  }
  if (f.keyChallenges && f.keyChallenges.length > 0) {
    lines.push('  Challenges that drove it (largest pull on the median first):');
    for (const m of f.keyChallenges.slice(0, 4)) lines.push(`    r${m.round}: ${m.text}`);
  }
  if (f.rounds && f.rounds.length > 0) {
    lines.push('  Rounds:');
    for (const r of f.rounds) {
      lines.push(`    ${r.summary}`);
      for (const m of r.moves) lines.push(`      - ${m.text}`);
      if (r.resisted.length > 0) lines.push(`      - resisted: ${r.resisted.map((x) => `${f.actors[x.sender]?.name} → ${f.actors[x.receiver]?.name}`).join(', ')}`);
    }
  }
  if (f.ensemble) {
    const e = f.ensemble;
    const q = e.quantiles;
    lines.push(`  Ensemble (${e.runs} runs, seed ${e.seed}, inputs drawn from their ranges, beta-PERT):`);
    lines.push(`    mean ${formatNumber(e.mean)}  sd ${formatNumber(e.sd)}  5% ${formatNumber(q.p05)}  25% ${formatNumber(q.p25)}  median ${formatNumber(q.p50)}  75% ${formatNumber(q.p75)}  95% ${formatNumber(q.p95)}`);
    const peak = Math.max(1, ...e.histogram.counts);
    lines.push(`    ${formatNumber(e.histogram.min)} ${e.histogram.counts.map((c) => (c === 0 ? ' ' : SPARKS[Math.min(7, Math.round((c / peak) * 7))])).join('')} ${formatNumber(e.histogram.max)}`);
  }
  if (f.tornado) {
    lines.push(`  Tornado (each ranged input at its low and high end, others at base; base forecast ${formatNumber(f.tornado.base)}):`);
    const moving = f.tornado.bars.filter((b) => b.swing > 1e-9);
    const bars = moving.slice(0, 10);
    const maxSwing = Math.max(1e-12, ...bars.map((b) => b.swing));
    const fmtInput = (field: string, x: number): string => (field === 'position' ? formatNumber(x) : x.toFixed(2));
    for (const b of bars) {
      const bar = '█'.repeat(Math.max(1, Math.round((b.swing / maxSwing) * 20)));
      lines.push(`    ${`${b.actorName} ${b.field}`.padEnd(30)} ${`${fmtInput(b.field, b.low)}..${fmtInput(b.field, b.high)}`.padEnd(11)} → forecast ${formatNumber(b.forecastAtLow)}..${formatNumber(b.forecastAtHigh)}  ${bar}`);
    }
    const still = f.tornado.bars.length - bars.length;
    if (still > 0) lines.push(`    (${moving.length > bars.length ? `${moving.length - bars.length} smaller, ` : ''}${f.tornado.bars.length - moving.length} ranged input(s) leave the forecast unchanged)`);
  }
  return lines.join('\n');
}

export function formatKtabForecast(r: KtabForecastReport): string {
  const lines = [`${r.input} — ${r.model.toUpperCase()}: ${r.numActors} actors, ${r.numDims} dimension(s), ${r.turns} turn(s)`];
  r.dims.forEach((dim, d) => {
    lines.push('', `Dimension ${dim} (0..100)`);
    const trajectory = r.model === 'eum' ? ((r.forecast.trajectories as number[][])[d] ?? null) : null;
    const padded = trajectory ? r.positions.map((_, t) => trajectory[Math.min(t, trajectory.length - 1)]!) : null;
    lines.push(positionTable(r.actors, r.positions, d, padded, 0, 100).replace(/^/gm, '  '));
    if (r.model === 'eum') lines.push(`  Forecast (median voter position): ${formatNumber((r.forecast.median as number[])[d]!)}`);
  });
  if (r.model === 'smp') {
    const f = r.forecast as { mostLikelyActor: number; mostLikelyPosition: number[]; finalProb: number[] };
    lines.push('', `Most likely outcome: ${r.actors[f.mostLikelyActor]}'s position (${f.mostLikelyPosition.map(formatNumber).join(', ')}), p = ${f.finalProb[f.mostLikelyActor]!.toFixed(3)}`);
  }
  return lines.join('\n');
}

/** SMP and EUM side by side: the summary, what each number is, what it turns on, and why they differ. */
export function formatComparison(c: NonNullable<ScenarioForecastReport['comparisons']>[number]): string {
  const lines = [`SMP and EUM side by side — ${c.issue}${c.variant ? ` [variant ${c.variant}]` : ''}: ${c.summary}`];
  for (const m of c.models) {
    lines.push(`  ${m.model.toUpperCase()} ${formatNumber(m.value)}: ${m.reading}`);
    if (m.turnsOn.length > 0) lines.push(`    turns on: ${m.turnsOn.join('; ')}`);
  }
  lines.push('  Why they differ:');
  for (const r of c.reasons) lines.push(`    - ${r}`);
  return lines.join('\n');
}

export function formatForecastReport(report: ForecastReport): string {
  if (report.kind === 'ktab') return `${formatKtabForecast(report)}\n`;
  const blocks = report.issues.map(formatIssueForecast);
  if (report.comparisons) blocks.push(...report.comparisons.map(formatComparison));
  return `${blocks.join('\n\n')}\n`;
}

/** JSON without float noise (6.370000000000001 → 6.37): numbers rounded to 12 significant digits. */
export function stringifyForecast(value: unknown): string {
  return toJsonText(value, 2);
}

/** The --json document: scenario reports carry one KTAB-format object per issue (and variant). */
export function forecastJson(report: ForecastReport): unknown {
  if (report.kind === 'ktab') {
    const { kind: _kind, ...rest } = report;
    return rest;
  }
  return {
    file: report.file,
    scenario: report.scenario,
    model: report.model,
    seed: report.seed,
    issues: report.issues.map((f) => ({
      issue: f.issue,
      title: f.title,
      variant: f.variant,
      model: f.model,
      scale: f.scale,
      actors: f.actors.map((a) => a.name),
      actorIds: f.actors.map((a) => a.id),
      dims: f.dims,
      numActors: f.actors.length,
      numDims: 1,
      turns: f.turns,
      states: f.turns + 1,
      positions: f.positions,
      final: f.final,
      forecast: f.forecast,
      uncertainty: f.uncertainty,
      warnings: f.warnings,
      rounds: f.rounds,
      keyChallenges: f.keyChallenges,
      ensemble: f.ensemble,
      tornado: f.tornado,
    })),
    ...(report.comparisons ? { comparisons: report.comparisons } : {}),
  };
}

function parsePositiveInt(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new InputError(`${name} must be a whole number, got ${JSON.stringify(value)}`, { place: name });
  return Number(value);
}

export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description('Forecast negotiation outcomes with the expected-utility model (EUM) or KTAB\'s spatial model of politics (SMP)')
    .argument('<file>', 'a scenario file (YAML/JSON: every issue, or --issue) or a KTAB SMP CSV file (every dimension)')
    .option('--model <model>', 'eum (Bueno de Mesquita / Scholz et al. 2011), smp (KTAB) or both; default: both side by side for scenarios (eum with --json), smp for CSV')
    .option('--issue <id>', 'forecast only this scenario issue')
    .option('--variant <ids>', 'apply a scenario variant; several as a,b; "all" = the base and every variant')
    .option('--seed <seed>', 'seed of the ensemble\'s random numbers', '1')
    .option('--ensemble <n>', `runs over the ranged inputs behind the forecast's interval (default ${DEFAULT_UNCERTAINTY_RUNS}; 0 = point forecast only); given explicitly, the full distribution is shown too`)
    .option('--tornado', 'also show which actor\'s position, salience or clout moves the forecast most')
    .option('--max-rounds <n>', 'EUM: stop after at most this many rounds (default 20)')
    .option(
      '--eum <key=value...>',
      'EUM choices where the paper is ambiguous, e.g. medianRule=weighted-mean probabilityRule=net-votes perspective=actor ' +
        'offerChoice=largest-sender-eu rangeMode=fixed fixedRange=100 q=0.9 t=1 stableMedianRounds=0 tolerance=1e-6',
    )
    .option('--json', 'print JSON (KTAB output format per dimension, plus EUM rounds with explanations)')
    .addHelpText(
      'after',
      '\nExamples:\n  brink forecast scenarios/korean-peninsula-2025-09.yaml --issue dprk-nuclear-status\n' +
        '  brink forecast scenarios/korean-peninsula-2025-09.yaml --variant all --ensemble 500 --tornado\n' +
        '  brink forecast examples/ktab/peninsula-illustrative.csv --model smp --json\n' +
        'Scenario positions are mapped from the issue scale to 0..100 for the models and back for output.\n' +
        'Exit codes: 0 ok, 2 bad input (the message names the row and column or JSON path), 1 internal error.',
    )
    .action(
      action(async (file: string, o: { model?: string; issue?: string; variant?: string; seed: string; ensemble?: string; tornado?: boolean; maxRounds?: string; eum?: string[]; json?: boolean }) => {
        if (o.model !== undefined && o.model !== 'eum' && o.model !== 'smp' && o.model !== 'both') throw new InputError(`unknown model ${JSON.stringify(o.model)}`, { place: '--model', expected: 'eum, smp or both' });
        const ensemble = o.ensemble !== undefined ? parsePositiveInt('--ensemble', o.ensemble) : undefined;
        const maxRounds = o.maxRounds !== undefined ? parsePositiveInt('--max-rounds', o.maxRounds) : undefined;
        const seed = /^-?\d+$/.test(o.seed) ? Number(o.seed) : o.seed;
        const showProgress = Boolean(process.stderr.isTTY) && (ensemble ?? 0) >= 200;
        let lastShown = -1;
        const model = (o.model ?? (isCsv(file) || o.json ? undefined : 'both')) as ForecastModel | 'both' | undefined;
        const report = await forecastFile(file, {
          model,
          issue: o.issue,
          variants: o.variant ? o.variant.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
          seed,
          ensemble,
          tornado: o.tornado,
          maxRounds,
          eumOptions: o.eum ? parseEumOptions(o.eum) : undefined,
          onProgress: showProgress
            ? (label, done, total) => {
                const pct = Math.floor((100 * done) / total);
                if (pct === lastShown && done !== total) return;
                lastShown = pct;
                process.stderr.write(`\r${label}: ensemble ${done}/${total} (${pct}%)${done === total ? '\n' : ''}`);
                if (done === total) lastShown = -1;
              }
            : undefined,
        });
        process.stdout.write(o.json ? `${stringifyForecast(forecastJson(report))}\n` : formatForecastReport(report));
      }),
    );
}

/**
 * `brink simulate`: the crisis simulation of a scenario (docs/simulation.md).
 *
 *   brink simulate SCENARIO [--variant V | --compare V1,V2] [--runs N] [--weeks W] [--seed S]
 *                           [--workers K] [--hindcast] [--sobol] [--export-xmile FILE] [--json]
 *
 * Readable output: outcome probabilities with 95% intervals, the ladder (highest level per run),
 * the main variables' fans at a few dates; with --compare the paired differences (second minus
 * first); with --hindcast the out-of-sample scores beside the two baselines; with --sobol the
 * tornado and the Sobol indices. A progress bar on a terminal (stderr). --json prints the report
 * ({ runs, weeks, seed, outcomes, variables, ... }). Exit 0 ok, 2 bad input (the place: a JSON
 * path of the scenario or the flag), 1 internal error.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { compileCrisisModel, exportXmile } from '@brink/engine/crisis';
import { InputError } from '@brink/engine/errors';
import { applyVariant } from '@brink/engine/scenario';
import { action } from '../run';
import { toJsonText } from '../json-output';
import { loadScenarioFile } from '../../scenario-files';
import { simulateScenario, type SimulateReport } from '../../simulation/run-simulation';

function parseInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new InputError(`expected a whole number, got ${JSON.stringify(value)}`, { place: flag });
  return Number(value);
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} pp`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export function formatSimulation(r: SimulateReport): string {
  const lines: string[] = [];
  const variant = r.variants ? `${r.variants.map((v) => v.variant ?? 'base').join(' vs ')}` : (r.variant ?? 'base scenario');
  lines.push(`${r.scenario} (${variant}): ${r.runs} runs x ${r.weeks} weeks from ${r.start}, seed ${r.seed}; assumption ranges sampled (${r.sampling}), events drawn each week`);
  lines.push('');
  const outcomeRows = (s: SimulateReport) => s.outcomes.map((o) => [o.label, pct(o.p), `[${pct(o.lo)}, ${pct(o.hi)}]`]);
  if (r.variants && r.differences) {
    const [a, b] = r.variants;
    lines.push(`Outcomes within ${r.weeks} weeks (95% intervals; differences paired run for run, ${b!.variant ?? 'base'} minus ${a!.variant ?? 'base'}):`);
    lines.push(
      table([
        ['', a!.variant ?? 'base', b!.variant ?? 'base', 'difference', '95% interval'],
        ...r.differences.map((d, i) => [d.label, pct(a!.outcomes[i]!.p), pct(b!.outcomes[i]!.p), signed(d.diff), `[${signed(d.lo)}, ${signed(d.hi)}]`]),
      ]).replace(/^/gm, '  '),
    );
  } else {
    lines.push(`Outcomes within ${r.weeks} weeks (probability, 95% interval):`);
    lines.push(table([['', 'p', '95% interval'], ...outcomeRows(r)]).replace(/^/gm, '  '));
  }
  lines.push('');
  lines.push("Highest level reached on the escalation ladder (Kahn's rungs):");
  lines.push(table(r.ladder.map((l) => [`${l.level} ${l.label} (rungs ${l.kahn[0]}-${l.kahn[1]})`, pct(l.p), `[${pct(l.lo)}, ${pct(l.hi)}]`])).replace(/^/gm, '  '));
  if (r.deterrence.reached > 0) {
    const d = r.deterrence.outcomes;
    lines.push(`  At the nuclear threshold (${r.deterrence.reached} runs) the deterrence model gave: ${Object.entries(d).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  lines.push('');
  const at = [0, Math.min(r.weeks - 1, 52), r.weeks - 1].filter((w, i, a) => a.indexOf(w) === i);
  lines.push(`Variables (median [5%, 95%]) at ${at.map((w) => r.variables[0]?.weeks[w]?.date ?? `week ${w}`).join(', ')}:`);
  lines.push(
    table(r.variables.map((v) => [`${v.label} (${v.unit})`, ...at.map((w) => { const p = v.weeks[w]!; return `${fmt(p.q50)} [${fmt(p.q05)}, ${fmt(p.q95)}]`; })])).replace(/^/gm, '  '),
  );
  const drives = r.mechanisms.filter((m) => m.status !== 'inert').length;
  lines.push('');
  lines.push(`Mechanisms: ${drives} of ${r.mechanisms.length} drive the simulation (signs checked: ${r.mechanisms.filter((m) => m.checked !== undefined && m.checked === (m.sign === '+' ? 1 : m.sign === '-' ? -1 : 0)).length}/${r.mechanisms.filter((m) => m.status === 'drives').length}); not driving: ${r.mechanisms.filter((m) => m.status === 'inert').map((m) => m.id).join(', ') || 'none'}.`);
  if (r.hindcast) {
    const h = r.hindcast;
    lines.push('');
    lines.push(`Hindcast of monthly launch days (fitted ${h.train_start}..${h.train_end}, forecast ${h.months[0]!.month}..${h.months.at(-1)!.month}, ${h.months.length} months, one month ahead):`);
    lines.push(
      table([
        ['', 'CRPS (lower better)', 'log score (higher better)', '50% coverage', '90% coverage'],
        ...(['model', 'poisson', 'last12'] as const).map((k) => [k === 'model' ? 'launch model' : k === 'poisson' ? 'Poisson at the training mean' : 'previous 12 months', h.scores[k].crps.toFixed(3), h.scores[k].log_score.toFixed(3), pct(h.scores[k].coverage50), pct(h.scores[k].coverage90)]),
      ]).replace(/^/gm, '  '),
    );
    for (const n of h.notes.slice(1)) lines.push(`  ${n}`);
  }
  if (r.sensitivity) {
    const t = r.sensitivity.tornado;
    lines.push('');
    lines.push(`Tornado (each ranged number at its ends, others at their values, ${t.runsPerPoint} runs per point on common random numbers), largest swings:`);
    for (const b of t.bars.slice(0, 12)) {
      const k = b.atLow.map((x, o) => Math.abs(b.atHigh[o]! - x)).indexOf(b.swing);
      lines.push(`  ${b.label.slice(0, 70).padEnd(70)} ${t.outcomes[k]!.id}: ${pct(b.atLow[k]!)} .. ${pct(b.atHigh[k]!)}`);
    }
    const s = r.sensitivity.sobol;
    lines.push('');
    lines.push(`Sobol indices (N = ${s.baseSamples}, ${s.runsPerPoint} runs per point, ${s.bootstrap} bootstrap resamples; first order S and total ST with 95% intervals):`);
    for (const o of s.outcomes.filter((x) => x.variance > 0)) {
      lines.push(`  ${o.label} (binomial noise of the runs could explain up to ${pct(o.noiseShare)} of the variance)`);
      for (const ix of [...o.indices].sort((a, b) => b.total - a.total).slice(0, 4)) lines.push(`    ${ix.label.slice(0, 64).padEnd(64)} S ${ix.first.toFixed(2)} [${ix.firstLo.toFixed(2)}, ${ix.firstHi.toFixed(2)}]  ST ${ix.total.toFixed(2)} [${ix.totalLo.toFixed(2)}, ${ix.totalHi.toFixed(2)}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function fmt(x: number): string {
  return Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('Simulate the crisis over time: ensembles of the scenario\'s crisis model with outcome probabilities, variants, sensitivity and a hindcast')
    .argument('<scenario>', 'a scenario file (YAML/JSON) with a models.crisis section')
    .option('--variant <id>', 'simulate this variant of the scenario')
    .option('--compare <v1,v2>', 'compare two variants run for run (base = the scenario itself); differences are v2 minus v1')
    .option('--runs <n>', 'number of runs', '10000')
    .option('--weeks <w>', "weeks to simulate (default: the scenario's horizon, 104)")
    .option('--seed <s>', 'seed of the random numbers', '1')
    .option('--workers <k>', 'worker threads (results are identical for any number)', '1')
    .option('--hindcast', 'also check the launch model out of sample (fit to 2019, forecast 2020-01..2023-04) against two baselines')
    .option('--sobol', 'also run the tornado and the Sobol indices of the outcome probabilities')
    .option('--export-xmile <file>', 'write the stock-and-flow part as XMILE 1.0 for system-dynamics tools')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  brink simulate scenarios/korean-peninsula-2025-09.yaml\n  brink simulate scenarios/korean-peninsula-2025-09.yaml --compare yoon-hardline,lee-engagement --runs 20000\n' +
        '  brink simulate scenarios/korean-peninsula-2025-09.yaml --hindcast --json\n  brink simulate scenarios/korean-peninsula-2025-09.yaml --sobol --workers 2\n' +
        'Exit codes: 0 ok, 2 bad input (the message names the JSON path or the flag), 1 internal error.',
    )
    .action(
      action(async (file: string, o: { variant?: string; compare?: string; runs: string; weeks?: string; seed: string; workers: string; hindcast?: boolean; sobol?: boolean; exportXmile?: string; json?: boolean }) => {
        const runs = parseInteger('--runs', o.runs)!;
        const weeks = parseInteger('--weeks', o.weeks);
        const workers = parseInteger('--workers', o.workers)!;
        const seed = /^-?\d+$/.test(o.seed.trim()) ? Number(o.seed) : o.seed;
        let compare: [string, string] | undefined;
        if (o.compare !== undefined) {
          const parts = o.compare.split(',').map((x) => x.trim());
          if (parts.length !== 2 || parts.some((x) => x === '')) throw new InputError(`expected two variants separated by a comma, got ${JSON.stringify(o.compare)}`, { place: '--compare', expected: 'V1,V2 (base = the scenario itself)' });
          compare = [parts[0]!, parts[1]!];
        }
        const loaded = await loadScenarioFile(file);
        const readSource = (s: { id: string }) => loaded.sourceTexts[s.id];
        const bar =
          process.stderr.isTTY && !o.json
            ? new cliProgress.SingleBar({ format: ' {phase} |{bar}| {percentage}% {value}/{total} runs | {duration_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
            : null;
        let current = '';
        const report = await simulateScenario(loaded.base, readSource, {
          runs,
          weeks,
          seed,
          workers,
          variant: compare ? undefined : (o.variant ?? null),
          compare,
          hindcast: o.hindcast,
          sobol: o.sobol,
          onProgress: bar
            ? (phase, done, total) => {
                if (phase !== current) {
                  if (current) bar.stop();
                  current = phase;
                  bar.start(total, done, { phase: phase.padEnd(8) });
                } else bar.update(done);
              }
            : undefined,
        }).finally(() => bar?.stop());
        if (o.exportXmile) {
          const variant = compare ? compare[0] : (o.variant ?? null);
          const scenario = variant && variant !== 'base' ? applyVariant(loaded.base, variant, { readSource }) : loaded.base;
          await writeFile(o.exportXmile, exportXmile(compileCrisisModel(scenario, { variant }), { weeks: report.weeks }));
          if (!o.json) process.stderr.write(`wrote ${o.exportXmile} (XMILE 1.0, stock-and-flow part)\n`);
        }
        process.stdout.write(o.json ? `${toJsonText({ file, ...report }, 2)}\n` : formatSimulation(report));
      }),
    );
}

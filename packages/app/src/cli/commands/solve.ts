/**
 * `brink solve FILE... [--method M] [--lambda L] [--json] [--time]`: equilibria of Gambit .nfg/.efg
 * games (or Brink game JSON), one file after another. See docs/games.md.
 *
 * Several files: each is read, parsed and solved on its own; a bad file reports its own error
 * (file:line:col) on stderr and the others are still solved; the exit code is 2 at the end if any
 * file was bad input (1 if any failed internally). With --json every file gives one line.
 */
import path from 'node:path';
import type { Command } from 'commander';
import {
  behaviorLayout,
  defaultMethod,
  parseGame,
  solve,
  SOLVE_METHODS,
  type DominanceSolveResult,
  type Game,
  type SolveMethod,
  type SolveOptions,
  type SolveResult,
} from '@brink/engine/games';
import { InputError, isInputError } from '@brink/engine/errors';
import { Rational } from '@brink/engine/numeric';
import { action, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, reportError } from '../run';
import { readTextFile } from '../../input-files';

interface SolveCliOptions {
  method?: string;
  lambda?: string;
  json?: boolean;
  float?: boolean;
  max?: string;
  dense?: boolean;
  mixedDominance?: boolean;
  time?: boolean;
}

/**
 * Floating-point results in JSON without rounding noise: 10 significant digits, and 0 for values
 * below 1e-12 of the largest magnitude in their vector (probabilities: below 1e-12). Exact values
 * stay exact strings.
 */
function formatVector(values: readonly (Rational | number)[]): (string | number)[] {
  let scale = 1;
  for (const v of values) if (typeof v === 'number' && Math.abs(v) > scale) scale = Math.abs(v);
  return values.map((v) => {
    if (typeof v !== 'number') return v.toString();
    if (!Number.isFinite(v)) return v;
    if (Math.abs(v) < 1e-12 * scale) return 0;
    return Number(v.toPrecision(10));
  });
}

export function solveResultToJson(result: SolveResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    method: result.method,
    complete: result.complete,
    equilibria: result.equilibria.map((e) => ({
      profile: e.profile.map((row) => formatVector(row)),
      payoffs: formatVector(e.payoffs),
    })),
  };
  if (result.sets) {
    out.sets = { components: result.sets.components, maximalSubsets: result.sets.maximalSubsets, maximalSubsetsComplete: result.sets.maximalSubsetsComplete };
  }
  if (result.method === 'dominance' && 'reduction' in result) {
    const r = (result as DominanceSolveResult).reduction;
    out.remaining = r.game.strategies;
    out.eliminated = r.eliminations.map((e) => ({ round: e.round, player: e.player + 1, strategy: e.label, dominatedBy: e.dominatedBy }));
  }
  return out;
}

function show(value: Rational | number): string {
  if (typeof value !== 'number') return value.toString();
  return Math.abs(value) < 1e-12 ? '0' : String(Number(value.toPrecision(8)));
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "equilibria 2, 3 and 5" */
function listOf(indices: readonly number[]): string {
  const names = indices.map((k) => String(k + 1));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The one-line verdict: how many equilibria, and what kind of list it is (never a contradiction). */
export function summaryLine(result: SolveResult): string {
  const n = result.equilibria.length;
  const arithmetic = result.exact ? 'exact' : 'floating point';
  if (result.method === 'dominance') {
    return n === 1
      ? `Method dominance: one strategy per player survives, so this is the unique equilibrium (${arithmetic})`
      : 'Method dominance: more than one strategy survives for some player, so dominance alone does not single out an equilibrium';
  }
  if (result.complete) {
    if (n === 0) return `Method ${result.method}: no equilibrium of this kind exists (the search is complete)`;
    if (result.method === 'enummixed') {
      const sets = result.sets;
      const continua = sets ? sets.components.filter((c) => c.length > 1) : [];
      const head = `Method ${result.method}: ${plural(n, 'extreme equilibrium', 'extreme equilibria')}, the complete set (${arithmetic})`;
      if (continua.length === 0) return `${head}; every equilibrium is isolated`;
      return `${head}; ${plural(continua.length, 'continuum', 'continua')} of equilibria, listed below by their extreme points`;
    }
    return `Method ${result.method}: ${plural(n, 'equilibrium', 'equilibria')}, the complete set (${arithmetic})`;
  }
  if (n === 0) return `Method ${result.method}: no equilibrium found (the method does not search exhaustively)`;
  return `Method ${result.method}: ${plural(n, 'equilibrium', 'equilibria')} found, not necessarily all (${arithmetic})`;
}

/** For enummixed: which extreme equilibria span continua (components and maximal Nash subsets). */
function continuaLines(result: SolveResult): string[] {
  const sets = result.sets;
  if (!sets) return [];
  const lines: string[] = [];
  // Continua are numbered among themselves (1, 2, ...), not by their place among all components.
  sets.components.filter((component) => component.length > 1).forEach((component, k) => {
    const subsets = sets.maximalSubsets.filter((s) => s.every((i) => component.includes(i)));
    lines.push(`  continuum ${k + 1}: equilibria ${listOf(component)} are the extreme points of one connected set of equilibria;`);
    lines.push(
      subsets.length === 1
        ? '    it is convex: every mixture of these profiles (player by player) is an equilibrium'
        : `    it is the union of the convex sets spanned by equilibria ${subsets.map((s) => `{${listOf(s)}}`).join(', ')}`,
    );
  });
  if (!sets.maximalSubsetsComplete) lines.push('  (the list of convex subsets was cut short: there are very many)');
  return lines;
}

export function describeResult(game: Game, result: SolveResult, fileName: string): string {
  const lines: string[] = [];
  const form = game.kind === 'nfg' ? 'strategic form' : 'extensive form';
  lines.push(`${fileName}: ${game.title ? JSON.stringify(game.title) : '(untitled)'} (${form}, ${game.players.length} players)`);
  lines.push('');
  lines.push('Players:');
  const layout = game.kind === 'efg' ? behaviorLayout(game) : undefined;
  game.players.forEach((name, i) => {
    if (game.kind === 'nfg') {
      lines.push(`  ${i + 1}. ${name || `Player ${i + 1}`}: strategies ${game.strategies[i]!.map((s) => JSON.stringify(s)).join(', ')}`);
    } else {
      const sets = layout!.infosetsOf[i]!.map((s) => {
        const info = game.infosets[s]!;
        return `${info.label ? JSON.stringify(info.label) : `#${info.number}`} {${info.actions.map((a) => JSON.stringify(a)).join(', ')}}`;
      });
      lines.push(`  ${i + 1}. ${name || `Player ${i + 1}`}: information sets ${sets.length ? sets.join(', ') : '(none)'}`);
    }
  });
  lines.push('');
  lines.push(summaryLine(result));
  lines.push(...continuaLines(result));
  if (result.method === 'dominance' && 'reduction' in result) {
    const r = (result as DominanceSolveResult).reduction;
    for (const e of r.eliminations) lines.push(`  round ${e.round}: player ${e.player + 1} drops ${JSON.stringify(e.label)} (dominated by ${e.dominatedBy === 'mixed' ? 'a mixed strategy' : JSON.stringify(e.dominatedBy)})`);
    lines.push(`  remaining: ${r.game.strategies.map((s, i) => `player ${i + 1} {${s.map((x) => JSON.stringify(x)).join(', ')}}`).join('; ')}`);
  }
  result.equilibria.forEach((eq, k) => {
    lines.push('');
    lines.push(`Equilibrium ${k + 1}:`);
    eq.profile.forEach((row, i) => {
      const name = game.players[i] || `Player ${i + 1}`;
      if (game.kind === 'nfg') {
        const parts = row.map((p, s) => `${JSON.stringify(game.strategies[i]![s]!)} ${show(p)}`);
        lines.push(`  ${name}: ${parts.join(', ')}`);
      } else {
        const parts = layout!.infosetsOf[i]!.map((s) => {
          const info = game.infosets[s]!;
          const o = layout!.offset[s]!;
          const probs = info.actions.map((a, j) => `${JSON.stringify(a)} ${show(row[o + j]!)}`).join(', ');
          return `${info.label ? JSON.stringify(info.label) : `#${info.number}`}: ${probs}`;
        });
        lines.push(`  ${name}: ${parts.length ? parts.join('; ') : '(no moves)'}`);
      }
    });
    lines.push(`  payoffs: ${eq.payoffs.map((p, i) => `${game.players[i] || `Player ${i + 1}`} ${show(p)}`).join(', ')}`);
  });
  return lines.join('\n') + '\n';
}

export function registerSolveCommand(program: Command): void {
  program
    .command('solve')
    .description('Find the Nash equilibria of games in Gambit .nfg/.efg format (or Brink game JSON)')
    .argument('<files...>', 'game files: .nfg (strategic form), .efg (extensive form) or .json; several are solved one after another')
    .option('-m, --method <method>', `one of ${SOLVE_METHODS.join(', ')} (default: the most complete that fits: enummixed for 2-player .nfg, enumpure for n-player .nfg, spe for perfect-information .efg, lcp for 2-player .efg, else enumpure)`)
    .option('--lambda <L>', 'logit: the precision lambda of the quantal response equilibrium (default: trace towards Nash)')
    .option('--json', 'print {"method", "complete", "equilibria": [{"profile", "payoffs"}]} with exact rationals as strings, one line per file')
    .option('--float', 'lcp on .nfg: floating-point pivoting instead of exact')
    .option('--max <N>', 'lcp on .nfg: stop after N equilibria')
    .option('--dense', 'lcp on .efg: the dense exact tableau instead of the sparse solver (slow beyond a few hundred nodes)')
    .option('--mixed-dominance', 'dominance: also eliminate strategies dominated by mixed strategies')
    .option('--time', 'print the time spent reading and parsing, and solving, each file to stderr')
    .addHelpText(
      'after',
      `
Profiles: for a strategic form, each player's probabilities over its strategies in file order; for an
extensive form, its behaviour probabilities, information set by information set in order of first
appearance in the file, actions in file order (Gambit's order).

Methods:
  enumpure   all pure-strategy equilibria (of the reduced strategic form for .efg); complete
  enummixed  all extreme mixed equilibria of a 2-player .nfg (lexicographic reverse search); complete,
             with the continua of equilibria they span
  lcp        Lemke-Howson (.nfg) or the sequence-form LCP (.efg, sparse), 2 players; some equilibria
  spe        subgame-perfect equilibria in pure behaviour strategies (.efg)
  logit      logit quantal response equilibrium (traced; --lambda for a given precision)
  dominance  iterated elimination of strictly dominated strategies

Several files: each is solved on its own; a bad file reports its error (file:line:col) and the others
still solve; with --json each file gives one line, with a "file" field (and "error" for a bad one).
Exit codes: 0 ok, 2 a bad file or option (the message names file:line:col), 1 internal error.
Examples:
  brink solve examples/games/chicken.nfg
  brink solve game.efg --method enumpure --json
  brink solve games/*.nfg --json --time`,
    )
    .action(
      action(async (files: string[], opts: SolveCliOptions) => {
        // Options first: a bad option is one error for the whole call.
        let method: SolveMethod | undefined;
        if (opts.method !== undefined) {
          if (!(SOLVE_METHODS as readonly string[]).includes(opts.method)) {
            throw new InputError(`unknown method ${JSON.stringify(opts.method)}`, { place: '--method', expected: SOLVE_METHODS.join(', ') });
          }
          method = opts.method as SolveMethod;
        }
        let lambda: number | undefined;
        if (opts.lambda !== undefined) {
          lambda = Number(opts.lambda);
          if (!Number.isFinite(lambda) || lambda < 0) throw new InputError(`--lambda must be a non-negative number, not ${JSON.stringify(opts.lambda)}`, { place: '--lambda', expected: 'a number >= 0' });
        }
        let maxEquilibria: number | undefined;
        if (opts.max !== undefined) {
          maxEquilibria = Number(opts.max);
          if (!Number.isInteger(maxEquilibria) || maxEquilibria < 1) throw new InputError(`--max must be a positive integer, not ${JSON.stringify(opts.max)}`, { place: '--max', expected: 'a positive integer' });
        }
        const options: SolveOptions = {
          ...(lambda !== undefined ? { lambda } : {}),
          ...(maxEquilibria !== undefined ? { maxEquilibria } : {}),
          arithmetic: opts.float ? 'float' : 'exact',
          mixedDominance: opts.mixedDominance ?? false,
          ...(opts.dense ? { lcpTableau: 'dense' as const } : {}),
        };
        const several = files.length > 1;
        let exit = EXIT_OK;
        for (const [k, file] of files.entries()) {
          try {
            const t0 = performance.now();
            const text = await readTextFile(file, 'game file');
            const game = parseGame(text, file);
            const t1 = performance.now();
            const result = solve(game, method ?? defaultMethod(game), options);
            const t2 = performance.now();
            if (opts.json) {
              process.stdout.write(JSON.stringify(several ? { file, ...solveResultToJson(result) } : solveResultToJson(result)) + '\n');
            } else {
              if (several && k > 0) process.stdout.write('\n' + '-'.repeat(72) + '\n\n');
              process.stdout.write(describeResult(game, result, several ? file : path.basename(file)));
            }
            if (opts.time) process.stderr.write(`brink: ${file}: read and parse ${(t1 - t0).toFixed(1)} ms, solve ${(t2 - t1).toFixed(1)} ms\n`);
          } catch (error) {
            // Place option-field errors (the engine says "method") at the flag, and name the file.
            const placed = isInputError(error) && error.place === 'method' ? error.at('--method') : error;
            const named = isInputError(placed) && !(placed.place ?? '').startsWith(file) ? placed.at(`${file}: ${placed.place ?? 'game'}`) : placed;
            const code = reportError(named);
            if (opts.json && several) {
              const message = named instanceof Error ? named.message : String(named);
              process.stdout.write(JSON.stringify({ file, error: message, ...(isInputError(named) && named.place ? { place: named.place } : {}) }) + '\n');
            }
            exit = code === EXIT_INTERNAL || exit === EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_BAD_INPUT;
          }
        }
        process.exitCode = exit;
      }),
    );
}

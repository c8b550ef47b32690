/**
 * `brink solve FILE [--method M] [--lambda L] [--json]`: equilibria of a Gambit .nfg/.efg game
 * (or Brink game JSON). See docs/games.md.
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
  type SolveResult,
} from '@brink/engine/games';
import { InputError } from '@brink/engine/errors';
import { Rational } from '@brink/engine/numeric';
import { action } from '../run';
import { readTextFile } from '../../input-files';

interface SolveCliOptions {
  method?: string;
  lambda?: string;
  json?: boolean;
  float?: boolean;
  max?: string;
  mixedDominance?: boolean;
}

function formatNumber(value: Rational | number): string | number {
  return typeof value === 'number' ? Number(value.toPrecision(12)) : value.toString();
}

export function solveResultToJson(result: SolveResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    method: result.method,
    complete: result.complete,
    equilibria: result.equilibria.map((e) => ({
      profile: e.profile.map((row) => row.map(formatNumber)),
      payoffs: e.payoffs.map(formatNumber),
    })),
  };
  if (result.method === 'dominance' && 'reduction' in result) {
    const r = (result as DominanceSolveResult).reduction;
    out.remaining = r.game.strategies;
    out.eliminated = r.eliminations.map((e) => ({ round: e.round, player: e.player + 1, strategy: e.label, dominatedBy: e.dominatedBy }));
  }
  return out;
}

function show(value: Rational | number): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(8))) : value.toString();
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
  const what = result.complete ? 'the complete set' : 'some equilibria (not a complete set)';
  lines.push(`Method ${result.method}: ${result.equilibria.length} equilibri${result.equilibria.length === 1 ? 'um' : 'a'}, ${what}${result.exact ? ', exact' : ', floating point'}`);
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
    .description('Find the Nash equilibria of a game in Gambit .nfg/.efg format (or Brink game JSON)')
    .argument('<file>', 'game file: .nfg (strategic form), .efg (extensive form) or .json')
    .option('-m, --method <method>', `one of ${SOLVE_METHODS.join(', ')} (default: the most complete that fits: enummixed for 2-player .nfg, enumpure for n-player .nfg, spe for perfect-information .efg, lcp for 2-player .efg, else enumpure)`)
    .option('--lambda <L>', 'logit: the precision lambda of the quantal response equilibrium (default: trace towards Nash)')
    .option('--json', 'print {"method", "complete", "equilibria": [{"profile", "payoffs"}]} with exact rationals as strings')
    .option('--float', 'lcp on .nfg: floating-point pivoting instead of exact')
    .option('--max <N>', 'lcp on .nfg: stop after N equilibria')
    .option('--mixed-dominance', 'dominance: also eliminate strategies dominated by mixed strategies')
    .addHelpText(
      'after',
      `
Profiles: for a strategic form, each player's probabilities over its strategies in file order; for an
extensive form, its behaviour probabilities, information set by information set in order of first
appearance in the file, actions in file order (Gambit's order).

Methods:
  enumpure   all pure-strategy equilibria (of the reduced strategic form for .efg); complete
  enummixed  all extreme mixed equilibria of a 2-player .nfg (exact vertex enumeration); complete
  lcp        Lemke-Howson (.nfg) or the sequence-form LCP (.efg), 2 players; some equilibria
  spe        subgame-perfect equilibria in pure behaviour strategies (.efg)
  logit      logit quantal response equilibrium (traced; --lambda for a given precision)
  dominance  iterated elimination of strictly dominated strategies

Exit codes: 0 ok, 2 bad file or option (the message names file:line:col), 1 internal error.
Examples:
  brink solve ../shared/conformance/gambit/games/e04.nfg
  brink solve game.efg --method enumpure --json`,
    )
    .action(
      action(async (file: string, opts: SolveCliOptions) => {
        const text = await readTextFile(file, 'game file');
        const fileName = path.basename(file);
        const game = parseGame(text, file);
        let method: SolveMethod = defaultMethod(game);
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
        const result = solve(game, method, {
          ...(lambda !== undefined ? { lambda } : {}),
          ...(maxEquilibria !== undefined ? { maxEquilibria } : {}),
          arithmetic: opts.float ? 'float' : 'exact',
          mixedDominance: opts.mixedDominance ?? false,
        });
        process.stdout.write(opts.json ? JSON.stringify(solveResultToJson(result)) + '\n' : describeResult(game, result, fileName));
      }),
    );
}

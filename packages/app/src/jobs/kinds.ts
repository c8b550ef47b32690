/**
 * The run kinds: for each, the zod schema of its options (checked in the server before a run is
 * created), an optional check against the scenario, and the executor that calls the engine.
 *
 * Executors are plain functions of (task, context) -> JSON-able result, so the same code runs in a
 * worker thread (./worker.ts, the default) or in-process. They must be deterministic: the result
 * depends only on the task (scenario content, seed, options), so a stored run can be reproduced.
 */
import { z } from 'zod';
import { InputError, type Scenario } from '@brink/engine';
import { parseGameText, solveGame, SOLVE_METHODS } from './games';

export interface RunTask {
  kind: string;
  /** The scenario (with the variant applied) for kinds that need one, else null. */
  scenario: Scenario | null;
  seed: number;
  options: Record<string, unknown>;
}

export interface ExecContext {
  /** Reports progress as a fraction in [0, 1]. */
  onProgress(fraction: number): void;
  /** Set when the run is cancelled (in-process execution; worker threads are terminated instead). */
  signal?: AbortSignal;
}

export interface RunKindSpec {
  kind: string;
  summary: string;
  needsScenario: boolean;
  options: z.ZodType<Record<string, unknown>>;
  /** Checks the options against the scenario before the run is created; throws InputError. */
  check?(task: RunTask): void;
  execute(task: RunTask, ctx: ExecContext): unknown;
}

export const SolveOptionsSchema = z
  .strictObject({
    format: z.enum(['nfg', 'efg']).describe('Gambit file format.'),
    text: z.string().min(1).describe('The game file text.'),
    method: z.string().optional().describe(`Solver: ${SOLVE_METHODS.join(', ')} (default: the engine's choice for the game).`),
    lambda: z.number().positive().optional().describe('Logit QRE precision (method logit).'),
  })
  .describe('Options of a solve run: a Gambit game file and a method.');

const solveKind: RunKindSpec = {
  kind: 'solve',
  summary: 'Solve a game given as a Gambit .nfg or .efg file.',
  needsScenario: false,
  options: SolveOptionsSchema,
  check(task) {
    const o = SolveOptionsSchema.parse(task.options);
    if (o.method !== undefined && !SOLVE_METHODS.includes(o.method)) {
      throw new InputError(`unknown method "${o.method}"`, { place: '$.options.method', expected: `one of ${SOLVE_METHODS.join(', ')}` });
    }
  },
  execute(task, ctx) {
    const o = SolveOptionsSchema.parse(task.options);
    ctx.onProgress(0.05);
    const game = parseGameText(o.format, o.text);
    ctx.onProgress(0.2);
    const result = solveGame(game, o.method, { lambda: o.lambda });
    ctx.onProgress(1);
    return { game: describeGame(game), result };
  },
};

/** A short description of a parsed game for API answers (the full game is the file itself). */
export function describeGame(game: ReturnType<typeof parseGameText>): Record<string, unknown> {
  if (game.kind === 'nfg') {
    return { kind: 'nfg', title: game.title, players: game.players, strategies: game.strategies };
  }
  return {
    kind: 'efg',
    title: game.title,
    players: game.players,
    nodes: game.nodes.length,
    infosets: game.infosets.map((s) => ({ player: s.player, label: s.label, actions: s.actions })),
    outcomes: game.outcomes.length,
  };
}

const registry = new Map<string, RunKindSpec>([[solveKind.kind, solveKind]]);

export function getRunKind(kind: string): RunKindSpec | undefined {
  return registry.get(kind);
}

export function runKinds(): string[] {
  return [...registry.keys()];
}

/** Runs a task in this thread. Throws InputError for bad input found while running. */
export async function executeTask(task: RunTask, ctx: ExecContext): Promise<unknown> {
  const spec = registry.get(task.kind);
  if (!spec) throw new InputError(`unknown run kind "${task.kind}"`, { place: '$.kind', expected: `one of ${runKinds().join(', ')}` });
  return spec.execute(task, ctx);
}

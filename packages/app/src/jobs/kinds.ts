/**
 * The run kinds: for each, the zod schema of its options (checked in the server before a run is
 * created), an optional check against the scenario, and the executor that calls the engine.
 *
 * Executors are plain functions of (task, context) -> JSON-able result, so the same code runs in a
 * worker process (./worker.ts, the default), in a `brink worker` of the queue, or in-process. They must be deterministic: the result
 * depends only on the task (scenario content, seed, options), so a stored run can be reproduced.
 */
import { z } from 'zod';
import { gameToJson } from '@brink/engine/games';
import { InputError, isInputError } from '@brink/engine/errors';
import { type Scenario } from '@brink/engine/scenario';
import {
  DEFAULT_UNCERTAINTY_RUNS,
  effectiveEumOptions,
  ensembleMembers,
  forecastIssue,
  issueForecaster,
  scenarioIssueInputs,
  type ForecastModel,
} from '@brink/engine/bargaining';
import { parseGameText, solveGame, SOLVE_METHODS } from './games';
import { checkDeterrence, DeterrenceOptionsSchema, deterrenceMapChunks, executeDeterrence } from './deterrence';
import { chunkRanges, type ChunkableRun } from './chunks';
import { checkSimulate, executeSimulate, SimulateOptionsSchema, simulateChunks } from './simulate';

export interface RunTask {
  kind: string;
  /** The scenario (with the variant applied) for kinds that need one, else null. */
  scenario: Scenario | null;
  /** The variant applied to `scenario`, if any (recorded in results). */
  variant: string | null;
  seed: number;
  options: Record<string, unknown>;
}

export interface ExecContext {
  /** Reports progress as a fraction in [0, 1]. */
  onProgress(fraction: number): void;
  /** Set when the run is cancelled (in-process execution and chunks; worker processes are killed instead). */
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
  /** How its large runs split into chunks for several workers (./chunks.ts); absent: always whole. */
  chunks?: ChunkableRun;
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
    // A malformed game file is refused before a run is stored (parsing is quick; solving is not).
    parseGameText(o.format, o.text);
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

/** The parsed game as the engine's JSON form (players, strategies or tree), for drawing it. */
export function describeGame(game: ReturnType<typeof parseGameText>): unknown {
  return gameToJson(game);
}

export const ForecastOptionsSchema = z
  .strictObject({
    model: z.enum(['eum', 'smp']).default('eum').describe('eum: expected-utility model (Scholz et al. 2011); smp: KTAB spatial model of politics.'),
    issue: z.string().min(1).optional().describe('Issue id (default: every issue of the scenario).'),
    ensemble: z.number().int().min(0).max(5000).optional().describe('Ensemble size: forecasts with values drawn from their uncertainty ranges.'),
    tornado: z.boolean().optional().describe('Also compute the tornado (each value at the ends of its range).'),
    maxRounds: z.number().int().min(1).max(1000).optional().describe('EUM: at most this many rounds.'),
  })
  .describe('Options of a forecast run: a bargaining model on the issues of the scenario.');

function needScenario(task: RunTask): Scenario {
  if (!task.scenario) throw new InputError('this run kind needs a scenario', { place: '$.scenarioId' });
  return task.scenario;
}

/**
 * A forecast split into chunks: every forecast carries an ensemble over its inputs' ranges (the
 * interval; `ensemble` runs, default DEFAULT_UNCERTAINTY_RUNS), and the ensemble's members are the
 * chunks: ranges of members of one issue, computed by the engine's `ensembleMembers` (member r
 * draws from createRng(seed).split('ensemble').split(r) only). The merge runs each issue's
 * forecast with the members handed in (`ensembleMembers` option of `forecastIssue`), so the
 * result is the engine's own, bit for bit.
 */
type ForecastChunk = { issue: number; first: number; count: number };
type ForecastPart = { members: number[] };

function forecastSetup(task: RunTask) {
  const o = ForecastOptionsSchema.parse(task.options);
  const scenario = needScenario(task);
  const issues = scenarioIssueInputs(scenario, { issue: o.issue });
  const forecaster = issueForecaster(o.model as ForecastModel, effectiveEumOptions({ maxRounds: o.maxRounds }));
  return { o, scenario, issues, forecaster, runs: o.ensemble ?? DEFAULT_UNCERTAINTY_RUNS };
}

const forecastChunks: ChunkableRun<ForecastChunk, ForecastPart> = {
  split(task) {
    const { issues, runs } = forecastSetup(task);
    if (runs < 20) return null;
    const specs: ForecastChunk[] = [];
    issues.forEach((_, i) => {
      for (const r of chunkRanges(runs, { most: Math.max(1, Math.ceil(32 / issues.length)), min: 10 })) specs.push({ issue: i, ...r });
    });
    return specs;
  },
  executeChunk(task, spec, ctx) {
    const { issues, forecaster } = forecastSetup(task);
    const members = ensembleMembers(issues[spec.issue]!, forecaster, {
      seed: task.seed,
      first: spec.first,
      count: spec.count,
      onProgress: (done, total) => {
        if (ctx.signal?.aborted) throw new Error('cancelled');
        ctx.onProgress(done / total);
      },
    });
    return { members };
  },
  merge(task, parts) {
    const { o, scenario, issues } = forecastSetup(task);
    const members: number[][] = issues.map(() => []);
    forecastChunks.split(task)!.forEach((spec, k) => members[spec.issue]!.push(...parts[k]!.members));
    const out = issues.map((issue, i) =>
      forecastIssue(issue, task.variant, o.model, { seed: task.seed, ensemble: o.ensemble, tornado: o.tornado, maxRounds: o.maxRounds, ensembleMembers: members[i] }),
    );
    return { scenario: scenario.id, variant: task.variant, model: o.model, seed: task.seed, issues: out };
  },
};

const forecastKind: RunKindSpec = {
  kind: 'forecast',
  summary: 'Negotiation forecast (EUM or SMP) on the issues of a scenario.',
  needsScenario: true,
  options: ForecastOptionsSchema,
  check(task) {
    const o = ForecastOptionsSchema.parse(task.options);
    let issues;
    try {
      issues = scenarioIssueInputs(needScenario(task), { issue: o.issue });
    } catch (error) {
      if (isInputError(error) && o.issue !== undefined) throw new InputError(error.message, { place: '$.options.issue', expected: error.expected, cause: error });
      throw error;
    }
    if (issues.length === 0) throw new InputError('the scenario has no issues to forecast', { place: '$.options.issue' });
  },
  execute(task, ctx) {
    const o = ForecastOptionsSchema.parse(task.options);
    const scenario = needScenario(task);
    const issues = scenarioIssueInputs(scenario, { issue: o.issue });
    const out = [];
    for (const [i, issue] of issues.entries()) {
      out.push(
        forecastIssue(issue, task.variant, o.model, {
          seed: task.seed,
          ensemble: o.ensemble,
          tornado: o.tornado,
          maxRounds: o.maxRounds,
          onProgress: (_label, done, total) => ctx.onProgress((i + (total > 0 ? done / total : 1)) / issues.length),
        }),
      );
      ctx.onProgress((i + 1) / issues.length);
    }
    return { scenario: scenario.id, variant: task.variant, model: o.model, seed: task.seed, issues: out };
  },
  chunks: forecastChunks as ChunkableRun,
};

const deterrenceKind: RunKindSpec = {
  kind: 'deterrence',
  summary: 'A deterrence model on the scenario: solve, sweep, map or tornado.',
  needsScenario: true,
  options: DeterrenceOptionsSchema,
  check: checkDeterrence,
  execute: executeDeterrence,
  chunks: deterrenceMapChunks as ChunkableRun,
};

const simulateKind: RunKindSpec = {
  kind: 'simulate',
  summary: 'Crisis simulation of the scenario over time (ensembles, variants compared, hindcast, sensitivity).',
  needsScenario: true,
  options: SimulateOptionsSchema,
  check: checkSimulate,
  execute: executeSimulate,
  chunks: simulateChunks as ChunkableRun,
};

const registry = new Map<string, RunKindSpec>([
  [deterrenceKind.kind, deterrenceKind],
  [solveKind.kind, solveKind],
  [forecastKind.kind, forecastKind],
  [simulateKind.kind, simulateKind],
]);

/**
 * Adds a run kind (or replaces one of the same name). The built-in kinds are registered above; a
 * kind registered at run time exists only in the thread that registered it, so a worker module
 * that should execute it must register it too (the tests' fixture worker does).
 */
export function registerRunKind(spec: RunKindSpec): void {
  registry.set(spec.kind, spec);
}

export function getRunKind(kind: string): RunKindSpec | undefined {
  return registry.get(kind);
}

export function runKinds(): string[] {
  return [...registry.keys()];
}

/**
 * Checks a task's input in this thread (the server calls it through a worker pool, so that reading
 * a hostile game file can exhaust only a worker's memory). Throws InputError.
 */
export function checkTask(task: RunTask): void {
  const spec = registry.get(task.kind);
  if (!spec) throw new InputError(`unknown run kind "${task.kind}"`, { place: '$.kind', expected: `one of ${runKinds().join(', ')}` });
  spec.check?.(task);
}

/** Runs a task in this thread. Throws InputError for bad input found while running. */
export async function executeTask(task: RunTask, ctx: ExecContext): Promise<unknown> {
  const spec = registry.get(task.kind);
  if (!spec) throw new InputError(`unknown run kind "${task.kind}"`, { place: '$.kind', expected: `one of ${runKinds().join(', ')}` });
  return spec.execute(task, ctx);
}

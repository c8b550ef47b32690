/**
 * POST /api/games/solve: solve a Gambit .nfg/.efg game now, in the request pool (apart from runs),
 * within a time limit that counts execution only (the thread is stopped when it runs out) and a
 * separate limit on the wait for a free thread (503 busy). A game that needs more memory than a
 * thread may use stops that thread only: 422 limit. A malformed file is a 400 with `game.nfg:line:col`.
 */
import type { FastifyInstance } from 'fastify';
import { isTaskLimitError, SOLVE_METHODS } from '../jobs';
import { ErrorBodySchema, fromInputError, fromTaskLimit, invalid } from './errors';
import { addRoute } from './routes';
import { SolveRequestSchema, SolveResponseSchema } from './schemas';
import type { ServerContext } from './context';

const err = (description: string) => ({ description, schema: ErrorBodySchema });

export function registerGameRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(
    app,
    {
      method: 'POST',
      url: '/api/games/solve',
      tag: 'games',
      summary: 'Solve a Gambit game file now (with a time limit)',
      body: SolveRequestSchema,
      write: true,
      responses: {
        200: { description: 'The game and its equilibria', schema: SolveResponseSchema },
        400: err('Malformed game file (place game.nfg:line:col or game.efg:line:col)'),
        413: err('Body too large'),
        422: err('Unknown method (place $.method); error "timeout" when the solve ran out of time; error "limit" when it needed more memory than a worker may use'),
        503: err('Every solver thread stayed busy past the queueing limit (error "busy"; Retry-After)'),
      },
    },
    async ({ body }) => {
      if (body.method !== undefined && !SOLVE_METHODS.includes(body.method)) {
        throw invalid(`unknown method "${body.method}"`, '$.method', `one of ${SOLVE_METHODS.join(', ')}`);
      }
      let outcome;
      try {
        outcome = await ctx.requestRunner.run(
          { kind: 'solve', scenario: null, variant: null, seed: 1, options: { ...body } },
          { timeoutMs: ctx.solveTimeoutMs, queueTimeoutMs: ctx.queueTimeoutMs },
        );
      } catch (error) {
        if (isTaskLimitError(error)) throw fromTaskLimit(error, 'the solve', error.limit === 'time' ? '; start it as a run (POST /api/runs, kind "solve") to wait longer' : '');
        throw error;
      }
      if (outcome.ok) return outcome.result;
      if (outcome.inputError) {
        const syntax = outcome.place !== undefined && /^game\.(nfg|efg):/.test(outcome.place);
        throw fromInputError(outcome, syntax ? 400 : 422);
      }
      throw new Error(outcome.message);
    },
  );
}

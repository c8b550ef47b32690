/**
 * POST /api/games/solve: solve a Gambit .nfg/.efg game now, in the worker pool, within a time
 * limit (the worker is stopped when it runs out). A malformed file is a 400 with `game.nfg:line:col`.
 */
import type { FastifyInstance } from 'fastify';
import { SOLVE_METHODS } from '../jobs';
import { ApiError, ErrorBodySchema, fromInputError, invalid } from './errors';
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
        422: err('Unknown method (place $.method), or error "timeout" when the solve ran out of time'),
      },
    },
    async ({ body }) => {
      if (body.method !== undefined && !SOLVE_METHODS.includes(body.method)) {
        throw invalid(`unknown method "${body.method}"`, '$.method', `one of ${SOLVE_METHODS.join(', ')}`);
      }
      const signal = AbortSignal.timeout(ctx.solveTimeoutMs);
      let outcome;
      try {
        outcome = await ctx.runner.run({ kind: 'solve', scenario: null, variant: null, seed: 1, options: { ...body } }, { signal });
      } catch (error) {
        if (signal.aborted) {
          throw new ApiError(422, 'timeout', `the solve did not finish within ${ctx.solveTimeoutMs} ms; start it as a run (POST /api/runs, kind "solve") to wait longer`);
        }
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

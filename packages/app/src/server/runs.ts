/**
 * Run routes: create (202, executed in the worker pool and stored as it completes), list, get,
 * server-sent progress events, cancel, and reproduce from provenance (then compare results).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { applyVariant, canonicalJson, type Scenario } from '@brink/engine/scenario';
import { isInputError } from '@brink/engine/errors';
import { getRunKind, isTaskLimitError, runKinds, type RunEvent, type RunTask } from '../jobs';
import { storedSourceReader, type RunRecord, type ScenarioRecord } from '../store';
import { ApiError, ErrorBodySchema, fromInputError, fromTaskLimit, fromZodError, invalid, notFound } from './errors';
import { addRoute } from './routes';
import { CreateRunSchema, IdParam, RunCreatedSchema, RunListQuery, RunListSchema, RunSchema } from './schemas';
import type { ServerContext } from './context';

const err = (description: string) => ({ description, schema: ErrorBodySchema });
const MAX_DIFFERENCES = 20;

/** JSON paths where two JSON values differ (at most `limit`). */
export function jsonDifferences(a: unknown, b: unknown, path = '$', out: string[] = [], limit = MAX_DIFFERENCES): string[] {
  if (out.length >= limit) return out;
  if (a === b) return out;
  const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}.length`);
    for (let i = 0; i < Math.min(a.length, b.length) && out.length < limit; i++) jsonDifferences(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (out.length >= limit) break;
      const sub = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      if (!(key in a) || !(key in b)) out.push(sub);
      else jsonDifferences(a[key], b[key], sub, out, limit);
    }
    return out;
  }
  out.push(path);
  return out;
}

export function registerRunRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, runs } = ctx;
  const IdParams = z.strictObject({ id: IdParam });

  async function withReproduction(run: RunRecord): Promise<RunRecord & { reproduction: unknown }> {
    if (!run.reproduces || run.status !== 'done') return { ...run, reproduction: null };
    const original = await store.getRun(run.reproduces);
    if (!original || original.status !== 'done') return { ...run, reproduction: null };
    const differences = jsonDifferences(original.result, run.result);
    return {
      ...run,
      reproduction: {
        of: original.id,
        identical: canonicalJson(original.result) === canonicalJson(run.result),
        engineVersionChanged: original.provenance.engineVersion !== run.provenance.engineVersion,
        differences,
      },
    };
  }

  /** Resolves what a run needs from the scenario; InputErrors become 422 with the body's paths. */
  async function prepareTask(input: {
    kind: string;
    record: ScenarioRecord | null;
    variant: string | null;
    seed: number;
    options: unknown;
  }): Promise<RunTask> {
    const spec = getRunKind(input.kind);
    if (!spec) throw invalid(`unknown run kind "${input.kind}"`, '$.kind', `one of ${runKinds().join(', ')}`);
    const parsed = spec.options.safeParse(input.options ?? {});
    if (!parsed.success) throw fromZodError(parsed.error, '$.options');
    let scenario: Scenario | null = null;
    if (spec.needsScenario && input.record) {
      scenario = input.record.scenario as unknown as Scenario;
      if (input.variant !== null) {
        if (!scenario.variants?.some((v) => v.id === input.variant)) {
          throw notFound(`scenario "${input.record.id}" has no variant "${input.variant}"`, '$.variant');
        }
        const readSource = await storedSourceReader(store, input.record);
        try {
          scenario = applyVariant(scenario, input.variant, { readSource });
        } catch (error) {
          if (isInputError(error)) throw fromInputError(error, 422);
          throw error;
        }
      }
    }
    const task: RunTask = { kind: input.kind, scenario, variant: scenario ? input.variant : null, seed: input.seed, options: parsed.data };
    if (spec.check) {
      // Off the main thread, within a worker's memory and time: the check reads the run's input
      // (a game file, the scenario's issues), and no input may exhaust the server's memory.
      let outcome;
      try {
        outcome = await ctx.requestRunner.check(task, { timeoutMs: ctx.solveTimeoutMs, queueTimeoutMs: ctx.queueTimeoutMs });
      } catch (error) {
        if (isTaskLimitError(error)) throw fromTaskLimit(error, "reading the run's input");
        throw error;
      }
      if (!outcome.ok) {
        if (outcome.inputError) throw fromInputError(outcome, 422);
        throw new Error(outcome.message);
      }
    }
    return task;
  }

  const created = (run: RunRecord) => ({
    id: run.id,
    status: run.status,
    reproduces: run.reproduces,
    links: { self: `/api/runs/${run.id}`, events: `/api/runs/${run.id}/events` },
  });

  addRoute(
    app,
    {
      method: 'POST',
      url: '/api/runs',
      tag: 'runs',
      summary: 'Start an analysis (deterrence, forecast, solve) as a stored run',
      body: CreateRunSchema,
      write: true,
      responses: {
        202: { description: 'Created and queued', schema: RunCreatedSchema },
        404: err('Unknown scenario, version or variant'),
        413: err('Body too large'),
        422: err('Invalid kind or options (place is the JSON path); error "limit" when reading its input needed more memory than a worker may use'),
        503: err('Every request thread stayed busy past the queueing limit (error "busy")'),
      },
    },
    async ({ body }, _request, reply) => {
      const spec = getRunKind(body.kind);
      if (!spec) throw invalid(`unknown run kind "${body.kind}"`, '$.kind', `one of ${runKinds().join(', ')}`);
      let record: ScenarioRecord | null = null;
      if (spec.needsScenario) {
        const scenarioId = body.scenarioId ?? ctx.defaultScenarioId;
        if (!scenarioId) throw invalid('no scenario given and no default scenario is loaded', '$.scenarioId');
        record = (await store.getScenario(scenarioId, body.version)) ?? null;
        if (!record) throw notFound(body.version === undefined ? `no scenario "${scenarioId}"` : `no scenario "${scenarioId}" version ${body.version}`, body.version === undefined ? '$.scenarioId' : '$.version');
      }
      const variant = spec.needsScenario ? (body.variant ?? null) : null;
      const task = await prepareTask({ kind: body.kind, record, variant, seed: body.seed ?? 1, options: body.options ?? {} });
      const run = await runs.submit({
        task,
        provenance: { scenarioHash: record?.hash ?? null, scenarioId: record?.id ?? null, scenarioVersion: record?.version ?? null, variant },
      });
      return reply.status(202).send(created(run));
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/runs',
      tag: 'runs',
      summary: 'List runs, newest first (without results)',
      query: RunListQuery,
      responses: { 200: { description: 'The runs', schema: RunListSchema } },
    },
    async ({ query }) => {
      const list = await store.listRuns({ ...query, withResults: false });
      return { runs: list.map(({ result: _result, ...rest }) => rest) };
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/runs/:id',
      tag: 'runs',
      summary: 'Get a run: status, progress, provenance, result',
      params: IdParams,
      responses: { 200: { description: 'The run', schema: RunSchema }, 404: err('Unknown run') },
    },
    async ({ params }) => {
      const run = await store.getRun(params.id);
      if (!run) throw notFound(`no run "${params.id}"`, 'id');
      return withReproduction(run);
    },
  );

  addRoute(
    app,
    {
      method: 'DELETE',
      url: '/api/runs/:id',
      tag: 'runs',
      summary: 'Cancel a queued or running run',
      params: IdParams,
      write: true,
      responses: { 200: { description: 'Cancelled', schema: RunSchema }, 404: err('Unknown run'), 409: err('The run had already ended') },
    },
    async ({ params }) => {
      const outcome = await runs.cancel(params.id);
      if (outcome === 'missing') throw notFound(`no run "${params.id}"`, 'id');
      const run = (await store.getRun(params.id))!;
      if (outcome === 'ended') throw new ApiError(409, 'conflict', `run "${params.id}" has already ended (${run.status})`, 'id');
      return withReproduction(run);
    },
  );

  addRoute(
    app,
    {
      method: 'POST',
      url: '/api/runs/:id/reproduce',
      tag: 'runs',
      summary: 'Run again from the stored provenance; GET the new run to compare',
      params: IdParams,
      write: true,
      responses: {
        202: { description: 'The new run', schema: RunCreatedSchema },
        404: err('Unknown run'),
        409: err("The run's scenario content is no longer stored"),
        422: err('The stored options are no longer valid for this engine'),
      },
    },
    async ({ params }, _request, reply) => {
      const original = await store.getRun(params.id);
      if (!original) throw notFound(`no run "${params.id}"`, 'id');
      const p = original.provenance;
      let record: ScenarioRecord | null = null;
      if (p.scenarioHash) {
        record = (await store.getScenarioByHash(p.scenarioHash)) ?? null;
        if (!record) throw new ApiError(409, 'conflict', `the scenario content ${p.scenarioHash} of run "${original.id}" is no longer stored`, 'provenance.scenarioHash');
      }
      const task = await prepareTask({ kind: original.kind, record, variant: p.variant, seed: p.seed ?? 1, options: p.options });
      const run = await runs.submit({
        task,
        provenance: { scenarioHash: record?.hash ?? null, scenarioId: record?.id ?? null, scenarioVersion: record?.version ?? null, variant: p.variant },
        reproduces: original.id,
      });
      return reply.status(202).send(created(run));
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/runs/:id/events',
      tag: 'runs',
      summary: 'Server-sent events of a run: progress, then done | failed | cancelled',
      description: 'text/event-stream. The stream closes after the final event; for an ended run the final event comes at once.',
      params: IdParams,
      responses: { 200: { description: 'The event stream', contentType: 'text/event-stream' }, 404: err('Unknown run') },
    },
    async ({ params }, request, reply) => {
      const first = await store.getRun(params.id);
      if (!first) throw notFound(`no run "${params.id}"`, 'id');
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let closed = false;
      const send = (event: string, data: unknown): void => {
        if (!closed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const timers: NodeJS.Timeout[] = [];
      let unsubscribe = (): void => {};
      const finish = (): void => {
        if (closed) return;
        closed = true;
        unsubscribe();
        for (const t of timers) clearInterval(t);
        raw.end();
      };
      const sendFinal = async (run: RunRecord): Promise<boolean> => {
        if (run.status === 'done') send('done', await withReproduction(run));
        else if (run.status === 'failed') send('failed', { id: run.id, error: run.error });
        else if (run.status === 'cancelled') send('cancelled', { id: run.id });
        else return false;
        finish();
        return true;
      };
      raw.on('close', finish); // the client went away (or the stream ended)
      unsubscribe = runs.subscribe(params.id, (event: RunEvent) => {
        if (event.type === 'progress') send('progress', { id: event.id, status: event.status, progress: event.progress });
        else void store.getRun(params.id).then((run) => run && sendFinal(run)).catch(finish);
      });
      // Read again after subscribing, so an end between the first read and now is not missed.
      let now: RunRecord | undefined;
      try {
        now = await store.getRun(params.id);
      } catch {
        now = undefined;
      }
      if (!now) return finish(); // the store failed (or the run vanished): end the stream, never hang
      if (await sendFinal(now).catch(() => (finish(), true))) return;
      send('progress', { id: now.id, status: now.status, progress: now.progress });
      // Runs executed by another process (PostgreSQL shared by several servers): poll the store.
      timers.push(
        setInterval(() => {
          if (runs.isActive(params.id)) return;
          // A store error ends the stream (the client may reconnect) instead of an unhandled
          // rejection, which would stop the whole server.
          void store.getRun(params.id).then((run) => run && sendFinal(run)).catch(finish);
        }, 1000),
        setInterval(() => !closed && raw.write(': keep-alive\n\n'), 15_000),
      );
    },
  );
}

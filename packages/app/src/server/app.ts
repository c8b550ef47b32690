/**
 * Builds Brink's HTTP server (Fastify 5): the JSON API under /api (docs/api.md), its OpenAPI
 * document and reference page, and the web app's static files with a fallback to index.html.
 *
 * Safety: size, nesting and id limits; solves and run checks in worker processes with memory and execution-time limits (docs/limits.md); request paths never reach
 * the file system (sources come from the store; static files are an allow-list, made again when
 * the web app is rebuilt); every error is JSON; tokens with roles and rate limits (./access.ts); runs go to the local pool or the Redis queue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { InputError } from '@brink/engine/errors';
import { LIMITS } from '@brink/engine/limits';
import { createInlineRunner, createWorkerPool, RunManager, RunQueue, runKinds, type TaskRunner } from '../jobs';
import type { SourceInput, Store } from '../store';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile, REPO_ROOT } from '../scenario-files';
import { APP_DIR, ENGINE_DIR } from '../paths';
import { installErrorHandler, notFound } from './errors';
import { parseJsonBody } from './json-body';
import { accessFromEnv, installAccess, type Role } from './access';
import { addRoute } from './routes';
import { AdminStatusSchema, HealthSchema } from './schemas';
import { registerScenarioRoutes } from './scenarios';
import { registerRunRoutes } from './runs';
import { registerGameRoutes } from './games';
import { registerEvidenceRoutes } from './evidence';
import { buildOpenApi } from './openapi';
import { docsPage } from './docs-page';
import { StaticFiles } from './static-files';
import type { ServerContext } from './context';

export const APP_VERSION = readVersion(path.join(APP_DIR, 'package.json'));
export const ENGINE_VERSION = readVersion(path.join(ENGINE_DIR, 'package.json'));
export const DEFAULT_WEB_DIST = path.join(REPO_ROOT, 'packages/web/dist');
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
export const DEFAULT_SOLVE_TIMEOUT_MS = 10_000;
/** Longest wait for a free request thread (synchronous solves, run checks). */
export const DEFAULT_QUEUE_TIMEOUT_MS = 10_000;
/** V8 heap limit of a request thread (solves, run checks), MB. */
export const DEFAULT_REQUEST_WORKER_MEMORY_MB = 512;

function readVersion(file: string): string {
  try {
    return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

export interface ServerOptions {
  store: Store;
  /** Where runs execute. Default: a pool of worker processes (closed with the server); none with the Redis queue. */
  runner?: TaskRunner;
  /**
   * Where request-path work executes (synchronous solves, the check of a run's input), apart from
   * runs so that a quick solve never waits behind a long run. Default: a pool of
   * BRINK_REQUEST_WORKERS (default 2) threads with a 512 MB heap each (closed with the server).
   */
  requestRunner?: TaskRunner;
  /** The host the server will bind (decides whether writes need the token). Default 127.0.0.1. */
  host?: string;
  /** Bearer token for writes off loopback. Default: BRINK_TOKEN. */
  token?: string;
  /** Maximum request body, bytes. Default: BRINK_BODY_LIMIT or 4 MiB. */
  bodyLimit?: number;
  /** Time limit of POST /api/games/solve and of a run's check, counted from when a thread starts it. Default: BRINK_SOLVE_TIMEOUT_MS or 10 s. */
  solveTimeoutMs?: number;
  /** Longest wait for a free request thread. Default: BRINK_QUEUE_TIMEOUT_MS or 10 s. */
  queueTimeoutMs?: number;
  /** Execution time limit of a run, ms (0: none). Default: BRINK_RUN_TIMEOUT_MS or none. */
  runTimeoutMs?: number;
  /** The web app's build folder, or null for none. Default: packages/web/dist (served once built). */
  webDist?: string | null;
  /** Store the default scenario (and its sources) at start-up. Default true. */
  loadDefaultScenario?: boolean;
  /** Redis URL of the run queue (runs go to `brink worker` processes). Default: BRINK_REDIS_URL; none: the local pool. */
  redisUrl?: string;
  /** Fastify logging. Default false. */
  logger?: boolean;
  env?: Record<string, string | undefined>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::ffff:127.0.0.1';
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Loads the default scenario file into the store; returns its id (null when it cannot be read). */
export async function storeDefaultScenario(store: Store, log: (message: string) => void = () => {}): Promise<string | null> {
  try {
    const loaded = await loadScenarioFile(DEFAULT_SCENARIO_PATH);
    const sources: SourceInput[] = loaded.scenario.sources
      .filter((s) => loaded.sourceTexts[s.id] !== undefined)
      .map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, date: s.date, language: s.language, url: s.url ?? null, text: loaded.sourceTexts[s.id]! }));
    const { record } = await store.putScenario({ scenario: loaded.scenario as never, text: loaded.text, sources });
    return record.id;
  } catch (error) {
    log(`brink: could not load the default scenario ${DEFAULT_SCENARIO_PATH}: ${error instanceof Error ? error.message : String(error)}`);
    const stored = await store.listScenarios();
    return stored[0]?.id ?? null;
  }
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  // Tokens with roles and rate limits (./access.ts); off loopback a server refuses to start without a write token.
  const access = accessFromEnv(env, { loopback: isLoopback(host), token: options.token });
  const bodyLimit = options.bodyLimit ?? positiveInt(env.BRINK_BODY_LIMIT) ?? DEFAULT_BODY_LIMIT;
  const solveTimeoutMs = options.solveTimeoutMs ?? positiveInt(env.BRINK_SOLVE_TIMEOUT_MS) ?? DEFAULT_SOLVE_TIMEOUT_MS;
  const queueTimeoutMs = options.queueTimeoutMs ?? positiveInt(env.BRINK_QUEUE_TIMEOUT_MS) ?? DEFAULT_QUEUE_TIMEOUT_MS;
  const runTimeoutMs = options.runTimeoutMs ?? positiveInt(env.BRINK_RUN_TIMEOUT_MS);
  // The default build folder is watched even when not built yet: a later build is served without a restart.
  const webDist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    return503OnClosing: false,
    forceCloseConnections: true,
    // Long enough that an over-long id reaches the route's schema (a 400 that names the limit)
    // instead of missing the route (404).
    routerOptions: { maxParamLength: 4 * LIMITS.maxIdLength + 64 },
    // Errors Fastify raises before routing (a malformed URL...) are JSON like every other.
    frameworkErrors: (error, _request, reply) => {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as FastifyReply).status(status).send({ error: 'bad_request', message: error.message });
    },
  });
  installErrorHandler(app);

  const redisUrl = options.redisUrl ?? (env.BRINK_REDIS_URL || undefined);
  let queue: RunQueue | undefined;
  if (redisUrl) {
    if (!/^rediss?:\/\//.test(redisUrl)) throw new InputError(`must start with redis:// or rediss://`, { place: 'BRINK_REDIS_URL', expected: 'redis://host:port' });
    queue = new RunQueue({ redisUrl, env });
    try {
      await queue.ready();
    } catch (error) {
      await queue.close();
      throw new InputError(error instanceof Error ? error.message : String(error), { place: 'BRINK_REDIS_URL', expected: 'a reachable Redis server' });
    }
  }
  // With the queue, `brink worker` processes execute runs: no local pool for them.
  const ownsRunner = options.runner === undefined;
  const runner = options.runner ?? (queue ? createInlineRunner() : createWorkerPool({ env }));
  const ownsRequestRunner = options.requestRunner === undefined;
  const requestRunner =
    options.requestRunner ??
    createWorkerPool({ env, threads: positiveInt(env.BRINK_REQUEST_WORKERS) ?? 2, memoryMb: positiveInt(env.BRINK_REQUEST_WORKER_MEMORY_MB) ?? DEFAULT_REQUEST_WORKER_MEMORY_MB, maxQueue: 256 });
  const runs = new RunManager(options.store, runner, ENGINE_VERSION, { runTimeoutMs, maxQueuedRuns: positiveInt(env.BRINK_MAX_QUEUED_RUNS), queue });
  // Runs a stopped server left unfinished are marked failed; runs of another live server
  // (PostgreSQL) and runs still in the queue are left to them.
  await runs.recoverInterrupted();
  const warn = (m: string) => (options.logger ? app.log.warn(m) : process.stderr.write(`${m}\n`));
  const defaultScenarioId = options.loadDefaultScenario === false ? null : await storeDefaultScenario(options.store, warn);

  const ctx: ServerContext = { store: options.store, runs, requestRunner, appVersion: APP_VERSION, engineVersion: ENGINE_VERSION, defaultScenarioId, solveTimeoutMs, queueTimeoutMs };
  app.addHook('onClose', async () => {
    await runs.close();
    if (ownsRunner) await runner.close();
    if (ownsRequestRunner) await requestRunner.close();
    await queue?.close();
  });

  await installAccess(
    app,
    access,
    (request) => {
      const role = (request.routeOptions.config as { role?: Role } | undefined)?.role;
      if (role) return role;
      const url = request.url.split('?')[0]!;
      if (url === '/api' || url.startsWith('/api/')) return ['GET', 'HEAD'].includes(request.method) ? 'read' : 'write';
      return null;
    },
    queue?.redis,
  );

  // Only JSON, YAML and plain text bodies are accepted anywhere (others: 415).
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // JSON bodies: nesting depth bounded before parsing (docs/limits.md), errors with a place.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  addRoute(
    app,
    { method: 'GET', url: '/api/health', tag: 'meta', summary: 'Server status', responses: { 200: { description: 'OK', schema: HealthSchema } } },
    async () => ({ ok: true, version: APP_VERSION, engineVersion: ENGINE_VERSION, store: options.store.dialect, runBackend: runs.backend, defaultScenarioId, runKinds: runKinds() }),
  );
  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/admin/status',
      tag: 'meta',
      summary: 'Deployment status: where runs execute, unfinished runs, the queue (admin role)',
      role: 'admin',
      responses: { 200: { description: 'Status', schema: AdminStatusSchema } },
    },
    async () => {
      const unfinished = await options.store.listUnfinishedRuns();
      return {
        runBackend: runs.backend,
        store: options.store.dialect,
        instanceId: runs.instanceId,
        runs: { queued: unfinished.filter((r) => r.status === 'queued').length, running: unfinished.filter((r) => r.status === 'running').length },
        queue: queue ? { name: queue.name, jobs: await queue.counts() } : null,
      };
    },
  );
  registerScenarioRoutes(app, ctx);
  registerRunRoutes(app, ctx);
  registerGameRoutes(app, ctx);
  registerEvidenceRoutes(app, ctx);

  let openapi: unknown;
  app.get('/api/openapi.json', async () => (openapi ??= buildOpenApi({ version: APP_VERSION, engineVersion: ENGINE_VERSION })));
  const page = docsPage('Brink API reference');
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));

  const notBuiltPage =
    '<!doctype html><meta charset="utf-8"><title>Brink</title><h1>Brink</h1><p>The web app is not built yet (<code>npm run build -w @brink/web</code>). The API is here: <a href="/api/docs">reference</a>, <a href="/api/scenarios">scenarios</a>.</p>';
  if (webDist) {
    // The built files as an allow-list (static-files.ts): a request path is only a key looked up in
    // it, and the list is made again when the build's index.html changes (a rebuild while running).
    const staticFiles = new StaticFiles(webDist);
    await app.register(fastifyStatic, { root: webDist, serve: false });
    app.get('/*', async (request, reply) => {
      const url = request.url.split('?')[0]!;
      if (url === '/api' || url.startsWith('/api/')) throw notFound(`no route ${request.method} ${url}`, 'url');
      let decoded: string;
      try {
        decoded = decodeURIComponent(url);
      } catch {
        throw notFound(`no file ${url}`, 'url');
      }
      const file = staticFiles.lookup(decoded);
      if (file !== null) return reply.sendFile(file);
      // A path without a file extension is one of the web app's pages: its index.html routes it.
      if (!/\.[A-Za-z0-9]{1,8}$/.test(url)) {
        if (staticFiles.hasIndex()) return reply.type('text/html; charset=utf-8').sendFile('index.html');
        if (url === '/') return reply.type('text/html; charset=utf-8').send(notBuiltPage);
      }
      throw notFound(`no file ${url}`, 'url');
    });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(notBuiltPage));
  }

  app.setNotFoundHandler(async (request) => {
    const url = request.url.split('?')[0]!;
    if (url === '/api' || url.startsWith('/api/')) throw notFound(`no route ${request.method} ${url}`, 'url');
    throw notFound(`no file ${url}`, 'url');
  });

  return app;
}

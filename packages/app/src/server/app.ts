/**
 * Builds Brink's HTTP server (Fastify 5): the JSON API under /api (docs/api.md), its OpenAPI
 * document and reference page, and the web app's static files with a fallback to index.html.
 *
 * Safety: a body size limit; solves in worker threads with a time limit; request paths never reach
 * the file system (sources come from the store; static files are an allow-list, made again when
 * the web app is rebuilt); every error is JSON; off loopback, writes need `Authorization: Bearer $BRINK_TOKEN`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { InputError } from '@brink/engine/errors';
import { createWorkerPool, RunManager, runKinds, type TaskRunner } from '../jobs';
import type { SourceInput, Store } from '../store';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile, REPO_ROOT } from '../scenario-files';
import { APP_DIR, ENGINE_DIR } from '../paths';
import { ApiError, installErrorHandler, notFound } from './errors';
import { addRoute } from './routes';
import { HealthSchema } from './schemas';
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

function readVersion(file: string): string {
  try {
    return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

export interface ServerOptions {
  store: Store;
  /** Where runs execute. Default: a worker-thread pool (closed with the server). */
  runner?: TaskRunner;
  /** The host the server will bind (decides whether writes need the token). Default 127.0.0.1. */
  host?: string;
  /** Bearer token for writes off loopback. Default: BRINK_TOKEN. */
  token?: string;
  /** Maximum request body, bytes. Default: BRINK_BODY_LIMIT or 4 MiB. */
  bodyLimit?: number;
  /** Time limit of POST /api/games/solve. Default: BRINK_SOLVE_TIMEOUT_MS or 10 s. */
  solveTimeoutMs?: number;
  /** The web app's build folder, or null for none. Default: packages/web/dist (served once built). */
  webDist?: string | null;
  /** Store the default scenario (and its sources) at start-up. Default true. */
  loadDefaultScenario?: boolean;
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
  const token = options.token ?? env.BRINK_TOKEN;
  const requireToken = !isLoopback(host);
  if (requireToken && !token) {
    throw new InputError(`binding to ${host} (not loopback) needs BRINK_TOKEN: writes must be authenticated`, { place: 'host', expected: '127.0.0.1, or set BRINK_TOKEN' });
  }
  const bodyLimit = options.bodyLimit ?? positiveInt(env.BRINK_BODY_LIMIT) ?? DEFAULT_BODY_LIMIT;
  const solveTimeoutMs = options.solveTimeoutMs ?? positiveInt(env.BRINK_SOLVE_TIMEOUT_MS) ?? DEFAULT_SOLVE_TIMEOUT_MS;
  // The default build folder is watched even when not built yet: a later build is served without a restart.
  const webDist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    return503OnClosing: false,
    forceCloseConnections: true,
    // Errors Fastify raises before routing (a malformed URL...) are JSON like every other.
    frameworkErrors: (error, _request, reply) => {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as FastifyReply).status(status).send({ error: 'bad_request', message: error.message });
    },
  });
  installErrorHandler(app);

  const ownsRunner = options.runner === undefined;
  const runner = options.runner ?? createWorkerPool();
  const runs = new RunManager(options.store, runner, ENGINE_VERSION);
  // SQLite: one server per file, so unfinished runs in it were left by a server that stopped.
  // (On PostgreSQL other servers may be running them; they are left alone.)
  if (options.store.dialect === 'sqlite') await runs.recoverInterrupted();
  const warn = (m: string) => (options.logger ? app.log.warn(m) : process.stderr.write(`${m}\n`));
  const defaultScenarioId = options.loadDefaultScenario === false ? null : await storeDefaultScenario(options.store, warn);

  const ctx: ServerContext = { store: options.store, runs, runner, appVersion: APP_VERSION, engineVersion: ENGINE_VERSION, defaultScenarioId, solveTimeoutMs };
  app.addHook('onClose', async () => {
    await runs.close();
    if (ownsRunner) await runner.close();
  });

  if (requireToken) {
    const expected = createHash('sha256').update(token!).digest();
    app.addHook('onRequest', async (request) => {
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return;
      const header = request.headers.authorization ?? '';
      const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
      const digest = createHash('sha256').update(given).digest();
      if (!given || !timingSafeEqual(digest, expected)) {
        throw new ApiError(401, 'unauthorized', 'this server is not on loopback: writes need "Authorization: Bearer <BRINK_TOKEN>"', 'authorization');
      }
    });
  }

  // Only JSON, YAML and plain text bodies are accepted anywhere (others: 415).
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  addRoute(
    app,
    { method: 'GET', url: '/api/health', tag: 'meta', summary: 'Server status', responses: { 200: { description: 'OK', schema: HealthSchema } } },
    async () => ({ ok: true, version: APP_VERSION, engineVersion: ENGINE_VERSION, store: options.store.dialect, defaultScenarioId, runKinds: runKinds() }),
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

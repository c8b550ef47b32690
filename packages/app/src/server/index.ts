/** Public API of Brink's HTTP server (docs/api.md). */
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../store';
import { buildServer, type ServerOptions } from './app';

export { buildServer, isLoopback, storeDefaultScenario, APP_VERSION, ENGINE_VERSION, DEFAULT_BODY_LIMIT, DEFAULT_SOLVE_TIMEOUT_MS, type ServerOptions } from './app';
export { buildOpenApi } from './openapi';
export { ApiError, type ErrorBody } from './errors';

export interface StartOptions extends Omit<ServerOptions, 'store'> {
  /** Default: PORT or 8080. 0 picks a free port. */
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/** Opens the store, builds the server, listens; `close()` stops both. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 8080);
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, env });
  let app: FastifyInstance;
  try {
    app = await buildServer({ ...options, host, store });
    await app.listen({ port, host });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    app,
    store,
    url: `http://${shown}:${boundPort}/`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

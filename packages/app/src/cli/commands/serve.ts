/**
 * `brink serve`: the HTTP API and the web app (docs/api.md) on 127.0.0.1, with the default
 * scenario loaded into the store. Prints the URL, then serves until Ctrl-C (SIGINT) or SIGTERM.
 */
import type { Command } from 'commander';
import { InputError } from '@brink/engine/errors';
import { action } from '../run';
import { startServer } from '../../server';

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InputError(`invalid port "${value}"`, { place: '--port', expected: 'an integer 0..65535' });
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the web app on the default scenario; prints the URL')
    .option('-p, --port <port>', 'port (default: PORT, else 8080; 0 picks a free one)')
    .option('--host <host>', 'address to bind; anything but loopback needs BRINK_TOKEN for writes', '127.0.0.1')
    .addHelpText(
      'after',
      `
Environment: PORT, BRINK_DATA (data directory), BRINK_DATABASE_URL (postgres://... instead of SQLite),
BRINK_TOKEN (bearer token for writes off loopback), BRINK_BODY_LIMIT (bytes, default 4 MiB),
BRINK_SOLVE_TIMEOUT_MS (default 10000), BRINK_WORKERS (worker processes for runs), BRINK_REDIS_URL (run
runs on \`brink worker\` processes through this Redis queue), limits: docs/limits.md, deployment: docs/deploy.md.
API reference: docs/api.md, or /api/docs on the running server.`,
    )
    .action(
      action(async (opts: { port?: string; host: string }, cmd: Command) => {
        const globals = cmd.optsWithGlobals<{ data?: string }>();
        const port = opts.port !== undefined ? parsePort(opts.port) : process.env.PORT ? parsePort(process.env.PORT) : 8080;
        let server;
        try {
          server = await startServer({ port, host: opts.host, dataDir: globals.data });
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'EADDRINUSE') throw new InputError(`port ${port} is already in use`, { place: '--port', expected: 'a free port (or PORT=0)' });
          if (code === 'EADDRNOTAVAIL') throw new InputError(`cannot bind ${opts.host}`, { place: '--host' });
          throw error;
        }
        process.stdout.write(`Brink is serving ${server.url} (store: ${server.store.location}; Ctrl-C stops)\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
      }),
    );
}

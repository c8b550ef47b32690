/**
 * `brink worker`: a worker process of the Redis run queue (docs/deploy.md). Takes runs and chunks
 * of runs from the queue (`BRINK_REDIS_URL`) and executes them in its own worker processes,
 * storing results in the store (`BRINK_DATABASE_URL` or `--data`, the same store as the server's).
 * Start any number, on any machine that reaches Redis and the store. Stops on SIGINT or SIGTERM
 * after the jobs in hand (a SIGKILL'd worker's jobs are retried by another after their lock expires).
 */
import type { Command } from 'commander';
import { InputError } from '@brink/engine/errors';
import { action } from '../run';
import { openStore } from '../../store';
import { createWorkerPool, defaultThreadCount, startQueueWorker } from '../../jobs';
import { redact } from '../../jobs/queue';

function parseCount(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 256) throw new InputError(`invalid count "${value}"`, { place: flag, expected: 'an integer 1..256' });
  return n;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Execute runs from the Redis queue (BRINK_REDIS_URL), storing results in the shared store')
    .option('-c, --concurrency <n>', 'jobs at once, each in its own worker process (default: BRINK_WORKERS, else cores - 1, 1..4)')
    .addHelpText(
      'after',
      `
Environment: BRINK_REDIS_URL (required: redis://host:port), BRINK_DATABASE_URL (postgres://...; else the SQLite
file under --data or BRINK_DATA, which only works with the server on the same machine), BRINK_WORKERS,
BRINK_WORKER_MEMORY_MB (heap of each worker process, default 1024), BRINK_QUEUE_LOCK_MS (a killed
worker's job is retried after this, default 30000), BRINK_QUEUE_NAME (default brink-runs).
Deployment: docs/deploy.md.`,
    )
    .action(
      action(async (opts: { concurrency?: string }, cmd: Command) => {
        const globals = cmd.optsWithGlobals<{ data?: string }>();
        const redisUrl = process.env.BRINK_REDIS_URL;
        if (!redisUrl) throw new InputError('set BRINK_REDIS_URL to the queue\'s Redis (redis://host:port)', { place: 'BRINK_REDIS_URL', expected: 'redis://host:port' });
        if (!/^rediss?:\/\//.test(redisUrl)) throw new InputError('must start with redis:// or rediss://', { place: 'BRINK_REDIS_URL', expected: 'redis://host:port' });
        const concurrency = opts.concurrency !== undefined ? parseCount(opts.concurrency, '--concurrency') : defaultThreadCount();
        const store = await openStore({ dataDir: globals.data });
        const pool = createWorkerPool({ threads: concurrency });
        let worker;
        try {
          worker = await startQueueWorker({ redisUrl, store, pool, concurrency, log: (m) => process.stderr.write(`brink worker: ${m}\n`) });
        } catch (error) {
          await pool.close();
          await store.close();
          throw new InputError(`cannot use the queue: ${error instanceof Error ? error.message : String(error)}`, { place: 'BRINK_REDIS_URL' });
        }
        process.stdout.write(`Brink worker ${worker.name} is ready (queue ${redact(redisUrl)}, store ${store.location}, ${concurrency} at once; Ctrl-C stops)\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await worker.close();
        await pool.close();
        await store.close();
      }),
    );
}

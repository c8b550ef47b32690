/**
 * The Redis queue back end (BullMQ), behind the same run interface as the local pool
 * (docs/deploy.md, docs/decisions/0010). `BRINK_REDIS_URL` switches a server to it; `brink worker`
 * processes, on any machine that reaches Redis and the store, execute the runs.
 *
 * What travels where:
 * - The queue carries run ids and chunk indexes only. A worker rebuilds a run's task from its
 *   provenance in the store (./task-from-run.ts) and its chunk specs with the kind's `split`,
 *   a pure function of the task, so every process agrees on them.
 * - A run that splits (./chunks.ts) is a BullMQ flow: one `chunk` job per chunk and a parent
 *   `merge` job that runs once every chunk is done. Each chunk's result is stored in the store
 *   as it finishes (`putChunkResult`: once per chunk, so a retried chunk is never counted twice);
 *   the merge reads them in index order and stores the run's result. Other runs are one `whole` job.
 * - A worker killed mid-chunk holds a lock that expires (`BRINK_QUEUE_LOCK_MS`, default 30 s): the
 *   chunk goes back to the queue and another worker takes it. Finished chunks are in the store.
 * - Progress and the end of a run are published on a Redis channel (the server relays them to
 *   event streams) and kept in the store; cancelling publishes `cancel`, which stops the worker
 *   processes executing the run's chunks, and removes its waiting jobs.
 */
import os from 'node:os';
import { FlowProducer, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Store } from '../store';
import { getRunKind, type RunTask } from './kinds';
import { isTaskLimitError, type TaskRunner } from './pool';
import { taskFromRun } from './task-from-run';
import { isInputError } from '@brink/engine/errors';

export const QUEUE_OWNER = 'queue';

export type QueueEvent =
  | { type: 'progress'; id: string; progress: number }
  | { type: 'done'; id: string }
  | { type: 'failed'; id: string; error: string }
  | { type: 'cancel'; id: string };

export interface QueueSettings {
  redisUrl: string;
  /** Queue name (default BRINK_QUEUE_NAME or "brink-runs"): servers and workers of one deployment share it. */
  name?: string;
  env?: Record<string, string | undefined>;
}

interface JobData {
  runId: string;
  index?: number;
}

function connect(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
  redis.on('error', () => {}); // reconnects by itself; operations report their own errors
  return redis;
}

function names(settings: QueueSettings) {
  const env = settings.env ?? process.env;
  const name = settings.name ?? env.BRINK_QUEUE_NAME ?? 'brink-runs';
  return { name, channel: `brink:${name}:events`, prefix: 'brink' };
}

const wholeId = (runId: string) => `${runId}-whole`;
const mergeId = (runId: string) => `${runId}-merge`;
const chunkId = (runId: string, i: number) => `${runId}-c${i}`;

/** The server's side: enqueue, cancel, ask, and listen to run events. */
export class RunQueue {
  private readonly connection: Redis;
  private readonly publisher: Redis;
  private subscriber: Redis | undefined;
  private readonly queue: Queue;
  private readonly flow: FlowProducer;
  private readonly listeners = new Set<(event: QueueEvent) => void>();
  readonly name: string;
  private readonly channel: string;

  constructor(readonly settings: QueueSettings) {
    const n = names(settings);
    this.name = n.name;
    this.channel = n.channel;
    this.connection = connect(settings.redisUrl);
    this.publisher = connect(settings.redisUrl);
    this.queue = new Queue(n.name, { connection: this.connection, prefix: n.prefix });
    this.flow = new FlowProducer({ connection: this.connection, prefix: n.prefix });
  }

  /** The queue's Redis connection (shared with other users of Redis, e.g. rate limits). */
  get redis(): Redis {
    return this.publisher;
  }

  /** Resolves once Redis answers (a clear error at start-up instead of hanging requests). */
  async ready(timeoutMs = 10_000): Promise<void> {
    const ping = this.connection.ping();
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Redis at ${redact(this.settings.redisUrl)} did not answer within ${timeoutMs} ms`)), timeoutMs).unref());
    await Promise.race([ping, timer]);
  }

  /** Queues a run: `chunks` jobs and a merge (a split run), or one whole job. */
  async enqueue(runId: string, chunks: number | null): Promise<void> {
    const keep = { removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 86400 } };
    if (chunks === null) {
      await this.queue.add('whole', { runId } satisfies JobData, { jobId: wholeId(runId), attempts: 2, backoff: { type: 'fixed', delay: 1000 }, ...keep });
      return;
    }
    await this.flow.add({
      name: 'merge',
      queueName: this.name,
      data: { runId } satisfies JobData,
      opts: { jobId: mergeId(runId), attempts: 3, backoff: { type: 'fixed', delay: 1000 }, ...keep },
      children: Array.from({ length: chunks }, (_, index) => ({
        name: 'chunk',
        queueName: this.name,
        data: { runId, index } satisfies JobData,
        opts: { jobId: chunkId(runId, index), attempts: 3, backoff: { type: 'fixed', delay: 1000 }, failParentOnFailure: true, ...keep },
      })),
    });
  }

  /** True while a run still has a job waiting, delayed or executing (it will be finished by a worker). */
  async has(runId: string): Promise<boolean> {
    for (const id of [mergeId(runId), wholeId(runId)]) {
      const job = await this.queue.getJob(id);
      if (!job) continue;
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return true;
    }
    return false;
  }

  /** Stops a run: workers executing it stop, its waiting jobs are removed. */
  async cancel(runId: string): Promise<void> {
    await this.publish({ type: 'cancel', id: runId });
    for (const id of [mergeId(runId), wholeId(runId)]) {
      try {
        await this.queue.remove(id, { removeChildren: true });
      } catch {
        // an active job cannot be removed; the cancel message stops it
      }
    }
  }

  async publish(event: QueueEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  /** Listens to run events of every worker; returns the function that stops listening. */
  onEvent(listener: (event: QueueEvent) => void): () => void {
    if (!this.subscriber) {
      this.subscriber = connect(this.settings.redisUrl);
      void this.subscriber.subscribe(this.channel);
      this.subscriber.on('message', (_channel: string, text: string) => {
        let event: QueueEvent;
        try {
          event = JSON.parse(text) as QueueEvent;
        } catch {
          return;
        }
        for (const l of this.listeners) l(event);
      });
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'waiting-children', 'completed', 'failed');
  }

  async close(): Promise<void> {
    await this.flow.close();
    await this.queue.close();
    this.subscriber?.disconnect();
    this.publisher.disconnect();
    this.connection.disconnect();
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

export interface QueueWorkerOptions extends QueueSettings {
  store: Store;
  /** Where this worker executes tasks (its own worker processes). */
  pool: TaskRunner;
  /** Jobs at once (default: the pool's size). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal: a killed worker's job is retried after it (ms). */
  lockMs?: number;
  /** Name in the store's chunk records (default host:pid). */
  workerName?: string;
  log?: (message: string) => void;
}

export interface QueueWorker {
  readonly name: string;
  close(): Promise<void>;
}

/** A `brink worker`: takes run jobs from the queue and executes them in its worker processes. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { store, pool } = options;
  const env = options.env ?? process.env;
  const n = names(options);
  const workerName = options.workerName ?? `${os.hostname()}:${process.pid}`;
  const log = options.log ?? (() => {});
  const lockMs = options.lockMs ?? (Number(env.BRINK_QUEUE_LOCK_MS) || 30_000);
  const events = new RunQueue(options);
  await events.ready();
  const aborts = new Map<string, Set<AbortController>>();
  const stopEvents = events.onEvent((event) => {
    if (event.type === 'cancel') for (const c of aborts.get(event.id) ?? []) c.abort();
  });
  // Tasks and chunk specs per run, for the chunks of one run this worker takes one after another.
  const tasks = new Map<string, Promise<{ task: RunTask; specs: unknown[] | null }>>();
  const prepared = (runId: string, load: () => Promise<RunTask>) => {
    let hit = tasks.get(runId);
    if (!hit) {
      hit = load().then((task) => ({ task, specs: getRunKind(task.kind)?.chunks?.split(task) ?? null }));
      hit.catch(() => tasks.delete(runId));
      tasks.set(runId, hit);
      while (tasks.size > 32) tasks.delete(tasks.keys().next().value!);
    }
    return hit;
  };

  const fail = async (runId: string, message: string) => {
    if (await store.failRun(runId, message)) await events.publish({ type: 'failed', id: runId, error: message });
  };

  async function processJob(job: Job<JobData>): Promise<unknown> {
    const { runId } = job.data;
    const run = await store.getRun(runId);
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return { skipped: run?.status ?? 'missing' };
    let task: RunTask;
    let specs: unknown[] | null;
    try {
      ({ task, specs } = await prepared(runId, () => taskFromRun(store, run)));
    } catch (error) {
      const message = isInputError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      await fail(runId, message);
      throw new UnrecoverableError(message);
    }
    if (job.name === 'merge') {
      const parts = await store.getChunkResults(runId);
      const total = specs?.length ?? 0;
      if (parts.length !== total || parts.some((p, i) => p.index !== i)) throw new Error(`run ${runId}: ${parts.length} of ${total} chunk results are stored`);
      // In a worker process, as the chunks ran: a merge may run a whole analysis (the Sobol design),
      // which must neither block this process (its job locks) nor escape the pool's limits.
      const merged = await pool.mergeChunks(task, parts.map((p) => p.result));
      if (!merged.ok) {
        const message = merged.inputError ? merged.message : `internal error: ${merged.message}`;
        await fail(runId, message);
        throw new UnrecoverableError(message);
      }
      if (await store.finishRun(runId, merged.result)) await events.publish({ type: 'done', id: runId });
      log(`run ${runId} done (${total} chunks merged)`);
      return { merged: total };
    }
    if (await store.startRun(runId)) await events.publish({ type: 'progress', id: runId, progress: 0 });
    const controller = new AbortController();
    const set = aborts.get(runId) ?? new Set<AbortController>();
    set.add(controller);
    aborts.set(runId, set);
    let lastPublished = 0;
    try {
      if (job.name === 'chunk') {
        const index = job.data.index!;
        if (!specs || index >= specs.length) throw new UnrecoverableError(`run ${runId} has no chunk ${index}`);
        const total = specs.length;
        // The run as loaded above (startRun does not touch its chunks): a progress estimate only.
        const doneBefore = run.chunks?.done ?? 0;
        const outcome = await pool.runChunk(task, specs[index], {
          signal: controller.signal,
          onProgress: (p) => {
            const now = Date.now();
            if (now - lastPublished < 250) return;
            lastPublished = now;
            void events.publish({ type: 'progress', id: runId, progress: Math.min(1, (doneBefore + p) / total) });
          },
        });
        if (!outcome.ok) {
          const message = outcome.inputError ? outcome.message : `internal error: ${outcome.message}`;
          await fail(runId, message);
          throw new UnrecoverableError(message);
        }
        const stored = await store.putChunkResult(runId, index, outcome.result, workerName);
        if (env.BRINK_WORKER_VERBOSE) log(`run ${runId} chunk ${index + 1}/${total} ${stored.stored ? 'stored' : 'already stored'}`);
        if (stored.total) await events.publish({ type: 'progress', id: runId, progress: stored.done / stored.total });
        return { chunk: index, stored: stored.stored };
      }
      const outcome = await pool.run(task, {
        signal: controller.signal,
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastPublished < 250) return;
          lastPublished = now;
          void store.updateRunProgress(runId, p).catch(() => {});
          void events.publish({ type: 'progress', id: runId, progress: p });
        },
      });
      if (outcome.ok) {
        if (await store.finishRun(runId, outcome.result)) await events.publish({ type: 'done', id: runId });
      } else {
        await fail(runId, outcome.inputError ? outcome.message : `internal error: ${outcome.message}`);
      }
      return { whole: true };
    } catch (error) {
      if (controller.signal.aborted) return { cancelled: true };
      if (isTaskLimitError(error)) {
        const message = `${error.limit === 'memory' ? 'out of memory' : 'time limit'}: the run ${error.message}`;
        await fail(runId, message);
        throw new UnrecoverableError(message);
      }
      throw error;
    } finally {
      set.delete(controller);
      if (set.size === 0) aborts.delete(runId);
    }
  }

  const workerConnection = connect(options.redisUrl);
  const worker = new Worker<JobData>(n.name, processJob, {
    connection: workerConnection,
    prefix: n.prefix,
    concurrency: options.concurrency ?? pool.threads,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    maxStalledCount: 3,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    // The last attempt of a job failed for a reason the run does not yet show: record it.
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade >= attempts || error instanceof UnrecoverableError) {
      void fail(job.data.runId, error.message.startsWith('internal error') || isInputError(error) ? error.message : `internal error: ${error.message}`).catch(() => {});
    }
  });
  worker.on('error', (error) => log(`queue worker error: ${error.message}`));
  await worker.waitUntilReady();
  return {
    name: workerName,
    async close() {
      await worker.close();
      stopEvents();
      await events.close();
      workerConnection.disconnect();
    },
  };
}

/**
 * Run manager: creates runs in the store, has them executed, with progress and cancellation, and
 * tells listeners (server-sent events) about progress and the end of each run. Two back ends
 * behind this one interface:
 * - local (the default): the server's own pool of worker processes executes each run whole and
 *   the manager stores its result;
 * - queue (`BRINK_REDIS_URL`, ./queue.ts): the run is enqueued (split into chunks when its kind
 *   splits it) and `brink worker` processes execute it and store its result; the manager relays
 *   their progress and end events.
 *
 * Status in the store: queued -> running -> done | failed | cancelled. A run is marked running when
 * a worker takes it, so "queued" really means waiting. Each run records its owner (this server's
 * instance id, or "queue"): when a server starts, runs left queued or running by an owner that is
 * gone (a stopped server, on SQLite or PostgreSQL; a queue that lost their jobs) are marked failed
 * ("interrupted"); runs still in the queue are left to the workers, which resume them.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { RunRecord, Store } from '../store';
import type { RunTask } from './kinds';
import { isTaskLimitError, TaskLimitError, type TaskRunner } from './pool';
import { getRunKind } from './kinds';
import { QUEUE_OWNER, type RunQueue } from './queue';

export interface RunManagerOptions {
  /** Least time between stored progress updates, ms. Default 150. */
  progressIntervalMs?: number;
  /** Execution time limit of a run, ms (counted from when a worker starts it). Default: none. */
  runTimeoutMs?: number;
  /** Most runs waiting for a worker; past it a submission is refused (TaskLimitError 'queue'). Default 10,000. */
  maxQueuedRuns?: number;
  /** The Redis queue: runs go to `brink worker` processes instead of the local pool. */
  queue?: RunQueue;
}

export type RunEvent =
  | { type: 'progress'; id: string; status: 'queued' | 'running'; progress: number }
  | { type: 'done'; id: string }
  | { type: 'failed'; id: string; error: string }
  | { type: 'cancelled'; id: string };

export interface SubmitInput {
  task: RunTask;
  provenance: {
    scenarioHash: string | null;
    scenarioId: string | null;
    scenarioVersion: number | null;
    variant: string | null;
  };
  reproduces?: string;
}

interface Active {
  controller: AbortController;
  task: RunTask;
  lastStoredAt: number;
  lastEmittedAt: number;
}

export class RunManager {
  private readonly events = new EventEmitter();
  private readonly active = new Map<string, Active>();
  private readonly waiting: string[] = [];
  private running = 0;
  private closed = false;
  private readonly idle = new Set<() => void>();

  private readonly progressIntervalMs: number;
  private readonly runTimeoutMs: number | undefined;
  private readonly maxQueuedRuns: number;
  private readonly queue: RunQueue | undefined;
  private stopQueueEvents: (() => void) | undefined;
  /** This server's id as the owner of the runs it executes. */
  readonly instanceId = randomUUID();

  constructor(
    private readonly store: Store,
    private readonly runner: TaskRunner,
    private readonly engineVersion: string,
    options: RunManagerOptions = {},
  ) {
    this.events.setMaxListeners(0);
    this.progressIntervalMs = options.progressIntervalMs ?? 150;
    this.runTimeoutMs = options.runTimeoutMs || undefined;
    this.maxQueuedRuns = options.maxQueuedRuns ?? 10_000;
    this.queue = options.queue;
    this.stopQueueEvents = this.queue?.onEvent((event) => {
      if (event.type === 'progress') this.emit({ type: 'progress', id: event.id, status: 'running', progress: event.progress });
      else if (event.type === 'done' || event.type === 'failed') this.emit(event);
    });
  }

  /** 'local' (this server's worker processes) or 'queue' (`brink worker` processes through Redis). */
  get backend(): 'local' | 'queue' {
    return this.queue ? 'queue' : 'local';
  }

  /**
   * Registers this server as a live owner of runs, then marks runs whose owner is gone as failed
   * ("interrupted"): those of a stopped server, and queue runs whose jobs the queue no longer has.
   * Runs of another live server (PostgreSQL) and queue runs still queued are left alone (a worker
   * resumes them). Returns how many were marked.
   */
  async recoverInterrupted(): Promise<number> {
    await this.store.claimInstance(this.instanceId);
    let n = 0;
    const alive = new Map<string, boolean>();
    for (const run of await this.store.listUnfinishedRuns()) {
      if (this.active.has(run.id)) continue;
      let message: string | null = null;
      if (run.owner === QUEUE_OWNER) {
        if (!this.queue) message = 'interrupted: the run was queued for workers, and this server has no queue (BRINK_REDIS_URL)';
        else if (!(await this.queue.has(run.id))) message = 'interrupted: the queue no longer has the run (was Redis restarted?)';
      } else {
        const owner = run.owner ?? '';
        if (!alive.has(owner)) alive.set(owner, owner !== '' && (await this.store.isInstanceAlive(owner)));
        if (!alive.get(owner)) message = 'interrupted: the server stopped before the run ended';
      }
      if (message && (await this.store.failRun(run.id, message))) n++;
    }
    return n;
  }

  /** Creates the run (queued) and schedules it. */
  async submit(input: SubmitInput): Promise<RunRecord> {
    if (this.closed) throw new Error('the run manager is closed');
    if (this.waiting.length >= this.maxQueuedRuns) {
      throw new TaskLimitError('queue', `${this.waiting.length} runs are already waiting for a worker (BRINK_MAX_QUEUED_RUNS); try again later`);
    }
    const record = await this.store.createRun({
      kind: input.task.kind,
      provenance: { ...input.provenance, engineVersion: this.engineVersion, seed: input.task.seed, options: input.task.options },
      reproduces: input.reproduces,
      owner: this.queue ? QUEUE_OWNER : this.instanceId,
    });
    if (this.queue) return this.enqueue(record, input.task);
    this.active.set(record.id, { controller: new AbortController(), task: input.task, lastStoredAt: 0, lastEmittedAt: 0 });
    this.waiting.push(record.id);
    this.pump();
    return record;
  }

  private async enqueue(record: RunRecord, task: RunTask): Promise<RunRecord> {
    try {
      const specs = getRunKind(task.kind)?.chunks?.split(task) ?? null;
      if (specs) await this.store.setRunChunks(record.id, specs.length);
      await this.queue!.enqueue(record.id, specs ? specs.length : null);
      return (await this.store.getRun(record.id)) ?? record;
    } catch (error) {
      const message = `internal error: could not queue the run: ${error instanceof Error ? error.message : String(error)}`;
      await this.store.failRun(record.id, message).catch(() => false);
      throw new TaskLimitError('queue', `could not queue the run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Cancels a queued or running run: the store says cancelled and a running worker is stopped.
   * 'ended' when it had already ended, 'missing' when no such run exists.
   */
  async cancel(id: string): Promise<'cancelled' | 'ended' | 'missing'> {
    const changed = await this.store.cancelRun(id);
    const active = this.active.get(id);
    if (active) active.controller.abort();
    if (changed && this.queue) await this.queue.cancel(id).catch(() => {});
    if (changed) {
      this.emit({ type: 'cancelled', id });
      return 'cancelled';
    }
    return (await this.store.getRun(id)) ? 'ended' : 'missing';
  }

  /** Listens to one run's events; returns the function that stops listening. */
  subscribe(id: string, listener: (event: RunEvent) => void): () => void {
    const channel = `run:${id}`;
    this.events.on(channel, listener);
    return () => this.events.off(channel, listener);
  }

  /** True while the run is queued or executing in this process. */
  isActive(id: string): boolean {
    return this.active.has(id);
  }

  /** Resolves when no run is queued or executing. */
  whenIdle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Cancels every run executing here and stops taking new ones (queued runs stay with the workers). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopQueueEvents?.();
    for (const id of [...this.active.keys()]) await this.cancel(id);
    await this.whenIdle();
  }

  private emit(event: RunEvent): void {
    this.events.emit(`run:${event.id}`, event);
  }

  private pump(): void {
    while (this.running < this.runner.threads && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.running++;
      void this.execute(id).finally(() => {
        this.running--;
        this.active.delete(id);
        if (this.active.size === 0) {
          const waiters = [...this.idle];
          this.idle.clear();
          for (const resolve of waiters) resolve();
        }
        this.pump();
      });
    }
  }

  private async execute(id: string): Promise<void> {
    const active = this.active.get(id)!;
    const { controller, task } = active;
    if (controller.signal.aborted) return;
    try {
      if (!(await this.store.startRun(id))) return;
    } catch (error) {
      // The store failed: record it if it can (never an unhandled rejection, which stops the server).
      const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
      if (await this.store.failRun(id, message).catch(() => false)) this.emit({ type: 'failed', id, error: message });
      return;
    }
    this.emit({ type: 'progress', id, status: 'running', progress: 0 });
    const onProgress = (fraction: number): void => {
      const t = Date.now();
      if (fraction < 1 && t - active.lastEmittedAt < this.progressIntervalMs / 2) return;
      active.lastEmittedAt = t;
      this.emit({ type: 'progress', id, status: 'running', progress: fraction });
      if (t - active.lastStoredAt >= this.progressIntervalMs) {
        active.lastStoredAt = t;
        void this.store.updateRunProgress(id, fraction).catch(() => {});
      }
    };
    try {
      const outcome = await this.runner.run(task, { signal: controller.signal, onProgress, timeoutMs: this.runTimeoutMs });
      if (outcome.ok) {
        if (await this.store.finishRun(id, outcome.result)) this.emit({ type: 'done', id });
      } else {
        const message = outcome.inputError ? outcome.message : `internal error: ${outcome.message}`;
        if (await this.store.failRun(id, message)) this.emit({ type: 'failed', id, error: message });
      }
    } catch (error) {
      if ((error as Error)?.name === 'AbortError' || controller.signal.aborted) return; // cancel() already recorded it
      // A run past a worker's memory (the thread was replaced) or time limit fails with the reason.
      const message = isTaskLimitError(error)
        ? `${error.limit === 'memory' ? 'out of memory' : 'time limit'}: the run ${error.message}`
        : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      if (await this.store.failRun(id, message).catch(() => false)) this.emit({ type: 'failed', id, error: message });
    }
  }
}

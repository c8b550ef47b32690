/**
 * The worker pool's limits: a task that exhausts a thread's memory fails with a
 * 'memory' TaskLimitError and the pool keeps serving on a fresh thread; the time limit counts
 * execution only (a task queued behind another is not timed out by its wait); the wait has its
 * own limit; a worker whose heap grew is replaced after the task (memory given back).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool, isTaskLimitError, type TaskRunner } from '../src/jobs';

const FIXTURE = new URL('./fixtures/test-worker.mjs', import.meta.url);
const pools: TaskRunner[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
});

function pool(options: Parameters<typeof createWorkerPool>[0] & object): TaskRunner {
  const p = createWorkerPool({ filename: FIXTURE, env: {}, idleRecycleMs: 0, ...options });
  pools.push(p);
  return p;
}

const task = (kind: string, options: Record<string, unknown>) => ({ kind, scenario: null, variant: null, seed: 1, options });

async function limitOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    if (isTaskLimitError(error)) return error.limit;
    throw error;
  }
}

describe('worker pool limits', () => {
  it('a task that exhausts its thread\'s memory fails with the reason, and the pool serves the next task', async () => {
    const p = pool({ threads: 1, memoryMb: 64 });
    const error = await p.run(task('test-alloc', {})).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isTaskLimitError(error)).toBe(true);
    expect((error as Error).message).toMatch(/more memory than a worker may use \(64 MB/);
    const next = await p.run(task('test-sleep', { ms: 1 }));
    expect(next).toMatchObject({ ok: true, result: { slept: 1 } });
    // A check that exhausts memory is stopped the same way.
    expect(await limitOf(p.check(task('test-alloc', { checkMb: 100_000 })))).toBe('memory');
    expect((await p.check(task('test-alloc', {}))).ok).toBe(true);
  });

  it('the time limit counts execution, not the wait for a free worker', async () => {
    const p = pool({ threads: 1 });
    await p.run(task('test-sleep', { ms: 1 })); // warm the thread
    // Each takes 600 ms; the second waits 600 ms first: 1200 ms in all, over the 1000 ms limit.
    const [a, b] = await Promise.all([p.run(task('test-sleep', { ms: 600 }), { timeoutMs: 1000 }), p.run(task('test-sleep', { ms: 600 }), { timeoutMs: 1000 })]);
    expect(a.ok && b.ok).toBe(true);
    // Execution past the limit is stopped.
    expect(await limitOf(p.run(task('test-sleep', { ms: 5000 }), { timeoutMs: 300 }))).toBe('time');
  });

  it('the wait for a free worker has its own limit; a full queue refuses at once', async () => {
    const p = pool({ threads: 1, maxQueue: 1 });
    await p.run(task('test-sleep', { ms: 1 }));
    const busy = p.run(task('test-sleep', { ms: 1500 }));
    await new Promise((r) => setTimeout(r, 300)); // until a thread has started it
    const waiting = limitOf(p.run(task('test-sleep', { ms: 1 }), { queueTimeoutMs: 200 }));
    expect(await waiting).toBe('queue');
    // Past `maxQueue` waiting tasks, new ones are refused at once.
    const more = await Promise.all([1, 2, 3].map(() => limitOf(p.run(task('test-sleep', { ms: 1 })))));
    expect(more).toEqual(['none', 'queue', 'queue']);
    expect((await busy).ok).toBe(true);
  });

  it('a worker whose heap grew past the recycle size is replaced after its task', async () => {
    const p = pool({ threads: 1, memoryMb: 512, recycleMb: 160 });
    const first = await p.run(task('test-alloc', { mb: 8 }));
    const again = await p.run(task('test-alloc', { mb: 8 }));
    const big = await p.run(task('test-alloc', { mb: 200 }));
    const after = await Promise.all([1, 2, 3].map(() => p.run(task('test-alloc', { mb: 1 }))));
    const thread = (o: unknown) => (o as { result: { pid: number } }).result.pid;
    expect(thread(first)).toBe(thread(again));
    expect(thread(big)).toBe(thread(first));
    for (const o of after) {
      expect((o as { ok: boolean }).ok).toBe(true);
      expect(thread(o)).not.toBe(thread(big));
    }
  });
});

/**
 * `brink simulate`'s execution: the engine's simulation (@brink/engine/crisis, report.ts) with its
 * chunks run in this thread or spread over worker threads (--workers K). The chunk results merge
 * into the same tallies however they were spread, so the report is identical for any K.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkSimulateOptions, runTasksInThread, simulateWith, simulationModels, type ChunkTask, type SimulateOptions, type SimulateReport } from '@brink/engine/crisis';
import { InputError } from '@brink/engine/errors';
import type { Scenario, SourceReader } from '@brink/engine/scenario';

export { checkSimulateOptions, type SimulateOptions, type SimulateReport };

interface WorkerError {
  message: string;
  name?: string;
  place?: string;
  reason?: string;
  expected?: string;
}

/** The threads' entry: the bundle's simulation-worker.mjs beside the CLI bundle, else ./worker.mjs (sources through tsx). */
function workerEntry(): URL {
  const here = import.meta.url;
  return /\/dist\/[^/]+\.mjs$/.test(here) ? new URL('./simulation-worker.mjs', here) : new URL('./worker.mjs', here);
}

/** K worker threads that compile the models once and run chunk tasks (./thread.ts). */
function threadPool(size: number, scenarios: Scenario[], variants: (string | null)[]) {
  const workers = Array.from({ length: size }, () => new Worker(workerEntry(), { workerData: { scenarios, variants } }));
  return {
    run(tasks: ChunkTask[], onDone: (index: number) => void): Promise<unknown[]> {
      return new Promise((resolve, reject) => {
        const results = new Array<unknown>(tasks.length);
        let next = 0;
        let finished = 0;
        let failed = false;
        const feed = (w: Worker) => {
          if (failed || next >= tasks.length) return;
          const index = next++;
          const onMessage = (msg: { id: number; result?: unknown; error?: WorkerError }) => {
            if (msg.id !== tasks[index]!.id) return;
            w.off('message', onMessage);
            if (msg.error) {
              failed = true;
              const e = msg.error;
              reject(e.name === 'InputError' ? new InputError(e.reason ?? e.message, { place: e.place, expected: e.expected }) : new Error(e.message));
              return;
            }
            results[index] = msg.result;
            finished++;
            onDone(index);
            if (finished === tasks.length) resolve(results);
            else feed(w);
          };
          w.on('message', onMessage);
          w.postMessage(tasks[index]);
        };
        for (const w of workers) {
          w.once('error', (err) => {
            failed = true;
            reject(err);
          });
          feed(w);
        }
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

/** Simulates a validated scenario (optionally a variant, or two compared) and builds the report. */
export async function simulateScenario(base: Scenario, readSource: SourceReader | undefined, options: SimulateOptions = {}): Promise<SimulateReport> {
  checkSimulateOptions(options);
  const sim = simulationModels(base, options, readSource);
  const workers = options.workers ?? 1;
  if (workers <= 1) {
    return simulateWith(sim, options, async (tasks, onDone) => {
      const out: unknown[] = [];
      for (const [i, t] of tasks.entries()) {
        out.push(...runTasksInThread(sim.models, [t], () => onDone(i)));
        // Let a progress bar repaint between chunks.
        await new Promise((r) => setImmediate(r));
      }
      return out;
    });
  }
  const pool = threadPool(Math.min(workers, os.availableParallelism() * 4), sim.scenarios, sim.models.map((m) => m.variant));
  try {
    return await simulateWith(sim, options, (tasks, onDone) => pool.run(tasks, onDone));
  } finally {
    await pool.close();
  }
}

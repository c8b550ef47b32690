/**
 * A `brink simulate --workers K` thread: compiles the models it is given once (workerData), then
 * runs the engine's chunk tasks it is sent and posts the tallies back (typed arrays transferred).
 * Loaded from the bundle (dist/simulation-worker.mjs) or, from the sources, through ./worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCrisisModel, runChunkTask, type ChunkTask } from '@brink/engine/crisis';
import type { Scenario } from '@brink/engine/scenario';

const data = workerData as { scenarios: Scenario[]; variants: (string | null)[] };
const models = data.scenarios.map((s, i) => compileCrisisModel(s, { variant: data.variants[i] }));

function buffers(x: object): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(x)) {
    if (ArrayBuffer.isView(v)) out.push(v.buffer as ArrayBuffer);
    else if (v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'crisis-chunk') out.push(...buffers(v));
  }
  return out;
}

parentPort!.on('message', (task: ChunkTask) => {
  try {
    const result = runChunkTask(models, task);
    parentPort!.postMessage({ id: task.id, result }, buffers(result));
  } catch (error) {
    const e = error as { message?: string; name?: string; place?: string; reason?: string; expected?: string };
    parentPort!.postMessage({ id: task.id, error: { message: e?.message ?? String(error), name: e?.name, place: e?.place, reason: e?.reason, expected: e?.expected } });
  }
});

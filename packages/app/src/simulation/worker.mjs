// Entry of `brink simulate --workers K` threads: registers tsx (the sources are TypeScript, see
// docs/decisions/0001-no-build-step.md), compiles the models it is given once, then runs chunk tasks.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const crisis = await import('@brink/engine/crisis');
const models = workerData.scenarios.map((s, i) => crisis.compileCrisisModel(s, { variant: workerData.variants[i] }));

function buffers(x) {
  const out = [];
  for (const v of Object.values(x)) {
    if (ArrayBuffer.isView(v)) out.push(v.buffer);
    else if (v && typeof v === 'object' && v.kind === 'crisis-chunk') out.push(...buffers(v));
  }
  return out;
}

parentPort.on('message', (task) => {
  try {
    const result = crisis.runChunkTask(models, task);
    parentPort.postMessage({ id: task.id, result }, buffers(result));
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: { message: error?.message ?? String(error), name: error?.name, place: error?.place, reason: error?.reason, expected: error?.expected } });
  }
});

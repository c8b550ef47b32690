// Entry of `brink simulate --workers K` threads: registers tsx (the sources are TypeScript, see
// docs/decisions/0001-no-build-step.md), then runs simulation chunks (./worker-task.ts).
import { register } from 'tsx/esm/api';
import { parentPort } from 'node:worker_threads';

register();
const task = await import('./worker-task.ts');
parentPort.on('message', (message) => {
  try {
    const { result, transfer } = task.runTask(message);
    parentPort.postMessage({ id: message.id, result }, transfer);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error?.message ?? String(error), name: error?.name, place: error?.place, reason: error?.reason, expected: error?.expected } });
  }
});

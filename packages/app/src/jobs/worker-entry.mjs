// Entry of the run pool's worker threads: registers tsx (the sources are TypeScript, see
// docs/decisions/0001-no-build-step.md), then hands every task to ./worker.ts.
import { register } from 'tsx/esm/api';

register();
const worker = import('./worker.ts');

export default async function run(request) {
  const mod = await worker;
  return mod.default(request);
}

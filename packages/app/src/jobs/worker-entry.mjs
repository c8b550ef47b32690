// Entry of the run pool's worker processes (./pool.ts) when Brink runs from its TypeScript sources:
// registers tsx (docs/decisions/0001-no-build-step.md), then serves the parent's tasks
// (./worker-main.ts). The CLI bundle (`npm run build`) has its own entry, dist/worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');

// Entry of `brink simulate --workers K` threads when Brink runs from its TypeScript sources:
// registers tsx (docs/decisions/0001-no-build-step.md), then runs ./thread.ts. The bundle
// (npm run build) has its own entry, dist/simulation-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');

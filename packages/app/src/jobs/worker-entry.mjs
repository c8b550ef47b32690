// Entry of the run pool's worker processes (./pool.ts): registers tsx (the sources are TypeScript,
// see docs/decisions/0001-no-build-step.md), then serves the parent's tasks (./worker.ts).
import { register } from 'tsx/esm/api';

register();
const { serveParent } = await import('./worker.ts');
serveParent();

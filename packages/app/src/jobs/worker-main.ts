/** A run pool's worker process (./pool.ts forks it): serves its parent's tasks (./worker.ts). */
import { serveParent } from './worker';

serveParent();

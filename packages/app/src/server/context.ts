/** What every route module needs: the store, the run machinery and the server's settings. */
import type { RunManager, TaskRunner } from '../jobs';
import type { Store } from '../store';

export interface ServerContext {
  store: Store;
  runs: RunManager;
  /** Request-path work: synchronous solves and run checks (apart from runs). */
  requestRunner: TaskRunner;
  appVersion: string;
  engineVersion: string;
  /** Id of the scenario loaded at start-up (the default for runs), if any. */
  defaultScenarioId: string | null;
  /** Time limit of POST /api/games/solve, milliseconds. */
  solveTimeoutMs: number;
  /** Longest wait for a free request thread, milliseconds. */
  queueTimeoutMs: number;
}

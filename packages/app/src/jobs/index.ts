/** Public API of Brink's run machinery: run kinds, the worker pool and the run manager. */
export { executeTask, getRunKind, runKinds, describeGame, SolveOptionsSchema, ForecastOptionsSchema, type RunKindSpec, type RunTask, type ExecContext } from './kinds';
export { parseGameText, solveGame, SOLVE_METHODS } from './games';
export { createInlineRunner, createWorkerPool, defaultThreadCount, type TaskRunner, type TaskRunOptions } from './pool';
export { RunManager, type RunEvent, type SubmitInput } from './runner';
export type { WorkerOutcome } from './worker';
export { toJsonSafe } from './json-safe';
export { DeterrenceOptionsSchema, type DeterrenceOptions } from './deterrence';

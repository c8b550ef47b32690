/** Public API of Brink's run machinery: run kinds, the worker pool and the run manager. */
export { executeTask, checkTask, registerRunKind, getRunKind, runKinds, describeGame, SolveOptionsSchema, ForecastOptionsSchema, type RunKindSpec, type RunTask, type ExecContext } from './kinds';
export { parseGameText, solveGame, SOLVE_METHODS } from './games';
export { createInlineRunner, createWorkerPool, defaultThreadCount, isTaskLimitError, TaskLimitError, DEFAULT_WORKER_MEMORY_MB, type TaskLimit, type TaskRunner, type TaskRunOptions, type WorkerPoolOptions } from './pool';
export { RunManager, type RunEvent, type SubmitInput } from './runner';
export type { WorkerOutcome } from './worker';
export { toJsonSafe } from './json-safe';
export { DeterrenceOptionsSchema, type DeterrenceOptions } from './deterrence';
export { RunQueue, startQueueWorker, QUEUE_OWNER, type QueueEvent, type QueueWorker, type QueueWorkerOptions } from './queue';
export { taskFromRun } from './task-from-run';
export { chunkRanges, type ChunkableRun } from './chunks';

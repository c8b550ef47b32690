/**
 * @brink/engine: Brink's pure, deterministic engines. No Node or browser API is used here;
 * the same code runs in the CLI, worker threads, the server and the browser.
 */
export * from './errors';
export * from './numeric/rational';
export * from './games/types';
export * from './games/index';
export * from './scenario/index';
export * from './deterrence/index';
export * from './bargaining/index';
export * from './random/index';

/**
 * @brink/app: Brink's Node edge. The store (SQLite or PostgreSQL), the run machinery (worker
 * pool, run kinds, run manager) and the HTTP server; the `brink` CLI is in ./cli.
 */
export * from './store';
export * from './jobs';
export * from './server';

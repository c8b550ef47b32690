/** Public API of Brink's store (see docs/store.md). */
export * from './store';
export { MIGRATION_NAMES } from './migrations';
export { storedSourceReader } from './stored-sources';

/** Public API of the bargaining module. */
export * from './smp/index';
export { parseKtabCsv, writeKtabCsv } from './ktab-csv';
export * from './eum/index';
export * from './scenario-issues';
export * from './uncertainty';
export * from './explain';
export * from './forecast';

/** Public API of the SMP (KTAB's Spatial Model of Politics). */
export * from './types';
export { runSmp, buildSmpModel, SMP_SWITCH_VALUES } from './run';

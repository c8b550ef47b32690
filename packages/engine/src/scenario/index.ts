/** Public API of the scenario module. */
export {};

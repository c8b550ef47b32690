/** Public API of the deterrence module. */
export {};

/** Public API of the bargaining module. */
export {};

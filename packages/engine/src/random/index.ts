/** Public API of the random module. */
export {};

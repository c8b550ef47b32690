/** Public API of the games module. */
export {};

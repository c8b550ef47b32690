/** Public API of the games module. */
export * from './formats/tokenizer';
export * from './formats/efg';
export * from './formats/nfg';
export * from './formats/parse-game';
export * from './formats/json';
export * from './behavior';
export * from './strategic';
export * from './reduced-normal-form';
export * from './enum-pure';
export * from './enum-mixed';
export * from './lemke-howson';
export * from './dominance';
export * from './solve';
export * from './sequence-form-lcp';
export * from './subgame-perfect';
export * from './logit-qre';

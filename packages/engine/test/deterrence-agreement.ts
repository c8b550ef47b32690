/**
 * The shared assertion of the deterrence model tests: a model's closed-form equilibria and the game
 * engine's perfect Bayesian equilibria of the same built game agree (see src/deterrence/verify.ts).
 */
import { expect } from 'vitest';
import type { Verification } from '../src/deterrence/verify';

export interface AgreementOptions {
  /** Largest gain a player may get by deviating from a reported equilibrium. */
  readonly tolerance?: number;
  /** Also require every closed-form pure equilibrium to be among the engine's (false where ties are expected). */
  readonly closedFormInEngine?: boolean;
}

export function expectAgreesWithEngine(v: Verification, options: AgreementOptions = {}): void {
  const { tolerance = 1e-9, closedFormInEngine = true } = options;
  // Every finite game has an equilibrium: an empty list must not pass vacuously.
  expect(v.reported.length).toBeGreaterThan(0);
  for (const r of v.reported) {
    expect(r.maxGain).toBeLessThanOrEqual(tolerance);
    expect(r.sequentialFailures).toEqual([]);
  }
  if (closedFormInEngine) for (const k of v.closedFormPure) expect(v.enginePure).toContain(k);
  for (const k of v.enginePure) expect(v.closedFormAll).toContain(k);
}

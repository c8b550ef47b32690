/**
 * Variants: named overlays of a scenario. Each change replaces the value at a JSON path (see
 * ./json-path.ts for the dialect, including `[id=...]` selectors). Derived values are computed again
 * from the changed sources. The result is validated again, citations included when a source reader
 * is given, so a variant cannot produce an invalid scenario.
 */
import { InputError, isInputError } from '../errors';
import type { SourceReader } from './citations';
import { clearDerived } from './derived';
import { resolvePath, setAt } from './json-path';
import type { Multilingual, Scenario } from './schema';
import { validateScenario } from './validate';

export interface VariantSummary {
  id: string;
  title: Multilingual;
  description?: string;
  changes: number;
}

export function listVariants(s: Scenario): VariantSummary[] {
  return s.variants.map((v) => ({ id: v.id, title: v.title, description: v.description, changes: v.changes.length }));
}

/** Applies variant `variantId` to a copy of `s`; unknown variant or path, or an invalid result: `InputError`. */
export function applyVariant(s: Scenario, variantId: string, opts: { readSource?: SourceReader } = {}): Scenario {
  const variant = s.variants.find((v) => v.id === variantId);
  if (!variant) {
    throw new InputError(`unknown variant "${variantId}"`, {
      place: '$.variants',
      expected: s.variants.length ? `one of: ${s.variants.map((v) => v.id).join(', ')}` : 'the scenario has no variants',
    });
  }
  const copy = JSON.parse(JSON.stringify(s)) as Scenario;
  variant.changes.forEach((change, j) => {
    let path;
    try {
      path = resolvePath(copy, change.path);
    } catch (error) {
      if (!isInputError(error)) throw error;
      throw new InputError(`variant "${variantId}", change ${j}: path ${change.path} does not exist (${error.message})`, {
        place: `$.variants[id=${variantId}].changes[${j}].path`,
        cause: error,
      });
    }
    setAt(copy, path, JSON.parse(JSON.stringify(change.value ?? null)) as unknown);
  });
  // Derived values are computed again from the changed sources.
  clearDerived(copy);
  try {
    return validateScenario(copy, { readSource: opts.readSource });
  } catch (error) {
    if (!isInputError(error)) throw error;
    throw new InputError(`variant "${variantId}" makes the scenario invalid: ${error.message}`, { place: `$.variants[id=${variantId}]`, cause: error });
  }
}

/**
 * The registry of deterrence models. Each model describes itself (./model.ts `DeterrenceModel`:
 * outcomes and their names, parameters, orderings, probability groups, off-path beliefs, its
 * behaviour profiles); adding a model is its file plus one line in MODELS.
 */
import { InputError } from '../errors';
import type { DeterrenceModel } from './model';
import { radg } from './radg';
import { gmdg } from './gmdg';
import { udg } from './udg';
import { aeg } from './aeg';
import { extended } from './extended';
import { brinkmanship } from './brinkmanship';
import { audienceCosts } from './audience-costs';

const MODELS: readonly DeterrenceModel[] = [radg, gmdg, udg, aeg, extended, brinkmanship, audienceCosts];

export function listDeterrenceModels(): readonly DeterrenceModel[] {
  return MODELS;
}

/** The model with this id; an unknown id is an input error at the `model` field. */
export function getDeterrenceModel(id: string): DeterrenceModel {
  const m = MODELS.find((x) => x.id === id);
  if (!m) throw new InputError(`unknown deterrence model ${JSON.stringify(id)}`, { place: 'model', expected: MODELS.map((x) => x.id).join(', ') });
  return m;
}

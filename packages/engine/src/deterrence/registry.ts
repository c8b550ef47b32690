/**
 * The registry of deterrence models, and the map from an equilibrium report back to a behaviour
 * profile on the model's built game (used to check every reported equilibrium with the engine).
 */
import { InputError } from '../errors';
import type { DeterrenceModel, EquilibriumReport, Params } from './model';
import { radg } from './radg';
import { gmdg, gmdgBehaviour } from './gmdg';
import { udg, udgBehaviour } from './udg';
import { aeg, aegBehaviour } from './aeg';
import { extended, extendedBehaviour } from './extended';
import { brinkmanship, brinkmanshipBehaviour } from './brinkmanship';
import { audienceCosts, audienceBehaviour } from './audience-costs';

const MODELS: readonly DeterrenceModel[] = [radg, gmdg, udg, aeg, extended, brinkmanship, audienceCosts];

export function listDeterrenceModels(): readonly DeterrenceModel[] {
  return MODELS;
}

export function getDeterrenceModel(id: string): DeterrenceModel {
  const m = MODELS.find((x) => x.id === id);
  if (!m) throw new InputError(`unknown deterrence model ${JSON.stringify(id)}`, { place: 'model', expected: MODELS.map((x) => x.id).join(', ') });
  return m;
}

/** Action probabilities by information-set key of the built game, for an equilibrium report. */
export function equilibriumBehaviour(modelId: string, eq: EquilibriumReport, params: Params): Record<string, number[]> {
  const s = eq.strategies;
  switch (modelId) {
    case 'radg':
      return { A: [1 - s.x!, s.x!], 'B:Hard': [1 - s.y_H!, s.y_H!], 'B:Soft': [1 - s.y_S!, s.y_S!] };
    case 'gmdg':
      return gmdgBehaviour(eq);
    case 'udg':
      return udgBehaviour(eq);
    case 'aeg':
      return aegBehaviour(eq);
    case 'extended':
      return extendedBehaviour(eq);
    case 'brinkmanship':
      return brinkmanshipBehaviour(eq);
    case 'audience':
      return audienceBehaviour(eq, params);
    default:
      throw new InputError(`unknown deterrence model ${JSON.stringify(modelId)}`, { place: 'model' });
  }
}

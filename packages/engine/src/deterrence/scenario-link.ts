/**
 * Feeds a deterrence model from a scenario's `models.deterrence.<modelId>` binding: roles (model
 * role -> actor id) and cited parameters (`{ value, range?, cite | assumption }`). The values are
 * the parameters; the ranges are what sweeps, maps and tornadoes vary. Errors carry JSON paths.
 */
import { InputError, isInputError } from '../errors';
import type { Scenario, ModelBinding } from '../scenario/index';
import type { DeterrenceModel, DeterrenceResult } from './model';
import { getDeterrenceModel } from './registry';

export interface ScenarioDeterrence {
  readonly model: DeterrenceModel;
  readonly binding: ModelBinding;
  /** Parameter values from the scenario (defaults fill the rest). */
  readonly params: Record<string, number>;
  /** Uncertainty ranges from the scenario's cited values. */
  readonly ranges: Record<string, [number, number]>;
  /** Model role -> actor id. */
  readonly roles: Readonly<Record<string, string>>;
  readonly result: DeterrenceResult;
}

/** Model ids bound in the scenario, in file order. */
export function scenarioDeterrenceModels(scenario: Scenario): string[] {
  return Object.keys(scenario.models?.deterrence ?? {});
}

export function deterrenceFromScenario(scenario: Scenario, modelId: string): ScenarioDeterrence {
  const model = getDeterrenceModel(modelId);
  const base = `$.models.deterrence.${modelId}`;
  const binding = scenario.models?.deterrence?.[modelId];
  if (!binding) {
    throw new InputError(`the scenario has no binding for deterrence model ${modelId}`, {
      place: base,
      expected: scenarioDeterrenceModels(scenario).join(', ') || 'a models.deterrence section',
    });
  }
  const actorIds = new Set(scenario.actors.map((a) => a.id));
  for (const [role, actor] of Object.entries(binding.roles)) {
    if (!model.roles.includes(role)) throw new InputError(`model ${modelId} has no role ${JSON.stringify(role)}`, { place: `${base}.roles.${role}`, expected: model.roles.join(', ') });
    if (!actorIds.has(actor)) throw new InputError(`unknown actor ${JSON.stringify(actor)}`, { place: `${base}.roles.${role}` });
  }
  const params: Record<string, number> = {};
  const ranges: Record<string, [number, number]> = {};
  for (const [name, cited] of Object.entries(binding.parameters)) {
    if (!model.parameters.some((p) => p.name === name)) {
      throw new InputError(`unknown parameter of model ${modelId}`, { place: `${base}.parameters.${name}`, expected: model.parameters.map((p) => p.name).join(' ') });
    }
    params[name] = cited.value;
    if (cited.range) ranges[name] = [cited.range[0], cited.range[1]];
  }
  let result: DeterrenceResult;
  try {
    result = model.solve(params);
  } catch (error) {
    if (isInputError(error)) {
      const place = error.place ?? '';
      const names = place.split(/\s*[<+]\s*/).filter((n) => model.parameters.some((p) => p.name === n));
      throw error.at(names.length === 1 ? `${base}.parameters.${names[0]}` : `${base}.parameters (${place})`);
    }
    throw error;
  }
  return { model, binding, params, ranges, roles: binding.roles, result };
}

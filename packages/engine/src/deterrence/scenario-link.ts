/**
 * Feeds a deterrence model from a scenario's `models.deterrence.<modelId>` binding: roles (model
 * role -> actor id) and cited parameters (`{ value, range?, cite | assumption }`). The values are
 * the parameters; the ranges are what sweeps, maps and tornadoes vary. Errors carry JSON paths.
 * Analyses go through ./analysis.ts (`prepareDeterrence`), which calls `scenarioBinding`.
 */
import { InputError } from '../errors';
import type { Scenario, ModelBinding, CitedNumber } from '../scenario/index';
import type { DeterrenceModel, DeterrenceResult } from './model';
import { getDeterrenceModel } from './registry';
import { prepareDeterrence } from './analysis';

/** A parameter value as the scenario binds it: the cited value with its provenance and range. */
export type BoundParameter = CitedNumber;

export interface ScenarioBinding {
  readonly binding: ModelBinding;
  /** Parameter values the scenario gives (the model's defaults fill the rest). */
  readonly params: Readonly<Record<string, number>>;
  /** Uncertainty ranges from the scenario's cited values. */
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
  /** Model role -> actor id. */
  readonly roles: Readonly<Record<string, string>>;
  /** The cited values themselves, by parameter name. */
  readonly cited: Readonly<Record<string, BoundParameter>>;
}

/** Model ids bound in the scenario, in file order. */
export function scenarioDeterrenceModels(scenario: Scenario): string[] {
  return Object.keys(scenario.models?.deterrence ?? {});
}

/** Reads and checks the binding's shape (roles, actors, parameter names); values are checked by the model. */
export function scenarioBinding(scenario: Scenario, modelId: string): ScenarioBinding {
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
  return { binding, params, ranges, roles: binding.roles, cited: binding.parameters };
}

export interface ScenarioDeterrence extends ScenarioBinding {
  readonly model: DeterrenceModel;
  readonly result: DeterrenceResult;
}

/** The scenario's binding of one model, checked by the model and solved. */
export function deterrenceFromScenario(scenario: Scenario, modelId: string): ScenarioDeterrence {
  const setup = prepareDeterrence(scenario, { model: modelId });
  return { ...scenarioBinding(scenario, modelId), model: setup.model, result: setup.model.solve(setup.params) };
}

/**
 * Runs every bound model's own input checks on the scenario (as `scenario validate` and the API do
 * for the base and each variant); throws the first InputError, placed at the scenario's JSON path.
 */
export function checkScenarioDeterrence(scenario: Scenario): void {
  for (const id of scenarioDeterrenceModels(scenario)) {
    try {
      getDeterrenceModel(id);
    } catch (error) {
      if (error instanceof InputError) throw error.at(`$.models.deterrence.${id}`);
      throw error;
    }
    prepareDeterrence(scenario, { model: id });
  }
}

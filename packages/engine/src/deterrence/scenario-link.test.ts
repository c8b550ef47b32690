/** A scenario's deterrence binding: parameters become model inputs; model errors get scenario JSON paths. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { Scenario } from '../scenario/index';
import { deterrenceFromScenario } from './scenario-link';

/** Only the parts deterrenceFromScenario reads: actors and models.deterrence. */
function scenarioWith(parameters: Record<string, { value: number; range?: [number, number]; assumption: string }>): Scenario {
  return {
    actors: [{ id: 'dprk' }, { id: 'usa' }],
    models: { deterrence: { radg: { roles: { challenger: 'dprk', defender: 'usa' }, parameters } } },
  } as unknown as Scenario;
}

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('deterrenceFromScenario', () => {
  it('takes values and ranges from the binding and solves the model', () => {
    const linked = deterrenceFromScenario(scenarioWith({ p_B: { value: 0.3, range: [0.1, 0.9], assumption: 'test' } }), 'radg');
    expect(linked.params).toEqual({ p_B: 0.3 });
    expect(linked.cited.p_B?.assumption).toBe('test');
    expect(linked.ranges).toEqual({ p_B: [0.1, 0.9] });
    expect(linked.result.parameters.p_B).toBe(0.3);
  });

  it('reports a violated ordering at the binding, keeping the model\'s whole message', () => {
    const e = inputError(() => deterrenceFromScenario(scenarioWith({ a_SQ: { value: 0.95, assumption: 'test' }, a_DC: { value: 0.9, assumption: 'test' } }), 'radg'));
    expect(e.place).toBe('$.models.deterrence.radg.parameters (a_SQ < a_DC)');
    expect(e.message).toBe('$.models.deterrence.radg.parameters (a_SQ < a_DC): the model assumes a_SQ < a_DC, got a_SQ = 0.95 and a_DC = 0.9');
  });

  it('names an out-of-range probability and an unknown parameter by their JSON paths', () => {
    expect(inputError(() => deterrenceFromScenario(scenarioWith({ p_B: { value: 1.5, assumption: 'test' } }), 'radg')).place).toBe('$.models.deterrence.radg.parameters.p_B');
    expect(inputError(() => deterrenceFromScenario(scenarioWith({ nope: { value: 1, assumption: 'test' } }), 'radg')).place).toBe('$.models.deterrence.radg.parameters.nope');
  });
});

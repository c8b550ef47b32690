/**
 * checkModelInputs on the default scenario: it passes for the base and every variant, and refuses
 * what a model cannot run (the AEG's Defender types summing to 1.25, in the base or in a variant, a
 * bargaining clout of 0) with the JSON path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInputError, type InputError } from '../errors';
import { parseScenarioText, validateScenario, type Scenario } from '../scenario/index';
import { checkModelInputs } from './index';

const repo = path.resolve(__dirname, '../../../..');
const text = readFileSync(path.join(repo, 'scenarios', 'korean-peninsula-2025-09.yaml'), 'utf8');
const seed = readFileSync(path.join(repo, 'sources', '000_8d664b9cd5e9c824.txt'), 'utf8');
const readSource = (s: { id: string }) => (s.id === 'seed' ? seed : undefined);
const load = (t: string): Scenario => validateScenario(parseScenarioText(t, 'scenario.yaml'), { readSource });

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const P_HH = 'p_HH: { value: 0.25, range: [0.05, 0.6]';

describe('checkModelInputs', () => {
  it('passes the default scenario, base and every variant, and says what it checked', () => {
    const report = checkModelInputs(load(text), { readSource });
    expect(report.cases.map((c) => c.variant)).toEqual([null, 'yoon-hardline', 'lee-engagement', 'us-freeze-offer']);
    for (const c of report.cases) {
      expect(c.checked.deterrence).toEqual(['aeg', 'radg', 'extended', 'brinkmanship', 'audience', 'udg', 'gmdg']);
      expect(c.checked.bargaining).toEqual(['dprk-nuclear-status', 'sanctions-relief', 'us-rok-exercises']);
    }
  });

  it('refuses AEG type probabilities that sum to 1.25 (the scenario itself is valid), with the JSON path', () => {
    expect(text).toContain(P_HH);
    const s = load(text.replace(P_HH, 'p_HH: { value: 0.5, range: [0.05, 0.6]'));
    const e = inputError(() => checkModelInputs(s, { readSource }));
    expect(e.reason).toMatch(/probabilities p_HH \+ p_HS \+ p_SH \+ p_SS sum to 1.25, not 1/);
    expect(e.place).toBe('$.models.deterrence.aeg.parameters (p_HH+p_HS+p_SH+p_SS)');
  });

  it('refuses a variant that breaks a model, naming the variant', () => {
    const broken = text.replace(
      '  - id: us-freeze-offer\n',
      '  - id: us-freeze-offer\n' + '    title: { en: x }\n    changes:\n      - { path: "$.models.deterrence.aeg.parameters.p_SS.value", value: 0.45 }\n  - id: us-freeze-offer-2\n',
    );
    const e = inputError(() => checkModelInputs(load(broken), { readSource }));
    expect(e.reason).toMatch(/^with variant "us-freeze-offer" applied: probabilities .* sum to 1.15/);
    expect(e.place).toBe('$.models.deterrence.aeg.parameters (p_HH+p_HS+p_SH+p_SS)');
  });

  it('refuses a bargaining clout of 0 at its JSON path', () => {
    const s = load(text);
    const copy = JSON.parse(JSON.stringify(s)) as Scenario;
    copy.issues[2]!.positions[4]!.clout = { value: 0, range: [0, 0.45], assumption: 'no say at all' };
    const e = inputError(() => checkModelInputs(validateScenario(copy, { readSource }), { readSource }));
    expect(e.place).toBe('$.issues[2].positions[4].clout.value');
    expect(e.reason).toMatch(/clout must be > 0/);
  });
});

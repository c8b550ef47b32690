/** The default scenario for the crisis tests, read once (with its source texts, so quotes are checked). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyVariant, parseScenarioText, validateScenario, type Scenario, type ScenarioSource } from '../src/scenario/index';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const scenarioPath = path.join(repoRoot, 'scenarios/korean-peninsula-2025-09.yaml');
export const scenarioText = readFileSync(scenarioPath, 'utf8');

const readSource = (s: ScenarioSource) => (s.file ? readFileSync(path.join(repoRoot, 'sources', s.file), 'utf8') : undefined);

let cached: Scenario | undefined;
export function defaultScenario(): Scenario {
  return (cached ??= validateScenario(parseScenarioText(scenarioText, 'korean-peninsula-2025-09.yaml'), { readSource }));
}

export function variant(id: string): Scenario {
  return applyVariant(defaultScenario(), id, { readSource });
}

/** A deep copy of the scenario's data (before validation) to break in a test. */
export function scenarioData(): Record<string, unknown> {
  return structuredClone(parseScenarioText(scenarioText, 'korean-peninsula-2025-09.yaml')) as Record<string, unknown>;
}

export { readSource };

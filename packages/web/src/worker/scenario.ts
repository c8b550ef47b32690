/**
 * Checks an uploaded scenario in the worker, as `brink scenario validate` and `POST /api/scenarios`
 * do: YAML/JSON syntax (file:line:col), the schema, references, verbatim quotes and their grades,
 * translations, every variant, and each bound model's own input checks for the base and every
 * variant (`checkModelInputs`). Throws the engine's `InputError` (with its place) on the first problem.
 */
import { checkModelInputs } from '@brink/engine/model-inputs';
import { countGrades, listGradedValues, parseScenarioText, validateScenario, type GradeCounts } from '@brink/engine/scenario';

export interface ScenarioCheckRequest {
  text: string;
  fileName: string;
  /** Texts of the stored sources the scenario quotes, by source id. */
  sources: Record<string, string>;
}

export interface ScenarioCheckResult {
  id: string;
  title: { en: string; [lang: string]: string | undefined };
  grades: GradeCounts;
  variants: number;
  models: Record<string, string[]>;
}

export function checkScenarioRequest(p: ScenarioCheckRequest): ScenarioCheckResult {
  const data = parseScenarioText(p.text, p.fileName);
  const readSource = (s: { id: string }) => p.sources[s.id];
  const scenario = validateScenario(data, { fileName: p.fileName, readSource });
  const report = checkModelInputs(scenario, { readSource });
  return {
    id: scenario.id,
    title: scenario.title,
    grades: countGrades(listGradedValues(scenario)),
    variants: scenario.variants.length,
    models: report.cases[0]!.checked,
  };
}

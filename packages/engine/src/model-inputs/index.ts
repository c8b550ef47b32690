/**
 * What the models need from a scenario, checked for the base and every variant: each bound
 * deterrence model's own input checks (type probabilities sum to 1, the paper's orderings, ranges:
 * `checkScenarioDeterrence`, the deterrence module's scenario link) and each issue's
 * bargaining inputs (`scenarioIssueInputs`: clout > 0, positions on the scale, at least two actors).
 *
 * `brink scenario validate`, `POST /api/scenarios` and the web app's scenario upload call this after
 * `validateScenario`, so a scenario the models cannot run (say, AEG type probabilities that sum to
 * 1.25) is rejected with its JSON path before it is stored, instead of breaking a page later.
 * A new model family adds one entry to MODEL_CHECKS.
 */
import { InputError, isInputError } from '../errors';
import { scenarioIssueInputs } from '../bargaining/scenario-issues';
import { checkScenarioDeterrence, scenarioDeterrenceModels } from '../deterrence/scenario-link';
import { applyVariant, type Scenario, type SourceReader } from '../scenario/index';

export interface ModelCheck {
  /** Model family, e.g. "deterrence". */
  family: string;
  /** Runs the family's input checks on one (varied) scenario; returns what was checked (model or issue ids). */
  check: (scenario: Scenario) => string[];
}

export const MODEL_CHECKS: readonly ModelCheck[] = [
  {
    family: 'deterrence',
    check: (scenario) => {
      checkScenarioDeterrence(scenario);
      return scenarioDeterrenceModels(scenario);
    },
  },
  {
    family: 'bargaining',
    check: (scenario) => scenarioIssueInputs(scenario).map((issue) => issue.issueId),
  },
];

export interface ModelInputsReport {
  /** One entry per case: the base (variant null) and each variant, with what each family checked. */
  cases: { variant: string | null; checked: Record<string, string[]> }[];
}

/**
 * Runs every model family's input checks on the base scenario and on every variant. The first
 * problem is thrown as an `InputError` at its JSON path; for a variant the reason names it.
 */
export function checkModelInputs(scenario: Scenario, opts: { readSource?: SourceReader; checks?: readonly ModelCheck[] } = {}): ModelInputsReport {
  const checks = opts.checks ?? MODEL_CHECKS;
  const cases: ModelInputsReport['cases'] = [];
  const variants: (string | null)[] = [null, ...scenario.variants.map((v) => v.id)];
  for (const variant of variants) {
    const s = variant === null ? scenario : applyVariant(scenario, variant, { readSource: opts.readSource });
    const checked: Record<string, string[]> = {};
    for (const { family, check } of checks) {
      try {
        checked[family] = check(s);
      } catch (error) {
        if (!isInputError(error)) throw error;
        if (variant === null) throw error;
        throw new InputError(`with variant "${variant}" applied: ${error.reason}`, { place: error.place, expected: error.expected, cause: error });
      }
    }
    cases.push({ variant, checked });
  }
  return { cases };
}

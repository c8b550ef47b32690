/**
 * Public API of the bargaining module (`@brink/engine/bargaining`): SMP as KTAB runs it, the
 * expected-utility model, KTAB CSV input, scenario issues, ensembles, tornadoes and explanations,
 * and the per-issue forecast entry point that the CLI, the jobs and the web worker share.
 */
export { runSmp, buildSmpModel, SMP_SWITCH_VALUES } from './smp/run';
export { KTAB_DEFAULT_SWITCHES } from './smp/types';
export type {
  SmpActorInput,
  SmpDimensionInput,
  SmpInput,
  SmpModelSwitches,
  SmpOptions,
  SmpTieBreak,
  SmpTurnProgress,
  SmpChallenge,
  SmpMove,
  SmpTurnLog,
  SmpStopReason,
  SmpForecast,
  SmpResult,
} from './smp/types';
export { runEum, validateEumInput } from './eum/run';
export { weightedMedian, weightedMean } from './eum/votes';
export { DEFAULT_EUM_OPTIONS } from './eum/types';
export type { EumActorInput, EumInput, EumOptions, EumOffer, EumMove, EumRound, EumStopReason, EumResult } from './eum/types';
export { runEumOnKtabInput, eumInputForDimension, type EumMultiResult } from './eum/ktab-input';
export { parseKtabCsv, writeKtabCsv } from './ktab-csv';
export {
  ISSUE_FIELDS,
  scenarioIssueInputs,
  issueModelInput,
  baseIssueValues,
  toModelScale,
  fromModelScale,
  nearestAnchor,
  issueToEumInput,
  issueToSmpInput,
  type IssueField,
  type IssueAnchor,
  type IssueActor,
  type IssueModelInput,
  type IssueValues,
  type RuledOutRange,
} from './scenario-issues';
export {
  sampleIssueValues,
  quantileSorted,
  runEnsemble,
  ensembleMembers,
  tornado,
  type IssueForecaster,
  type EnsembleOptions,
  type ForecastDistribution,
  type TornadoBar,
  type TornadoResult,
} from './uncertainty';
export { explainMove, explainEum, keyChallenges, type ExplainLabels, type MoveExplanation, type RoundExplanation } from './explain';
export {
  issueForecaster,
  forecastIssue,
  effectiveEumOptions,
  formatValue,
  formatNumber,
  ruledOutWarnings,
  summariseUncertainty,
  DEFAULT_UNCERTAINTY_RUNS,
  type IssueForecastOptions,
  type ForecastModel,
  type IssueForecast,
  type ForecastWarning,
  type ForecastUncertainty,
  type HangsOn,
} from './forecast';
export { analyseIssue, compareForecasts, type IssueAnalysis, type ForecastComparison, type ModelReading } from './compare';
export { EUM_PRESETS, type EumPresetName } from './eum/types';

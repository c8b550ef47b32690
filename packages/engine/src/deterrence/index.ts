/**
 * Public API of the deterrence module (`@brink/engine/deterrence`): literature models of deterrence
 * and escalation as explicit extensive-form games with named parameters, their equilibria and
 * thresholds, sensitivity analysis, and the one analysis path from a scenario to a result
 * (`prepareDeterrence` + `analyseDeterrence`) that the CLI, the jobs and the web worker share.
 * See docs/deterrence.md.
 */
export type { DeterrenceModel, DeterrenceResult, EquilibriumReport, ParameterSpec, Params, ThresholdSide } from './model';
export { failureProbability, worstFailure, resolveParams } from './model';
export { listDeterrenceModels, getDeterrenceModel } from './registry';
export {
  prepareDeterrence,
  analyseDeterrence,
  type DeterrenceRequest,
  type DeterrenceSetup,
  type DeterrenceAnalysis,
  type DeterrenceAnalysisSpec,
  type DeterrenceSolved,
  type ParameterSetting,
  type ParameterOrigin,
  type PlaceOf,
  DEFAULT_UNCERTAINTY_SAMPLES,
} from './analysis';
export {
  deterrenceUncertainty,
  uncertaintySummary,
  groundsOf,
  type DeterrenceUncertainty,
  type UncertaintyDriver,
  type ParameterGrounds,
} from './uncertainty';
export { buildGame, behaviourProfile, outcomeCode, codeDistribution, type BuiltGame, type TreeSpec } from './efg-builder';
// `tornado` is also a bargaining export: this module exports it as `deterrenceTornado`.
export {
  sweep,
  map2d,
  tornado as deterrenceTornado,
  withParameter,
  type SweepResult,
  type MapResult,
  type TornadoResult as DeterrenceTornadoResult,
  type TornadoBar as DeterrenceTornadoBar,
  type PointSummary,
  type RunControl,
} from './sensitivity';
export {
  deterrenceFromScenario,
  scenarioDeterrenceModels,
  scenarioBinding,
  checkScenarioDeterrence,
  type ScenarioDeterrence,
  type ScenarioBinding,
  type BoundParameter,
} from './scenario-link';
export { radg, radgThreshold } from './radg';
export { gmdg, gmdgThresholds } from './gmdg';
export { udg, udgThresholds } from './udg';
export { aeg, aegThresholds, aegReports, minimumCredibility } from './aeg';
export { extended } from './extended';
export { brinkmanship, brinkmanshipThresholds } from './brinkmanship';
export { audienceCosts, audienceThresholds, audienceSeparates } from './audience-costs';
export { verifyAgainstEngine, outcomeKey, type Verification } from './verify';

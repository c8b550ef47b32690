/**
 * Public API of the deterrence module: literature models of deterrence and escalation as explicit
 * extensive-form games with named parameters, their equilibria and thresholds, sensitivity
 * analysis, and the link to a scenario's `models.deterrence` section. See docs/deterrence.md.
 */
export type { DeterrenceModel, DeterrenceResult, EquilibriumReport, ParameterSpec, Params, ThresholdSide } from './model';
export { failureProbability, worstFailure, resolveParams } from './model';
export { listDeterrenceModels, getDeterrenceModel, equilibriumBehaviour } from './registry';
export { buildGame, behaviourProfile, outcomeDistribution, type BuiltGame, type TreeSpec } from './efg-builder';
export { checkSequentialRationality, isPerfectBayesian, enginePerfectBayesian, type OffPathBeliefs, type EngineEquilibrium } from './perfect-bayesian';
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
export { deterrenceFromScenario, scenarioDeterrenceModels, type ScenarioDeterrence } from './scenario-link';
export { radg, radgThreshold } from './radg';
export { gmdg, gmdgThresholds } from './gmdg';
export { udg, udgThresholds } from './udg';
export { aeg, aegThresholds, aegReports, minimumCredibility } from './aeg';
export { extended } from './extended';
export { brinkmanship, brinkmanshipThresholds } from './brinkmanship';
export { audienceCosts } from './audience-costs';
export { verifyAgainstEngine, outcomeKey, offPathConvention, type Verification } from './verify';

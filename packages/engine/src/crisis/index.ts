/**
 * Public API of the crisis module: the weekly simulation of a scenario's
 * `models.crisis` section, ensembles in mergeable chunks, variants on common random numbers,
 * tornado and Sobol sensitivity, the launch model and its hindcast on the CNS data, the causal
 * diagram, the XMILE export. See docs/simulation.md.
 */
export { crisisSectionSchema, LINK_FORMS, type CrisisSection, type CrisisSectionInput, type CrisisVariable, type CrisisAction, type CrisisCalendarItem, type CrisisMechanism, type CrisisLink, type CrisisOutcome } from './schema';
export { compileCrisisModel, crisisSection, type CompiledCrisisModel, type CompileOptions, type NodeInfo, type ParamSpec, type MechanismStatus, type OutcomeSpec } from './compile';
export {
  simulateChunk,
  mergeChunks,
  summariseChunk,
  simulateEnsemble,
  planChunks,
  chunkToJson,
  chunkFromJson,
  checkEnsembleOptions,
  FAN_RUNS,
  type ChunkSpec,
  type ChunkResult,
  type SimulationSummary,
  type OutcomeEstimate,
  type VariableFan,
  type FanPoint,
  type EnsembleOptions,
} from './ensemble';
export { simulateCompareChunk, mergeCompareChunks, summariseComparison, compareVariants, type CompareChunk, type ComparisonSummary, type OutcomeDifference } from './compare';
export { evaluateDesignChunk, mergeDesignChunks, evaluateDesign, type DesignSpec, type DesignChunk } from './design';
export { ensembleTornado, tornadoDesign, tornadoFromCounts, type TornadoResult, type TornadoBar, type TornadoOptions, type TornadoDesign } from './tornado';
export { sobolIndices, sobolDesign, sobolFromCounts, type SobolResult, type SobolOutcome, type SobolIndex, type SobolOptions, type SobolDesign } from './sobol';
export { runHindcast, type HindcastResult, type HindcastMonth, type HindcastOptions } from './hindcast';
export { fitLaunchModel, monthlySeries, launchDaysByMonth, type LaunchModel, type MonthlySeries } from './launch-model';
export { fitNegativeBinomial, type NbFit } from './nb-regression';
export { crps, logScore, poissonPmf, quantile as pmfQuantile, summariseScores, type ScoreSummary } from './scores';
export { wilson, pairedDifference } from './intervals';
export { causalGraph, type CausalGraph, type CausalNode, type CausalEdge } from './causal-graph';
export { exportXmile, xmileName } from './xmile';
export { KAHN_RUNGS, KAHN_GROUPS, checkCondensation, kahnRungsOf, type KahnRung } from './ladder';
export { handoffParams, decideDeterrence, selectOutcome, DeterrenceMemo, AEG_OUTCOME_CODES, type DeterrenceDecision } from './deterrence-handoff';
export { linkResponse, type LinkResponse } from './mechanism-check';
export { CNS_LAUNCH_DAYS, CNS_SNAPSHOT_END, CNS_MISSILES } from './data/cns-launch-days';
export { EXERCISES, DETENTE, SUMMITS, BORDER_CLOSURE, type DatedWindow } from './data/history';
export { dayNumber, isoDate } from './calendar';
export { FAN_BINS, Workspace } from './simulate';
export {
  simulateScenario,
  simulateWith,
  planSimulation,
  simulationModels,
  runChunkTask,
  runTasksInThread,
  checkSimulateOptions,
  mechanismReport,
  calendarOf,
  type SimulateOptions,
  type SimulateReport,
  type MechanismReport,
  type ChunkTask,
  type SimulationModels,
  type TaskRunner,
  type SimulationPlan,
} from './report';

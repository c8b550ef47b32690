/**
 * Public API of the scenario module: schema and types, parsing with positions, validation
 * (shapes, references, citations and their grades, derived values, translations), variants,
 * grades of values, version diffs, citation coverage and content hashing.
 * Pure: the engine never reads files; callers pass text and a source-reader callback.
 */
export {
  ScenarioSchema,
  CitedNumberSchema,
  CitedUnitIntervalSchema,
  CiteSchema,
  SourceSchema,
  ActorSchema,
  RelationSchema,
  DoctrineSchema,
  IssueSchema,
  EventSchema,
  MechanismSchema,
  AssessmentSchema,
  CalibrationTargetSchema,
  VariantSchema,
  ModelBindingSchema,
  MultilingualSchema,
  SupportSchema,
  DerivedSchema,
  ModelReadingSchema,
  TranslationsSchema,
  RangeSchema,
  IdSchema,
  citedSchema,
  scenarioJsonSchema,
} from './schema';
export type {
  Scenario,
  ScenarioInput,
  CitedNumber,
  Cite,
  ScenarioSource,
  Actor,
  ActorKind,
  Capability,
  Relation,
  Doctrine,
  Issue,
  IssuePosition,
  ScenarioEvent,
  Mechanism,
  Assessment,
  CalibrationTarget,
  Variant,
  ModelBinding,
  Multilingual,
  Support,
  Derived,
  ModelReading,
  Translations,
} from './schema';
export { parseScenarioText, positionOf } from './parse';
export { validateScenario, type ValidateOptions } from './validate';
export { checkCitations, collectCites, normaliseWhitespace, type SourceReader, type CiteAt } from './citations';
export { applyVariant, listVariants, type VariantSummary } from './variants';
export { citationCoverage, splitBlocks, type BlockCoverage, type SourceCoverage, type SupportCounts } from './coverage';
export { scenarioHash, canonicalJson, sha256Hex, utf8Bytes } from './hash';
export { parsePath, formatPath, resolvePath, readablePath, getAt, type PathSegment, type PathSelector } from './json-path';
export { numbersInText, textStatesNumber, findNumberInText, readNumeral, type NumberInText } from './number-text';
export {
  listGradedValues,
  countGrades,
  gradeOfCited,
  sectionOf,
  quoteStatesValue,
  checkStatedQuotes,
  GRADES,
  type Grade,
  type GradedValue,
  type GradeCounts,
} from './grades';
export { resolveDerived, clearDerived, findDerived, derivedSources } from './derived';
export {
  quoteTranslation,
  proseTranslator,
  collectProse,
  checkTranslations,
  translationReport,
  PROSE_KEYS,
  type TranslationReport,
} from './translations';
export { diffScenarios, type ScenarioDiff, type ValueChange, type ElementChange, type FieldChange, type DiffValue } from './diff';

/**
 * Public API of the evidence module: news articles (Chinese and English) in; actors, coded events,
 * quantities, dates and attributed claims out, each with its quote and offsets; and what that evidence
 * says about a scenario. Pure: the engine never reads files; callers pass texts (docs/evidence.md).
 */
export { analyseArticle, evidenceGazetteer, type AnalyseOptions } from './pipeline';
export { readArticle, isIsoDay, utf8Length, type ArticleOptions, type ReadArticle } from './article';
export { detectLanguage, parseLanguage, type LanguageGuess } from './language';
export { normalise, toSimplified, foldWidth } from './normalise';
export { splitSentences, MAX_SENTENCE_CHARS } from './sentences';
export { buildGazetteer, mergeGazetteers, nameForms, type Gazetteer, type GazetteerEntry, type GazetteerInput } from './gazetteer';
export { parseGazetteerText, scenarioGazetteer } from './gazetteer-file';
export { chineseOrArabic, parseChineseNumeral, parseEnglishNumber } from './numbers';
export { cameoCode, cameoCodes, EXTENSION_CODES, type CameoCode } from './cameo';
export { futureCode, refusalCode } from './modality';
export {
  ARTICLE_LANGUAGES,
  MODALITIES,
  type ArticleEvidence,
  type ArticleLanguage,
  type Claim,
  type CodedEvent,
  type DateMention,
  type Mention,
  type MentionKind,
  type Modality,
  type Quantity,
  type QuantityApprox,
  type SentenceSpan,
  type Span,
} from './types';
export {
  compareEvidence,
  citedValues,
  type EvidenceArticle,
  type EvidenceReport,
  type ValueFinding,
  type ValueStatus,
  type EventFinding,
  type ActorFinding,
  type MechanismFinding,
  type ClaimFinding,
} from './compare';
export { buildPatch, patchToYaml, applyPatch, type ScenarioPatch, type PatchChange } from './patch';

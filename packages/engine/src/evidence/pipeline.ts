/**
 * The evidence pipeline: one article in, its sentences, actor mentions, quantities, dates, coded
 * events and attributed claims out, each with offsets into the text as given.
 *
 * Steps, one file each: read the article and its date (./article.ts) -> detect the language
 * (./language.ts) -> normalise script and width, length-preserving (./normalise.ts) -> split sentences
 * (./sentences.ts) -> word boundaries on demand (./segment.ts) -> gazetteer mentions (./gazetteer.ts)
 * -> dates (./dates.ts) -> quantities (./quantities.ts) -> claims (./claims.ts) -> events
 * (./events.ts). Pure and deterministic: same text, options and gazetteer, same output.
 */
import { readArticle } from './article';
import { findClaims } from './claims';
import { findDates } from './dates';
import { codeEvents } from './events';
import { buildGazetteer, mergeGazetteers, type Gazetteer, type GazetteerInput } from './gazetteer';
import { scenarioGazetteer } from './gazetteer-file';
import { detectLanguage, isChinese, parseLanguage } from './language';
import { normalise } from './normalise';
import { findQuantities } from './quantities';
import { WordBoundaries } from './segment';
import { splitSentences } from './sentences';
import type { ArticleEvidence, ArticleLanguage, Mention } from './types';
import type { Scenario } from '../scenario/schema';

export interface AnalyseOptions {
  /** Name for error places (the file name). */
  fileName?: string;
  /** The article's date when it has no header (YYYY-MM-DD). */
  date?: string;
  /** The language, when not detected: zh-Hant, zh-Hans or en. */
  lang?: string;
}

/** The gazetteer for a scenario: the default file, the scenario's actors, then further files. */
export function evidenceGazetteer(layers: { defaults?: GazetteerInput; scenario?: Pick<Scenario, 'actors'>; extra?: readonly GazetteerInput[] }): Gazetteer {
  const list: GazetteerInput[] = [];
  if (layers.defaults) list.push(layers.defaults);
  if (layers.scenario) list.push(scenarioGazetteer(layers.scenario));
  list.push(...(layers.extra ?? []));
  return buildGazetteer(mergeGazetteers(list));
}

export function analyseArticle(text: string, gazetteer: Gazetteer, options: AnalyseOptions = {}): ArticleEvidence {
  const fileName = options.fileName ?? 'article';
  const article = readArticle(text, { fileName, ...(options.date !== undefined ? { date: options.date } : {}) });
  const language: ArticleLanguage = options.lang !== undefined ? parseLanguage(options.lang) : detectLanguage(text.slice(article.bodyStart), fileName).language;
  const chinese = isChinese(language);
  const norm = normalise(text, chinese);
  const sentences = splitSentences(text, article.bodyStart);
  const words = new WordBoundaries(text, sentences);
  const date = article.date;
  const mentions = gazetteer.findMentions({ text, norm, sentences, chinese, words, date });
  const dates = findDates({ text, norm, sentences, chinese, date });
  const quantities = findQuantities({ text, norm, sentences, chinese, words, dateSpans: dates });
  const { claims, newMentions } = findClaims({ text, norm, sentences, chinese, words, mentions });
  const allMentions: Mention[] = [...mentions, ...newMentions.filter((n) => !mentions.some((m) => m.start < n.end && n.start < m.end))].sort((a, b) => a.start - b.start || b.end - a.end);
  const events = codeEvents({ text, norm, sentences, chinese, words, mentions: allMentions });
  return { date, language, sentences, mentions: allMentions, quantities, dates, events, claims };
}

/**
 * The modeller's translations (`translations` in a scenario, docs/scenario.md "Translations"):
 * English renderings of the quotes (`quotes: { <source id>: { <quote>: <English> } }`) and the
 * scenario's interface prose in other languages (`prose: { <lang>: { <English>: <translation> } }`).
 * Keys are compared after normalising whitespace, so a folded YAML string and its one-line form
 * look up the same entry.
 *
 * Checked when a scenario is validated: a translated quote must occur verbatim in its source's text
 * (like a citation), and once a source has a table, every quote cited of it must have an entry.
 * `translationReport` lists what is missing or stale (for `brink scenario validate` and tests).
 */
import { InputError } from '../errors';
import { collectCites, normaliseWhitespace, type SourceReader } from './citations';
import { formatPath, readablePath, type PathSegment } from './json-path';
import type { Cite, Scenario } from './schema';

function table(entries: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(entries ?? {})) out.set(normaliseWhitespace(k), v);
  return out;
}

/** The modeller's English rendering of a cited quote, if the scenario has one. */
export function quoteTranslation(scenario: Pick<Scenario, 'translations'>, cite: Pick<Cite, 'source' | 'quote'>): string | undefined {
  if (cite.quote === undefined) return undefined;
  const entries = scenario.translations?.quotes?.[cite.source];
  if (!entries) return undefined;
  const wanted = normaliseWhitespace(cite.quote);
  for (const [k, v] of Object.entries(entries)) if (normaliseWhitespace(k) === wanted) return v;
  return undefined;
}

/**
 * A function that gives the scenario's English prose in `lang` (the English itself when `lang` is
 * English or the text has no translation).
 */
export function proseTranslator(scenario: Pick<Scenario, 'translations'>, lang: string): (english: string) => string {
  if (lang === 'en') return (text) => text;
  const entries = table(scenario.translations?.prose?.[lang]);
  return (text) => entries.get(normaliseWhitespace(text)) ?? text;
}

/** Where the scenario's interface prose lives: these keys, at any depth (variants included). */
export const PROSE_KEYS: readonly string[] = [
  'description',
  'cause',
  'effect',
  'assumption',
  'note',
  'rationale',
  'reason',
  'statement',
  'what',
  'role',
  'notes',
  'scaling',
];

/**
 * Every piece of interface prose of the scenario with its path (element names and titles are
 * multilingual already), variant changes that set a prose field (`$.relations[id=x].description`) included.
 */
export function collectProse(scenario: Scenario): { path: PathSegment[]; text: string }[] {
  const out: { path: PathSegment[]; text: string }[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const change = node as { path?: unknown; value?: unknown };
    if (path[0] === 'variants' && typeof change.path === 'string' && typeof change.value === 'string' && change.value.trim() !== '') {
      const field = /\.([A-Za-z]+)$/.exec(change.path)?.[1];
      if (field !== undefined && PROSE_KEYS.includes(field)) out.push({ path: [...path, 'value'], text: change.value });
    }
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (path.length === 0 && (k === 'translations' || k === 'sources')) continue;
      // The crisis section's prose is the crisis model's (not part of the scenario's interface prose).
      if (path.length === 1 && path[0] === 'models' && k === 'crisis') continue;
      if (typeof v === 'string' && PROSE_KEYS.includes(k) && v.trim() !== '') out.push({ path: [...path, k], text: v });
      else walk(v, [...path, k]);
    }
  };
  walk(scenario, []);
  return out;
}

/**
 * Checks the quote translations: every translated quote occurs in its source's stored text (when
 * `readSource` is given), and every quote cited of a source that has a table has an entry.
 */
export function checkTranslations(
  scenario: Scenario,
  readSource: SourceReader | undefined,
  placeOf: (path: PathSegment[]) => string | undefined = () => undefined,
): void {
  const quotes = scenario.translations?.quotes;
  if (!quotes) return;
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  for (const [sourceId, entries] of Object.entries(quotes)) {
    const path: PathSegment[] = ['translations', 'quotes', sourceId];
    const source = sources.get(sourceId);
    if (!source) {
      throw new InputError(`$.translations.quotes: unknown source "${sourceId}"`, { place: placeOf(path) ?? formatPath(path), expected: `one of: ${[...sources.keys()].join(', ')}` });
    }
    if (!readSource || source.file === undefined) continue;
    const raw = readSource(source);
    if (raw === undefined) continue;
    const text = normaliseWhitespace(raw);
    for (const quote of Object.keys(entries)) {
      if (!text.includes(normaliseWhitespace(quote))) {
        const at = [...path, quote];
        throw new InputError(`${formatPath(at)}: the translated quote 「${quote}」 does not occur in source "${sourceId}" (${source.file})`, {
          place: placeOf(at) ?? formatPath(at),
          expected: 'a verbatim passage of the source (whitespace may differ)',
        });
      }
    }
  }
  const keys = new Map(Object.entries(quotes).map(([source, entries]) => [source, new Set(Object.keys(entries).map(normaliseWhitespace))]));
  for (const { path, cite } of collectCites(scenario)) {
    if (cite.quote === undefined || !quotes[cite.source]) continue;
    if (!keys.get(cite.source)!.has(normaliseWhitespace(cite.quote))) {
      throw new InputError(`${readablePath(scenario, path)}: the quote 「${cite.quote}」 has no English rendering in $.translations.quotes.${cite.source}`, {
        place: placeOf(path) ?? formatPath(path),
        expected: 'an entry "<quote>: <English>" for every quote of a source with translations',
      });
    }
  }
}

export interface TranslationReport {
  /** Cited quotes (of non-English sources) with no English rendering. */
  untranslatedQuotes: { source: string; quote: string }[];
  /** Quote translations no citation uses. */
  staleQuotes: { source: string; quote: string }[];
  /** Per language: prose with no translation, and translations of prose the scenario no longer has. */
  prose: Record<string, { missing: string[]; stale: string[] }>;
  /** Counts: quotes translated, prose entries per language. */
  counts: { quotes: number; prose: Record<string, number> };
}

/**
 * What is missing or stale in the translations of a scenario. `languages` are the interface
 * languages besides English to report on (default: those the scenario translates into).
 */
export function translationReport(scenario: Scenario, languages?: readonly string[]): TranslationReport {
  const cited = new Map<string, Set<string>>();
  const english = new Set(scenario.sources.filter((s) => /^en\b/i.test(s.language)).map((s) => s.id));
  const untranslatedQuotes: { source: string; quote: string }[] = [];
  for (const { cite } of collectCites(scenario)) {
    if (cite.quote === undefined) continue;
    const set = cited.get(cite.source) ?? new Set<string>();
    set.add(normaliseWhitespace(cite.quote));
    cited.set(cite.source, set);
    if (!english.has(cite.source) && quoteTranslation(scenario, cite) === undefined && !untranslatedQuotes.some((u) => u.source === cite.source && u.quote === cite.quote)) {
      untranslatedQuotes.push({ source: cite.source, quote: cite.quote });
    }
  }
  const staleQuotes: { source: string; quote: string }[] = [];
  let quoteCount = 0;
  for (const [source, entries] of Object.entries(scenario.translations?.quotes ?? {})) {
    for (const quote of Object.keys(entries)) {
      quoteCount++;
      if (!cited.get(source)?.has(normaliseWhitespace(quote))) staleQuotes.push({ source, quote });
    }
  }
  const texts = [...new Set(collectProse(scenario).map((p) => normaliseWhitespace(p.text)))];
  const prose: TranslationReport['prose'] = {};
  const proseCounts: Record<string, number> = {};
  for (const lang of languages ?? Object.keys(scenario.translations?.prose ?? {})) {
    const entries = table(scenario.translations?.prose?.[lang]);
    proseCounts[lang] = entries.size;
    const have = new Set(texts);
    prose[lang] = { missing: texts.filter((t) => !entries.has(t)), stale: [...entries.keys()].filter((k) => !have.has(k)) };
  }
  return { untranslatedQuotes, staleQuotes, prose, counts: { quotes: quoteCount, prose: proseCounts } };
}

/**
 * Citation checks. Rule (docs/scenario.md): a citation of a source that has a stored `file` must
 * carry a `quote` that occurs verbatim in that file, compared after normalising whitespace only
 * (every run of whitespace becomes one space; nothing else changes: no case folding, no
 * punctuation or width normalisation). A source without a file cannot be quoted; its citations
 * carry a `locator`.
 */
import { InputError } from '../errors';
import { readablePath, type PathSegment } from './json-path';
import type { Cite, Scenario, ScenarioSource } from './schema';

/** Collapses every run of whitespace to one space and trims the ends. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export interface CiteAt {
  /** Concrete path of the cite object (….cite or ….also[i]). */
  path: PathSegment[];
  cite: Cite;
}

/** Every citation in the scenario (keys `cite` and `also[]`, at any depth), in document order. */
export function collectCites(scenario: unknown): CiteAt[] {
  const out: CiteAt[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((el, i) => walk(el, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'cite' && isCite(value)) out.push({ path: [...path, key], cite: value });
      else if (key === 'also' && Array.isArray(value)) {
        value.forEach((c, i) => {
          if (isCite(c)) out.push({ path: [...path, key, i], cite: c });
        });
      } else walk(value, [...path, key]);
    }
  };
  walk(scenario, []);
  return out;
}

function isCite(x: unknown): x is Cite {
  return x !== null && typeof x === 'object' && typeof (x as { source?: unknown }).source === 'string';
}

export type SourceReader = (source: ScenarioSource) => string | undefined;

/**
 * Checks every citation: the source exists; file sources are quoted and the quote occurs in the
 * text `readSource` returns; URL-only sources are not quoted. Throws `InputError` naming the quote
 * and the source. `placeOf` maps a concrete path to a `file:line:col` place, when known.
 */
export function checkCitations(
  scenario: Scenario,
  readSource: SourceReader | undefined,
  placeOf: (path: PathSegment[]) => string | undefined = () => undefined,
): void {
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  const texts = new Map<string, string>();
  for (const { path, cite } of collectCites(scenario)) {
    const where = readablePath(scenario, path);
    const place = placeOf(path) ?? where;
    const source = sources.get(cite.source);
    if (!source) {
      throw new InputError(`${where}: unknown source "${cite.source}"`, { place, expected: `one of: ${[...sources.keys()].join(', ')}` });
    }
    if (source.file === undefined) {
      if (cite.quote !== undefined) {
        throw new InputError(
          `${where}: source "${source.id}" has no stored file, so its quote 「${cite.quote}」 cannot be checked; cite it with a "locator" instead`,
          { place, expected: '{ source, locator }' },
        );
      }
      continue;
    }
    if (cite.quote === undefined) {
      throw new InputError(`${where}: source "${source.id}" has a stored file (${source.file}); its citations need a verbatim "quote"`, {
        place,
        expected: '{ source, quote }',
      });
    }
    if (!readSource) continue;
    let text = texts.get(source.id);
    if (text === undefined) {
      const raw = readSource(source);
      if (raw === undefined) throw new InputError(`cannot read the text of source "${source.id}" (file ${source.file})`, { place });
      text = normaliseWhitespace(raw);
      texts.set(source.id, text);
    }
    const quoted = normaliseWhitespace(cite.quote);
    if (quoted === '') {
      // "" occurs in every text: a quote of only whitespace would pass the check without quoting anything.
      throw new InputError(`${where}: the quote of source "${source.id}" is only whitespace`, { place, expected: 'a verbatim passage of the source' });
    }
    if (!text.includes(quoted)) {
      throw new InputError(`${where}: quote 「${cite.quote}」 does not occur in source "${source.id}" (${source.file})`, {
        place,
        expected: 'a verbatim passage of the source (whitespace may differ)',
      });
    }
  }
}

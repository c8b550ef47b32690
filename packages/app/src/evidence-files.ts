/**
 * Node-side evidence: reading article files (bytes checked before anything else), the gazetteer files,
 * and the JSON shape `brink ingest --json` and the API print. The pipeline itself is the engine's
 * (`@brink/engine/evidence`).
 *
 * Bad input (docs/evidence.md, "Bad input"): a file larger than the article limit is refused before it
 * is decoded; bytes that are not valid UTF-8 or contain NUL are refused as "binary or not UTF-8";
 * every refusal is an `InputError` placed at the file, so the CLI exits 2 and the server answers 4xx.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@brink/engine/errors';
import { LIMITS } from '@brink/engine/limits';
import { evidenceGazetteer, parseGazetteerText, type ArticleEvidence, type Gazetteer, type GazetteerInput } from '@brink/engine/evidence';
import type { Scenario } from '@brink/engine/scenario';
import { fileErrorText, readTextFile } from './input-files';
import { REPO_ROOT } from './scenario-files';

/** The engine's version (stored with each article's evidence). */
export const EVIDENCE_ENGINE_VERSION = (() => {
  try {
    return String((JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages/engine/package.json'), 'utf8')) as { version?: unknown }).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
})();

export const DEFAULT_GAZETTEER_PATH = path.join(REPO_ROOT, 'gazetteers', 'default.yaml');
export const EXAMPLE_ARTICLES_DIR = path.join(REPO_ROOT, 'examples', 'articles');

/** Decodes article bytes: refuses oversized, binary and non-UTF-8 input (place: `name`). */
export function decodeArticleBytes(bytes: Uint8Array, name: string): string {
  if (bytes.length > LIMITS.maxArticleBytes) {
    throw new InputError(`the article is too large: ${bytes.length} bytes, the limit is ${LIMITS.maxArticleBytes} bytes (2 MiB) per article`, {
      place: name,
      expected: `at most ${LIMITS.maxArticleBytes} bytes of UTF-8 text; split longer documents`,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`the file is binary, not text (a NUL byte at byte ${nul})`, { place: name, expected: 'a plain-text article (UTF-8)' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let at = 0;
    // Find the first offending byte for the message.
    for (let i = 0; i < bytes.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1));
        at = i + 1;
      } catch {
        if (i - at > 4) break;
      }
    }
    throw new InputError(`the file is not UTF-8 text (invalid byte sequence at byte ${at})`, { place: name, expected: 'a plain-text article in UTF-8' });
  }
}

/** Reads an article file: its size is checked before it is read whole. */
export async function readArticleFile(file: string): Promise<string> {
  let handle;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > LIMITS.maxArticleBytes) {
      throw new InputError(`the article is too large: ${info.size} bytes, the limit is ${LIMITS.maxArticleBytes} bytes (2 MiB) per article`, {
        place: file,
        expected: `at most ${LIMITS.maxArticleBytes} bytes of UTF-8 text; split longer documents`,
      });
    }
    handle = await open(file, 'r');
    const bytes = await handle.readFile();
    return decodeArticleBytes(bytes, file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read article file: ${fileErrorText(error)}`, { place: file, cause: error });
  } finally {
    await handle?.close();
  }
}

let defaultGazetteer: GazetteerInput | undefined;

/** The shipped default gazetteer (gazetteers/default.yaml). */
export function defaultGazetteerInput(): GazetteerInput {
  defaultGazetteer ??= parseGazetteerText(readFileSync(DEFAULT_GAZETTEER_PATH, 'utf8'), path.relative(process.cwd(), DEFAULT_GAZETTEER_PATH) || DEFAULT_GAZETTEER_PATH);
  return defaultGazetteer;
}

/** Reads extra gazetteer files (`--gazetteer FILE`). */
export async function readGazetteerFiles(files: readonly string[]): Promise<GazetteerInput[]> {
  const out: GazetteerInput[] = [];
  for (const file of files) out.push(parseGazetteerText(await readTextFile(file, 'gazetteer file'), file));
  return out;
}

/** The gazetteer for a scenario (default file, the scenario's actors, then extra files). */
export function gazetteerFor(scenario: Pick<Scenario, 'actors'> | undefined, extra: readonly GazetteerInput[] = []): Gazetteer {
  return evidenceGazetteer({ defaults: defaultGazetteerInput(), ...(scenario ? { scenario } : {}), extra });
}

/** The example articles shipped in the repository (used when no article is given or stored). */
export async function exampleArticleFiles(): Promise<string[]> {
  try {
    return (await readdir(EXAMPLE_ARTICLES_DIR)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(EXAMPLE_ARTICLES_DIR, f));
  } catch {
    return [];
  }
}

/**
 * The JSON object of one article, in the shape and key order:
 * { file, date, language, sentences, mentions, quantities, dates, events, claims }.
 */
export function evidenceJson(file: string, ev: ArticleEvidence): Record<string, unknown> {
  return {
    file,
    date: ev.date,
    language: ev.language,
    sentences: ev.sentences.map((s) => ({ start: s.start, end: s.end })),
    mentions: ev.mentions.map((m) => ({ kind: m.kind, text: m.text, start: m.start, end: m.end, id: m.id, name_en: m.name_en, via: m.via })),
    quantities: ev.quantities.map((q) => ({ text: q.text, start: q.start, end: q.end, value: q.value, unit: q.unit, approx: q.approx })),
    dates: ev.dates.map((d) => ({ text: d.text, start: d.start, end: d.end, value: d.value, range: d.range, relative: d.relative, precision: d.precision })),
    events: ev.events.map((e) => ({
      code: e.code,
      root: e.root,
      goldstein: e.goldstein,
      plover: e.plover,
      source: e.source,
      target: e.target,
      modality: e.modality,
      start: e.start,
      end: e.end,
      text: e.text,
      name: e.name,
      sources: e.sources,
      targets: e.targets,
      trigger: e.trigger,
    })),
    claims: ev.claims.map((c) => ({ speaker: c.speaker, speaker_name_en: c.speaker_name_en, verb: c.verb, start: c.start, end: c.end, text: c.text, verb_start: c.verb_start, verb_end: c.verb_end })),
  };
}

/** A source id for an article: "article-" + date + a slug of the file name. */
export function articleSourceId(file: string, date: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const id = base.startsWith(date) ? `article-${base}` : `article-${date}-${base || 'text'}`;
  return id.slice(0, 90).replace(/-+$/, '');
}

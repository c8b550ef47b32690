/**
 * Node-side scenario loading: reads a scenario file and the source files it cites, then validates
 * it with @brink/engine (shapes, references, verbatim quotes) and applies a variant if asked.
 *
 * A source's `file` is looked up relative to the scenario file's directory, then to the
 * repository's `sources/` directory (so `file: 000_8d664b9cd5e9c824.txt` works for scenarios in
 * scenarios/). Every problem is an `InputError` (the CLI exits 2) with `file:line:col` or a JSON path.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { readTextFile } from './input-files';
import { InputError } from '@brink/engine/errors';
import {
  applyVariant,
  parseScenarioText,
  positionOf,
  resolvePath,
  scenarioHash,
  validateScenario,
  type Scenario,
  type ScenarioSource,
} from '@brink/engine/scenario';

/** The repository root (this file is packages/app/src/scenario-files.ts). */
export { REPO_ROOT };
export const SOURCES_DIR = path.join(REPO_ROOT, 'sources');
export const SCENARIOS_DIR = path.join(REPO_ROOT, 'scenarios');
export const DEFAULT_SCENARIO_PATH = path.join(SCENARIOS_DIR, 'korean-peninsula-2025-09.yaml');

export interface LoadedScenario {
  /** The validated scenario (with the variant applied, when one was asked for). */
  scenario: Scenario;
  /** The file's text as read. */
  text: string;
  /** Content hash of the scenario as the file defines it (before any variant): `sha256:<hex>`. */
  hash: string;
  /** Texts of the cited stored sources, by source id. */
  sourceTexts: Record<string, string>;
  /** Absolute path of the scenario file. */
  path: string;
  /** The variant applied, if any. */
  variant?: string;
  /** The scenario without the variant (same object as `scenario` when no variant was applied). */
  base: Scenario;
  /**
   * `file:line:col` of the value a JSON path (or a place that starts with one, like
   * `$.models.deterrence.aeg.parameters (p_HH+p_HS)`) names in the file, when it can be found.
   */
  placeOf: (jsonPath: string) => string | undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Candidate locations of a source file, in lookup order. */
export function sourceFileCandidates(file: string, scenarioPath: string): string[] {
  if (path.isAbsolute(file)) return [file];
  const dir = path.dirname(scenarioPath);
  return [...new Set([path.resolve(dir, file), path.resolve(dir, '..', 'sources', file), path.resolve(SOURCES_DIR, file)])];
}

/**
 * A source reader for validateScenario that reads files from disk and remembers their texts.
 * `data` (what parseScenarioText returned) lets a missing file be reported at its `file:line:col`.
 */
export function fileSourceReader(scenarioPath: string, texts: Record<string, string> = {}, data?: unknown) {
  return (source: ScenarioSource): string | undefined => {
    if (source.file === undefined) return undefined;
    if (texts[source.id] !== undefined) return texts[source.id];
    const candidates = sourceFileCandidates(source.file, scenarioPath);
    const found = candidates.find(isFile);
    if (!found) {
      const list = (data as { sources?: { id?: unknown }[] } | undefined)?.sources;
      const index = Array.isArray(list) ? list.findIndex((s) => s?.id === source.id) : -1;
      const place = (index >= 0 ? positionOf(data, ['sources', index, 'file']) : undefined) ?? `${scenarioPath} $.sources[id=${source.id}].file`;
      throw new InputError(`source "${source.id}": file ${source.file} not found (looked in: ${candidates.join(', ')})`, {
        place,
        expected: `a file beside the scenario or in ${SOURCES_DIR}`,
      });
    }
    const text = readFileSync(found, 'utf8');
    texts[source.id] = text;
    return text;
  };
}

/** Reads, parses and validates a scenario file (citations included), then applies `variant`. */
export async function loadScenarioFile(filePath: string, opts: { variant?: string } = {}): Promise<LoadedScenario> {
  const absolute = path.resolve(filePath);
  const text = await readTextFile(filePath, 'scenario file');
  const relative = path.relative(process.cwd(), absolute);
  const display = relative && !relative.startsWith('..') ? relative : absolute;
  const data = parseScenarioText(text, display);
  const sourceTexts: Record<string, string> = {};
  const readSource = fileSourceReader(absolute, sourceTexts, data);
  const base = validateScenario(data, { fileName: display, readSource });
  const hash = scenarioHash(base);
  const placeOf = (jsonPath: string): string | undefined => {
    const head = /^\$[^\s]*/.exec(jsonPath)?.[0];
    if (head === undefined) return undefined;
    try {
      return positionOf(data, resolvePath(data, head));
    } catch {
      return undefined;
    }
  };
  if (opts.variant === undefined) return { scenario: base, text, hash, sourceTexts, path: absolute, base, placeOf };
  const scenario = applyVariant(base, opts.variant, { readSource });
  return { scenario, text, hash, sourceTexts, path: absolute, variant: opts.variant, base, placeOf };
}

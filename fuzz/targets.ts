/**
 * The parsers and entry points a user feeds, as fuzz targets. Each takes text and either accepts
 * it or throws the project's `InputError` with a place; anything else (another exception, a crash,
 * more than 2 s) is a finding. Seeds are the files of fuzz/corpus/<name>/ (findings are kept there
 * too, as regression inputs: fuzz/fuzz.test.ts replays every one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInputError } from '@brink/engine/errors';
import { parseEfg, parseNfg, parseGameJson } from '@brink/engine/games';
import { parseKtabCsv } from '@brink/engine/bargaining';
import { applyVariant, parseScenarioText, scenarioHash, validateScenario } from '@brink/engine/scenario';
import { getDeterrenceModel, listDeterrenceModels, resolveParams } from '@brink/engine/deterrence';
import { analyseArticle, evidenceGazetteer } from '@brink/engine/evidence';
import { InputError } from '@brink/engine/errors';

export const FUZZ_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = path.join(FUZZ_DIR, 'corpus');
const SOURCE_ART = readFileSync(path.join(FUZZ_DIR, 'source-art.txt'), 'utf8');

export interface ParserTarget {
  name: string;
  /** Tokens worth splicing in (keywords of the format). */
  dictionary: string[];
  run(text: string): void;
}

/** Seeds and kept findings of a target: every file of its corpus folder, by name. */
export function corpus(name: string): { file: string; text: string }[] {
  const dir = path.join(CORPUS_DIR, name);
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

export const sourceReader = (s: { id: string }): string | undefined => (s.id === 'art' ? SOURCE_ART : undefined);

/** The deterrence params reader: `{ model, parameters }` or a bare parameters object (then every model). */
function runDeterrenceParams(text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not JSON: ${(error as Error).message}`, { place: 'params.json' });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError('expected a JSON object', { place: 'params.json' });
  const obj = data as { model?: unknown; parameters?: unknown };
  const params = (obj.parameters ?? obj) as Record<string, unknown>;
  if (!params || typeof params !== 'object' || Array.isArray(params)) throw new InputError('expected an object of parameters', { place: 'parameters' });
  const numeric: Record<string, number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'model') continue;
    if (typeof v !== 'number') throw new InputError(`expected a number, got ${JSON.stringify(v)}`, { place: k });
    numeric[k] = v;
  }
  const models = typeof obj.model === 'string' ? [getDeterrenceModel(obj.model)] : listDeterrenceModels();
  for (const model of models) {
    const own = Object.fromEntries(Object.entries(numeric).filter(([k]) => model.parameters.some((p) => p.name === k)));
    resolveParams(model, own);
    model.solve(own);
  }
}

export const PARSER_TARGETS: ParserTarget[] = [
  { name: 'nfg', dictionary: ['NFG', '1', 'R', 'D', '{', '}', '""', '"x"', '\n'], run: (t) => void parseNfg(t, 'game.nfg') },
  { name: 'efg', dictionary: ['EFG', '2', 'R', 'p', 'c', 't', '{', '}', '""', '"x"', '0', '\n'], run: (t) => void parseEfg(t, 'game.efg') },
  { name: 'game-json', dictionary: ['"players"', '"strategies"', '"payoffs"', '"nodes"', '"type"', '"children"', 'null', 'true', '[]', '{}'], run: (t) => void parseGameJson(t, 'game.json') },
  { name: 'ktab-csv', dictionary: [',', '"', '\n', 'Actor', 'Description', 'Power'], run: (t) => void parseKtabCsv(t, 'input.csv') },
  {
    name: 'scenario',
    dictionary: ['id:', 'actors:', 'issues:', 'variants:', 'cite:', 'quote:', 'range:', 'value:', 'assumption:', '- ', '&x', '*x', '<<: *x', '!!binary', '? ', '|', '>'],
    run: (t) => {
      const scenario = validateScenario(parseScenarioText(t, 'scenario'), { fileName: 'scenario', readSource: sourceReader });
      scenarioHash(scenario);
      for (const v of scenario.variants ?? []) applyVariant(scenario, v.id, { readSource: sourceReader });
    },
  },
  {
    name: 'article',
    dictionary: [' date ', '2025-09-01', '北韓', '美國', 'North Korea', 'said', '。', '「', '」', '\n\n', '%', '萬', '億', 'missiles'],
    run: (t) => void analyseArticle(t, articleGazetteer(), { fileName: 'article' }),
  },
  { name: 'deterrence-params', dictionary: ['"model"', '"parameters"', '"radg"', '"aeg"', '"p_B"', '"p_HH"', 'null', '[]', '{}'], run: runDeterrenceParams },
];

let gazetteer: ReturnType<typeof evidenceGazetteer> | undefined;
function articleGazetteer() {
  gazetteer ??= evidenceGazetteer({});
  return gazetteer;
}

export type Verdict = { kind: 'ok' } | { kind: 'input-error' } | { kind: 'finding'; message: string };

/** Runs one input and judges it by the bar. */
export function judge(target: ParserTarget, text: string): Verdict {
  try {
    target.run(text);
    return { kind: 'ok' };
  } catch (error) {
    if (isInputError(error)) {
      if (!error.place) return { kind: 'finding', message: `an InputError without a place: ${error.message}` };
      return { kind: 'input-error' };
    }
    const e = error as Error;
    return { kind: 'finding', message: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`.slice(0, 500) + (e?.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : '') };
  }
}

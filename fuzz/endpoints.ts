/**
 * The HTTP API's entry points as fuzz targets: each makes request `i` of a seeded run (method,
 * path, content type, body), from the parser seeds (game files, scenarios) and the API seeds
 * (fuzz/corpus/api-*), mutated as text and as JSON values. The bar for every answer: a status
 * below 500 and a JSON error body for 4xx; no crash (the server process keeps running) and no
 * hang (an answer within the hang limit).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { corpus, FUZZ_DIR } from './targets';
import { INTERESTING_NUMBERS, makeInputSource, mutatedInputs } from './mutate';

export interface FuzzRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  contentType?: string;
  body?: string;
  /** Cancel the run this request creates (POST /api/runs answered 202), so runs do not pile up. */
  cancelCreated?: boolean;
}

export interface EndpointTarget {
  name: string;
  request(index: number): FuzzRequest;
}

const text = (name: string) => corpus(name).map((c) => c.text);

/** Replaces JSON values in a parsed seed with odd ones (wrong types, huge numbers, deep nesting). */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 1e308, -1e308, 0.5, '', 'x'.repeat(300), '\u0000', [], {}, [[[[[]]]]]),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...INTERESTING_NUMBERS),
  fc.array(fc.integer(), { maxLength: 5 }),
);

function mutateJson(value: unknown, rng: { path: number; value: unknown; drop: boolean }): unknown {
  // Walk to the `path`-th node (pre-order) and replace it (or drop it from its object).
  let n = rng.path;
  const walk = (v: unknown): unknown => {
    if (n-- === 0) return rng.drop ? undefined : rng.value;
    if (Array.isArray(v)) return v.map(walk).filter((x) => x !== undefined);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const w = walk(x);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    return v;
  };
  return walk(value);
}

function jsonMutations(seeds: string[]): fc.Arbitrary<string> {
  const values = seeds.map((s) => JSON.parse(s) as unknown);
  const structural = fc
    .record({ seed: fc.nat(), edits: fc.array(fc.record({ path: fc.nat({ max: 40 }), value: oddValue, drop: fc.boolean() }), { minLength: 1, maxLength: 4 }) })
    .map(({ seed, edits }) => JSON.stringify(edits.reduce((v, e) => mutateJson(v, e), values[seed % values.length])) ?? 'null');
  return fc.oneof({ arbitrary: structural, weight: 2 }, { arbitrary: mutatedInputs(seeds, ['"kind"', '"options"', '"format"', '"text"', '"method"', 'null', '[]', '{}']), weight: 1 });
}

function source<T>(arb: fc.Arbitrary<T>, seed: number): (i: number) => T {
  return makeInputSource(arb as unknown as fc.Arbitrary<string>, seed) as unknown as (i: number) => T;
}

export function endpointTargets(seed: number): EndpointTarget[] {
  const games = fc.oneof(
    mutatedInputs(text('nfg'), ['NFG', '{', '}', '"x"']).map((t) => ({ format: 'nfg', text: t })),
    mutatedInputs(text('efg'), ['EFG', 'p', 'c', 't', '{', '}']).map((t) => ({ format: 'efg', text: t })),
  );
  const solveBody = fc.oneof(
    { arbitrary: fc.record({ game: games, method: fc.option(fc.constantFrom('enumpure', 'enummixed', 'lcp', 'spe', 'logit', 'dominance', 'gnm', ''), { nil: undefined }), lambda: fc.option(oddValue, { nil: undefined }) }).map(({ game, method, lambda }) => JSON.stringify({ ...game, method, lambda })), weight: 4 },
    { arbitrary: jsonMutations(text('api-runs').map((s) => JSON.stringify((JSON.parse(s) as { options: unknown }).options)).filter((s) => s.includes('"format"'))), weight: 1 },
  );
  const scenarioYaml = text('scenario');
  const scenarioBody = fc.oneof(
    mutatedInputs(scenarioYaml, ['id:', 'actors:', 'value:', 'range:', '&a', '*a']).map((t) => ({ contentType: 'application/yaml', body: t })),
    mutatedInputs(scenarioYaml).map((t) => ({ contentType: 'application/json', body: JSON.stringify({ text: t, sources: [{ id: 'art', text: corpusSourceText() }] }) })),
    mutatedInputs(scenarioYaml).map((t) => ({ contentType: 'application/json', body: t })),
  );
  const runBody = jsonMutations(text('api-runs'));
  const routes = text('api-routes')
    .join('\n')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const routeArb = mutatedInputs(routes, ['/', '?', '&', '=', '%00', '%2e%2e', '..', '%', '#', 'version=', 'limit=', '-1', '9'.repeat(30)], 2048);

  const articleBody = fc.oneof(
    mutatedInputs(text('article'), [' date ', '北韓', 'said', '\n\n']).map((t) => JSON.stringify({ text: t })),
    jsonMutations(text('api-evidence')),
  );
  const solves = source(solveBody, seed);
  const articles = source(articleBody, seed + 4_000_000);
  const scenarios = source(scenarioBody, seed + 1_000_000);
  const runs = source(runBody, seed + 2_000_000);
  const others = source(routeArb, seed + 3_000_000);
  return [
    { name: 'POST /api/games/solve', request: (i) => ({ method: 'POST', path: '/api/games/solve', contentType: 'application/json', body: solves(i) }) },
    { name: 'POST /api/scenarios', request: (i) => ({ method: 'POST', path: '/api/scenarios', ...scenarios(i) }) },
    { name: 'POST /api/runs', request: (i) => ({ method: 'POST', path: '/api/runs', contentType: 'application/json', body: runs(i), cancelCreated: true }) },
    { name: 'POST /api/evidence/analyse', request: (i) => ({ method: 'POST', path: '/api/evidence/analyse', contentType: 'application/json', body: articles(i) }) },
    {
      name: 'other routes (GET/DELETE/POST, paths and queries)',
      request: (i) => {
        const line = others(i);
        const m = /^(GET|POST|DELETE)\s+(\S*)/.exec(line);
        const method = (m?.[1] ?? 'GET') as FuzzRequest['method'];
        let path = m?.[2] ?? line.replace(/\s/g, '');
        if (!path.startsWith('/')) path = `/${path}`;
        // Event streams of real runs stay open until the run ends: fuzz their ids, not their streams.
        if (/\/events\b/.test(path)) path = path.replace(/\/events\b/, '/events-x');
        return { method, path: encodeURI(wellFormed(path)).replace(/%25/g, "%") };
      },
    },
  ];
}

/** Lone UTF-16 surrogates (which no URL can carry) replaced by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

let sourceText: string | undefined;
function corpusSourceText(): string {
  sourceText ??= readFileSync(path.join(FUZZ_DIR, 'source-art.txt'), 'utf8');
  return sourceText;
}

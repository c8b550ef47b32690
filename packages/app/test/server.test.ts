/**
 * HTTP API tests (app.inject, no socket): every route, good and bad input, with the rule that a
 * failed write changes nothing stored. Runs execute in a real worker-thread pool (one thread).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCites, parseScenarioText, scenarioHash, validateScenario } from '@brink/engine/scenario';
import { getDeterrenceModel } from '@brink/engine/deterrence';
import type { FastifyInstance } from 'fastify';
import { createWorkerPool, toJsonSafe, type TaskRunner } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { DEFAULT_SCENARIO_PATH, REPO_ROOT, fileSourceReader, loadScenarioFile } from '../src/scenario-files';

const GAMBIT = path.resolve(process.cwd(), '../shared/conformance/gambit');
const HAVE_GAMBIT = existsSync(GAMBIT);
if (!HAVE_GAMBIT) console.warn("server test: ../shared/conformance/gambit is absent (a clone without the peers' data), so the comparison with Gambit's recorded equilibria is skipped");
/** The repository's example games (examples/games). */
const exampleGame = (name: string) => readFileSync(path.join(REPO_ROOT, 'examples', 'games', name), 'utf8');
const BODY_LIMIT = 512 * 1024;

let dir: string;
let store: Store;
let runner: TaskRunner;
let app: FastifyInstance;
let defaultId: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brink-server-'));
  store = await openStore({ dataDir: path.join(dir, 'data'), env: {} });
  runner = createWorkerPool(1);
  app = await buildServer({ store, runner, bodyLimit: BODY_LIMIT, env: {} });
  await app.ready();
  defaultId = (JSON.parse((await app.inject({ url: '/api/health' })).body) as { defaultScenarioId: string }).defaultScenarioId;
});

afterAll(async () => {
  await app?.close();
  await runner?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;
const json = (body: string): Json => JSON.parse(body) as Json;

/** Everything stored, to check that a failed write changed nothing. */
async function snapshot(): Promise<unknown> {
  return {
    scenarios: await store.listScenarios(),
    versions: await store.listScenarioVersions(defaultId),
    sources: await store.listSources(),
    runs: (await store.listRuns({ limit: 1000 })).map((r) => [r.id, r.status]),
  };
}

function expectError(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string): Json {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/json/);
  const body = json(res.body);
  expect(body.error).toBe(code);
  expect(typeof body.message).toBe('string');
  return body;
}

async function waitForEnd(id: string): Promise<Json> {
  const events = await app.inject({ url: `/api/runs/${id}/events` });
  expect(events.statusCode).toBe(200);
  expect(String(events.headers['content-type'])).toMatch(/text\/event-stream/);
  return json((await app.inject({ url: `/api/runs/${id}` })).body);
}

async function waitForStatus(id: string, status: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await store.getRun(id))?.status === status) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`run ${id} never reached ${status}`);
}

/**
 * NUL characters in ids, queries and posted texts: a 4xx, nothing stored. (PostgreSQL cannot hold
 * NUL in a text column, so these were 500s there; SQLite stored the posted text.)
 */
async function expectNulRejected(target: FastifyInstance, targetStore: Store): Promise<void> {
  const stored = async () => ({ scenarios: await targetStore.listScenarios(), sources: await targetStore.listSources(), runs: (await targetStore.listRuns()).length });
  const before = await stored();
  for (const url of ['/api/scenarios/a%00b', '/api/scenarios/a%00b/versions', '/api/runs/a%00b', '/api/runs/a%00b/events', '/api/runs?kind=%00', '/api/runs?scenarioId=x%00']) {
    expect(expectError(await target.inject({ url }), 400, 'bad_request').message).toMatch(/control characters/);
  }
  expect(expectError(await target.inject({ method: 'DELETE', url: '/api/runs/a%00b' }), 400, 'bad_request').place).toBe('params.id');
  expect(expectError(await target.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', scenarioId: 'a\u0000' } }), 422, 'invalid').place).toBe('$.scenarioId');
  expect(expectError(await target.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', variant: 'v\u0000' } }), 422, 'invalid').place).toBe('$.variant');
  const yaml = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8').replace(/^id: .*$/m, 'id: nul-test');
  const lines = yaml.split('\n');
  const withNul = [lines[0], '# a \u0000 in a comment', ...lines.slice(1)].join('\n');
  expect(expectError(await target.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/yaml' }, payload: withNul }), 400, 'bad_request').place).toBe('scenario:2:5');
  const envelope = { text: yaml, sources: [{ id: 'seed', text: readFileSync(path.resolve(process.cwd(), 'sources/000_8d664b9cd5e9c824.txt'), 'utf8') + '\u0000' }] };
  expect(expectError(await target.inject({ method: 'POST', url: '/api/scenarios', payload: envelope }), 400, 'bad_request').place).toBe('$.sources[0].text');
  expect(await stored()).toEqual(before);
}

function defaultScenarioObject(): Json {
  const text = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');
  return JSON.parse(JSON.stringify(parseScenarioText(text, 'x.yaml'))) as Json;
}

describe('meta', () => {
  it('health names the store, the default scenario and the run kinds', async () => {
    const body = json((await app.inject({ url: '/api/health' })).body);
    expect(body).toMatchObject({ ok: true, store: 'sqlite', defaultScenarioId: 'korean-peninsula-2025-09' });
    expect(body.runKinds).toEqual(expect.arrayContaining(['solve', 'forecast']));
  });

  it('serves an OpenAPI 3.1 document whose every $ref resolves, covering every route', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = json(res.body) as { openapi: string; paths: Record<string, Record<string, Json>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/scenarios', '/api/scenarios/{id}', '/api/scenarios/{id}/variants', '/api/scenarios/{id}/sources/{sourceId}', '/api/runs', '/api/runs/{id}', '/api/runs/{id}/events', '/api/runs/{id}/reproduce', '/api/games/solve', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/runs/{id}']!.delete).toBeDefined();
    const refs: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('serves a self-contained reference page (no external scripts or styles)', async () => {
    const res = await app.inject({ url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/html/);
    expect(res.body).toContain('/api/openapi.json');
    expect(res.body).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });

  it('answers unknown API routes with a JSON 404, and malformed URLs or bodies with JSON 4xx', async () => {
    expectError(await app.inject({ url: '/api/nope' }), 404, 'not_found');
    expectError(await app.inject({ method: 'POST', url: '/api/nope', payload: {} }), 404, 'not_found');
    expectError(await app.inject({ method: 'PATCH', url: '/api/runs' }), 404, 'not_found');
    expectError(await app.inject({ url: '/api/runs/%zz' }), 400, 'bad_request');
    expectError(await app.inject({ method: 'POST', url: '/api/runs', headers: { 'content-type': 'text/plain' }, payload: 'kind=solve' }), 415, 'unsupported_media_type');
    expectError(await app.inject({ method: 'POST', url: '/api/runs', headers: { 'content-type': 'application/json' }, payload: '' }), 400, 'bad_request');
  });
});

describe('scenarios', () => {
  it('lists and gets the default scenario with its sources and text', async () => {
    const list = json((await app.inject({ url: '/api/scenarios' })).body) as { scenarios: Json[] };
    expect(list.scenarios.map((s) => s.id)).toContain(defaultId);
    const res = await app.inject({ url: `/api/scenarios/${defaultId}` });
    expect(res.statusCode).toBe(200);
    const body = json(res.body) as { version: number; hash: string; scenario: Json; text: string; sources: Json[] };
    expect(body.version).toBe(1);
    expect(body.hash).toBe(scenarioHash(body.scenario));
    expect(body.text).toBe(readFileSync(DEFAULT_SCENARIO_PATH, 'utf8'));
    expect(body.sources.find((s) => s.id === 'seed')).toMatchObject({ hasText: true, language: 'zh-Hant' });
    expect(json((await app.inject({ url: `/api/scenarios/${defaultId}?version=1` })).body).hash).toBe(body.hash);
  });

  it('answers a stored version with an ETag and 304 when unchanged', async () => {
    const first = await app.inject({ url: `/api/scenarios/${defaultId}?version=1` });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}-v1"$/);
    const again = await app.inject({ url: `/api/scenarios/${defaultId}?version=1`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const cached = await app.inject({ url: `/api/scenarios/${defaultId}?version=1` });
    expect(cached.body).toBe(first.body);
  });

  it('404 for unknown ids and versions, 400 for a malformed version', async () => {
    expectError(await app.inject({ url: '/api/scenarios/nope' }), 404, 'not_found');
    expectError(await app.inject({ url: `/api/scenarios/${defaultId}?version=99` }), 404, 'not_found');
    expect(expectError(await app.inject({ url: `/api/scenarios/${defaultId}?version=abc` }), 400, 'bad_request').place).toBe('query.version');
    expectError(await app.inject({ url: '/api/scenarios/nope/versions' }), 404, 'not_found');
    expectError(await app.inject({ url: '/api/scenarios/nope/variants' }), 404, 'not_found');
  });

  it('serves the stored text of a cited source, in which every quote of the scenario occurs', async () => {
    const res = await app.inject({ url: `/api/scenarios/${defaultId}/sources/seed` });
    expect(res.statusCode).toBe(200);
    const src = json(res.body) as { text: string; textHash: string };
    const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();
    const scenario = json((await app.inject({ url: `/api/scenarios/${defaultId}` })).body).scenario;
    const quotes = collectCites(scenario).filter((c) => c.cite.source === 'seed' && c.cite.quote);
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) expect(norm(src.text)).toContain(norm(q.cite.quote!));
    expectError(await app.inject({ url: `/api/scenarios/${defaultId}/sources/nope` }), 404, 'not_found');
    // No request path reaches the file system.
    for (const evil of ['..%2F..%2Fpackage.json', '%2Fetc%2Fpasswd', '..']) {
      expectError(await app.inject({ url: `/api/scenarios/${defaultId}/sources/${evil}` }), 404, 'not_found');
    }
  });

  it('lists variants and applies one', async () => {
    const body = json((await app.inject({ url: `/api/scenarios/${defaultId}/variants` })).body) as { variants: { id: string; changes: unknown[] }[] };
    expect(body.variants.length).toBeGreaterThanOrEqual(2);
    const v = body.variants[0]!;
    expect(v.changes.length).toBeGreaterThan(0);
    const applied = await app.inject({ url: `/api/scenarios/${defaultId}/variants/${v.id}` });
    expect(applied.statusCode).toBe(200);
    const base = json((await app.inject({ url: `/api/scenarios/${defaultId}` })).body).scenario;
    expect(scenarioHash(json(applied.body).scenario)).not.toBe(scenarioHash(base));
    expectError(await app.inject({ url: `/api/scenarios/${defaultId}/variants/nope` }), 404, 'not_found');
  });

  it('rejects malformed YAML with 400 and line:col, storing nothing', async () => {
    const before = await snapshot();
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/yaml' }, payload: 'id: x\ntitle:\n  en: "unclosed\nactors: [\n' });
    const body = expectError(res, 400, 'bad_request');
    expect(body.place).toMatch(/^scenario:\d+:\d+$/);
    const badJson = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/json' }, payload: '{"id": "x", "title": ' });
    expect(expectError(badJson, 400, 'bad_request').place).toMatch(/^scenario:1:\d+$/);
    // A malformed JSON body is a JSON error, not a "YAML syntax error", at its line and column.
    const trailingComma = expectError(await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/json' }, payload: '{\n  "id": "x",\n}' }), 400, 'bad_request');
    expect(trailingComma.message).toMatch(/^malformed JSON body: /);
    expect(trailingComma.message).not.toMatch(/YAML/);
    expect(trailingComma.place).toBe('scenario:3:1');
    expectError(await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/yaml' }, payload: '  ' }), 400, 'bad_request');
    expect(await snapshot()).toEqual(before);
  });

  it('rejects invalid values with 422, the JSON path and line:col, storing nothing', async () => {
    const before = await snapshot();
    const yaml = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8').replace(/^asOf: .*$/m, 'asOf: 12');
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'text/yaml' }, payload: yaml });
    const body = expectError(res, 422, 'invalid');
    expect(body.message).toContain('$.asOf');
    const line = yaml.split('\n').findIndex((l) => l.startsWith('asOf:')) + 1;
    expect(body.place).toMatch(new RegExp(`^scenario:${line}:\\d+$`));
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a quote changed by one character, naming the quote and the source', async () => {
    const before = await snapshot();
    const obj = defaultScenarioObject();
    const first = collectCites(obj).find((c) => c.cite.source === 'seed' && c.cite.quote)!;
    const quote = first.cite.quote!;
    const cite = first.path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], obj) as { quote: string };
    cite.quote = quote.slice(0, -1) + (quote.endsWith('。') ? '，' : '。');
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: obj });
    const body = expectError(res, 422, 'invalid');
    expect(body.message).toContain(cite.quote);
    expect(body.message).toContain('"seed"');
    expect(await snapshot()).toEqual(before);
  });

  it('413 for an oversized body and 415 for an unsupported type, storing nothing', async () => {
    const before = await snapshot();
    const big = 'x'.repeat(BODY_LIMIT + 10);
    expectError(await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/yaml' }, payload: big }), 413, 'too_large');
    expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'solve', options: { format: 'nfg', text: big } } }), 413, 'too_large');
    expectError(await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }), 415, 'unsupported_media_type');
    expect(await snapshot()).toEqual(before);
  });

  it('stores a changed scenario as a new version, and known content as the existing one (YAML or JSON)', async () => {
    const obj = defaultScenarioObject();
    (obj.title as Json).en = `${(obj.title as Json).en as string} (API test)`;
    const created = await app.inject({ method: 'POST', url: '/api/scenarios', payload: obj });
    expect(created.statusCode).toBe(201);
    const c = json(created.body);
    expect(c).toMatchObject({ id: defaultId, version: 2, created: true });
    const texts: Record<string, string> = {};
    const expected = validateScenario(obj, { readSource: fileSourceReader(DEFAULT_SCENARIO_PATH, texts) });
    expect(c.hash).toBe(scenarioHash(expected));
    // The same content again, as an envelope with the source text: no new version.
    const again = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { text: JSON.stringify(obj), sources: [{ id: 'seed', text: texts.seed! }] } });
    expect(again.statusCode).toBe(200);
    expect(json(again.body)).toMatchObject({ version: 2, created: false });
    // The original file's YAML is version 1.
    const v1 = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/yaml' }, payload: readFileSync(DEFAULT_SCENARIO_PATH, 'utf8') });
    expect(v1.statusCode).toBe(200);
    expect(json(v1.body)).toMatchObject({ version: 1, created: false });
    const versions = json((await app.inject({ url: `/api/scenarios/${defaultId}/versions` })).body) as { versions: Json[] };
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(json((await app.inject({ url: `/api/scenarios/${defaultId}` })).body).version).toBe(2);
    expect(json((await app.inject({ url: `/api/scenarios/${defaultId}/sources/seed?version=2` })).body).text).toBe(texts.seed);
  });
});

describe('runs', () => {
  it('runs a forecast in the worker pool, stores it with provenance, streams events and reproduces it', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', scenarioId: defaultId, version: 1, variant: 'lee-engagement', seed: 7, options: { model: 'eum' } } });
    expect(created.statusCode).toBe(202);
    const { id, links } = json(created.body) as { id: string; links: { events: string } };
    const events = await app.inject({ url: links.events });
    const names = [...events.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names.at(-1)).toBe('done');
    const run = json((await app.inject({ url: `/api/runs/${id}` })).body) as Json & { provenance: Json; result: { issues: Json[] } };
    const v1 = json((await app.inject({ url: `/api/scenarios/${defaultId}?version=1` })).body);
    expect(run.status).toBe('done');
    expect(run.progress).toBe(1);
    expect(run.provenance).toMatchObject({ scenarioHash: v1.hash, scenarioId: defaultId, scenarioVersion: 1, variant: 'lee-engagement', seed: 7, options: { model: 'eum' } });
    expect(run.result.issues.length).toBeGreaterThan(0);
    expect(run.result.issues[0]).toMatchObject({ variant: 'lee-engagement', model: 'eum' });

    const rep = await app.inject({ method: 'POST', url: `/api/runs/${id}/reproduce` });
    expect(rep.statusCode).toBe(202);
    const again = await waitForEnd(json(rep.body).id as string);
    expect(again.reproduces).toBe(id);
    expect(again.reproduction).toMatchObject({ of: id, identical: true, differences: [] });
    expect(again.result).toEqual(run.result);

    const listed = json((await app.inject({ url: `/api/runs?kind=forecast&scenarioId=${defaultId}` })).body) as { runs: Json[] };
    expect(listed.runs.map((r) => r.id)).toEqual(expect.arrayContaining([id, json(rep.body).id]));
    expect(listed.runs[0]).not.toHaveProperty('result');
  });

  it("runs a deterrence model and returns the engine's own equilibria, the game tree, and sweeps with progress", async () => {
    const params = { p_B: 0.3 };
    const created = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'deterrence', options: { model: 'radg', parameters: params } } });
    expect(created.statusCode).toBe(202);
    const run = await waitForEnd(json(created.body).id as string);
    expect(run.status).toBe('done');
    const result = run.result as { model: string; result: unknown; game: { kind: string } };
    expect(result.model).toBe('radg');
    expect(result.result).toEqual(toJsonSafe(getDeterrenceModel('radg').solve(params)));
    expect(result.game.kind).toBe('efg');

    const sw = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'deterrence', variant: 'lee-engagement', options: { model: 'radg', analysis: 'sweep', sweep: { parameter: 'p_B', steps: 41 } } } });
    const id = json(sw.body).id as string;
    const events = await app.inject({ url: `/api/runs/${id}/events` });
    expect(events.body).toMatch(/event: done/);
    const swept = json((await app.inject({ url: `/api/runs/${id}` })).body);
    const sweep = (swept.result as { sweep: { points: { value: number; failure: number | null }[] } }).sweep;
    // Without explicit ranges the sweep spans the scenario's uncertainty range for p_B.
    const loaded = await loadScenarioFile(DEFAULT_SCENARIO_PATH, { variant: 'lee-engagement' });
    const boundRange = (loaded.scenario.models.deterrence as Record<string, { parameters: Record<string, { range?: [number, number] }> }>).radg!.parameters.p_B!.range!;
    expect(sweep.points).toHaveLength(41);
    expect(sweep.points[0]!.value).toBeCloseTo(boundRange[0], 12);
    expect(sweep.points[40]!.value).toBeCloseTo(boundRange[1], 12);
    expect((swept.provenance as Json).variant).toBe('lee-engagement');

    // Explicit ranges replace the scenario's.
    const wide = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'deterrence', options: { model: 'radg', analysis: 'sweep', sweep: { parameter: 'p_B', steps: 11 }, ranges: { p_B: [0, 1] } } } });
    const wideRun = await waitForEnd(json(wide.body).id as string);
    const widePoints = (wideRun.result as { sweep: { points: { value: number }[] } }).sweep.points;
    expect(widePoints.map((x) => x.value)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((x) => expect.closeTo(x, 12)));
  });

  it('streams progress over a real socket, and survives a client that leaves mid-stream', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const start = async () =>
      json((await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'deterrence', options: { model: 'aeg', analysis: 'sweep', sweep: { parameter: 'p_Ch', steps: 400 } } } })).body).id as string;
    const id = await start();
    const res = await fetch(`${address}/api/runs/${id}/events`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const names = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names.at(-1)).toBe('done');
    const progress = [...text.matchAll(/^event: progress\ndata: (.*)$/gm)].map((m) => (JSON.parse(m[1]!) as { progress: number }).progress);
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    // A client that disconnects: the run still ends and is stored.
    const other = await start();
    const controller = new AbortController();
    const partial = await fetch(`${address}/api/runs/${other}/events`, { signal: controller.signal });
    const reader = partial.body!.getReader();
    await reader.read();
    controller.abort();
    await waitForStatus(other, 'done');
    expect((await fetch(`${address}/api/health`)).status).toBe(200);
  });

  it('an event stream ends (no hang, no unhandled rejection) when the store fails while it polls', async () => {
    // A run that another process executes (not active here) is polled once a second; the third
    // read of it fails. That rejection used to be unhandled (it stops a Node server) and the stream hung.
    let reads = 0;
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'getRun') {
          return async (id: string) => {
            if (id === orphan.id && ++reads >= 3) throw new Error('the store went away');
            return target.getRun(id);
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const other = await buildServer({ store: failing, runner, loadDefaultScenario: false, env: {} });
    // Created after start-up (which marks runs left unfinished in a SQLite store as interrupted).
    const orphan = await store.createRun({ kind: 'forecast', provenance: { scenarioHash: null, scenarioId: null, scenarioVersion: null, variant: null, engineVersion: 'x', seed: 1, options: {} } });
    try {
      const res = await other.inject({ url: `/api/runs/${orphan.id}/events` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/event: progress/);
      expect(reads).toBe(3);
    } finally {
      await other.close();
      await store.cancelRun(orphan.id);
    }
  });

  it('bad deterrence options: 422 with the JSON path of the option', async () => {
    const before = await snapshot();
    const place = async (options: unknown) => expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'deterrence', options } }), 422, 'invalid').place;
    expect(await place({ model: 'nope' })).toBe('$.options.model');
    expect(await place({ model: 'radg', parameters: { zz: 1 } })).toBe('$.options.parameters.zz');
    expect(await place({ model: 'radg', parameters: { p_B: 2 } })).toBe('$.options.parameters.p_B');
    expect(await place({ model: 'radg', analysis: 'sweep' })).toBe('$.options.sweep');
    expect(await place({ model: 'radg', analysis: 'map', map: { x: 'p_B', y: 'nope' } })).toBe('$.options.map.y');
    expect(await place({ model: 'radg', analysis: 'chess' })).toBe('$.options.analysis');
    expect(await snapshot()).toEqual(before);
  });

  it('cancels a running run (the worker is stopped) and a queued one; cancelling an ended run is a 409', async () => {
    const slow = { kind: 'forecast', options: { model: 'smp', ensemble: 5000 } };
    const a = json((await app.inject({ method: 'POST', url: '/api/runs', payload: slow })).body).id as string;
    const b = json((await app.inject({ method: 'POST', url: '/api/runs', payload: slow })).body).id as string;
    await waitForStatus(a, 'running');
    expect((await store.getRun(b))?.status).toBe('queued');
    const cb = await app.inject({ method: 'DELETE', url: `/api/runs/${b}` });
    expect(cb.statusCode).toBe(200);
    expect(json(cb.body).status).toBe('cancelled');
    const ca = await app.inject({ method: 'DELETE', url: `/api/runs/${a}` });
    expect(json(ca.body).status).toBe('cancelled');
    const events = await app.inject({ url: `/api/runs/${a}/events` });
    expect(events.body).toMatch(/event: cancelled/);
    expectError(await app.inject({ method: 'DELETE', url: `/api/runs/${a}` }), 409, 'conflict');
    expect((await store.getRun(a))?.result).toBeNull();
    // The pool still works after its thread was stopped.
    const quick = json((await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', options: { model: 'smp' } } })).body).id as string;
    expect((await waitForEnd(quick)).status).toBe('done');
  });

  it('bad run requests: the right 4xx, JSON errors with places, nothing stored', async () => {
    const before = await snapshot();
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'astrology' } }), 422, 'invalid').place).toBe('$.kind');
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'solve', options: { text: 'x' } } }), 422, 'invalid').place).toBe('$.options.format');
    // A malformed game file is refused at once (it used to be stored as a run that then failed).
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'solve', options: { format: 'nfg', text: 'NFG 1 R "x" { "A" } { 2 }\n1 2 3' } } }), 422, 'invalid').place).toMatch(/^game\.nfg:\d+:\d+$/);
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', options: { issue: 'nope' } } }), 422, 'invalid').place).toBe('$.options.issue');
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', scenarioId: 'nope' } }), 404, 'not_found').place).toBe('$.scenarioId');
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', variant: 'nope' } }), 404, 'not_found').place).toBe('$.variant');
    expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', seed: -1 } }), 422, 'invalid');
    expectError(await app.inject({ method: 'POST', url: '/api/runs', payload: [1, 2] }), 422, 'invalid');
    expect(expectError(await app.inject({ method: 'POST', url: '/api/runs', headers: { 'content-type': 'application/json' }, payload: '"forecast"' }), 422, 'invalid').place).toBe('$');
    expectError(await app.inject({ method: 'POST', url: '/api/runs', headers: { 'content-type': 'application/json' }, payload: '{"kind":' }), 400, 'bad_request');
    for (const [method, url] of [
      ['GET', '/api/runs/nope'],
      ['GET', '/api/runs/nope/events'],
      ['DELETE', '/api/runs/nope'],
      ['POST', '/api/runs/nope/reproduce'],
    ] as const) {
      expectError(await app.inject({ method, url }), 404, 'not_found');
    }
    expectError(await app.inject({ url: '/api/runs?status=sleeping' }), 400, 'bad_request');
    expect(await snapshot()).toEqual(before);
    await expectNulRejected(app, store);
  });
});

describe('games', () => {
  const chicken = exampleGame('chicken.nfg');

  it('solves a game and finds its equilibria', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'nfg', text: chicken, method: 'enummixed' } });
    expect(res.statusCode).toBe(200);
    const body = json(res.body) as { game: Json; result: { method: string; complete: boolean; equilibria: { profile: string[][] }[] } };
    expect(body.game).toMatchObject({ kind: 'nfg' });
    // Chicken: one side backs down (two pure equilibria), or each backs down with probability 9/10.
    const got = body.result.equilibria.map((e) => e.profile.flat().join(',')).sort();
    expect(got).toEqual(['0,1,1,0', '1,0,0,1', '9/10,1/10,9/10,1/10']);
    expect(body.result.complete).toBe(true);
  });

  it.skipIf(!HAVE_GAMBIT)("solves a Gambit game and finds Gambit's equilibria (needs ../shared/conformance/gambit)", async () => {
    const e04 = readFileSync(path.join(GAMBIT, 'games/e04.nfg'), 'utf8');
    const res = await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'nfg', text: e04, method: 'enummixed' } });
    expect(res.statusCode).toBe(200);
    const body = json(res.body) as { game: Json; result: { method: string; complete: boolean; equilibria: { profile: string[][] }[] } };
    expect(body.game).toMatchObject({ kind: 'nfg' });
    const expected = (JSON.parse(readFileSync(path.join(GAMBIT, 'expected/e04.nfg.json'), 'utf8')) as { runs: { method: string; equilibria: string[][] }[] }).runs.find((r) => r.method === 'enummixed')!;
    const got = body.result.equilibria.map((e) => e.profile.flat().join(',')).sort();
    expect(got).toEqual(expected.equilibria.map((e) => e.join(',')).sort());
    expect(body.result.complete).toBe(true);
  });

  it('invalid game files are a 400 with file:line:col; unknown or unfit methods a 422 at $.method', async () => {
    const pennies = exampleGame('matching-pennies.nfg');
    // Two payoffs short.
    const broken = pennies.replace(/1 -1\s*$/, '');
    expect(broken).not.toBe(pennies);
    const body = expectError(await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'nfg', text: broken } }), 400, 'bad_request');
    expect(body.place).toMatch(/^game\.nfg:\d+:\d+$/);
    expect(expectError(await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'efg', text: 'EFG 2 R "x" { "A" } \n t "" 1 "o" { 1 \n' } }), 400, 'bad_request').place).toMatch(/^game\.efg:\d+:\d+$/);
    expect(expectError(await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'nfg', text: chicken, method: 'magic' } }), 422, 'invalid').place).toBe('$.method');
    // A two-player extensive form with a chance move: enummixed needs a two-player .nfg.
    const efg = exampleGame('resolve-signalling.efg');
    expect(expectError(await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'efg', text: efg, method: 'enummixed' } }), 422, 'invalid').place).toBe('$.method');
    expectError(await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'xml', text: chicken } }), 422, 'invalid');
    // A JSON value that is not an object (a string, null, a number) is checked by the schema too (it was a 500).
    for (const payload of ['"x"', 'null', '7']) {
      expect(expectError(await app.inject({ method: 'POST', url: '/api/games/solve', headers: { 'content-type': 'application/json' }, payload }), 422, 'invalid').place).toBe('$');
    }
  });

  it('stops a solve that runs out of time (422 timeout) and keeps serving', async () => {
    const fast = await buildServer({ store, runner, solveTimeoutMs: 150, loadDefaultScenario: false, env: {} });
    try {
      // A 14x14 game with pseudo-random payoffs: vertex enumeration takes far longer than 150 ms.
      let x = 12345;
      const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % 97;
      const payoffs = Array.from({ length: 14 * 14 * 2 }, next).join(' ');
      const text = `NFG 1 R "slow" { "A" "B" } { 14 14 }\n${payoffs}\n`;
      const res = await fast.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'nfg', text, method: 'enummixed' } });
      expectError(res, 422, 'timeout');
      // The stopped worker is replaced (its start-up counts against the short limit, so ask the normal server).
      expect((await app.inject({ method: 'POST', url: '/api/games/solve', payload: { format: 'nfg', text: chicken } })).statusCode).toBe(200);
    } finally {
      await fast.close();
    }
  });
});

describe('safety', () => {
  it('off loopback: refuses to start without BRINK_TOKEN, and writes need the bearer token', async () => {
    await expect(buildServer({ store, runner, host: '0.0.0.0', loadDefaultScenario: false, env: {} })).rejects.toThrow(/BRINK_TOKEN/);
    const open = await buildServer({ store, runner, host: '0.0.0.0', token: 's3cret', loadDefaultScenario: false, env: {} });
    try {
      expect((await open.inject({ url: '/api/health' })).statusCode).toBe(200);
      const before = await snapshot();
      expectError(await open.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'forecast', scenarioId: defaultId } }), 401, 'unauthorized');
      expectError(await open.inject({ method: 'POST', url: '/api/runs', headers: { authorization: 'Bearer wrong' }, payload: { kind: 'forecast', scenarioId: defaultId } }), 401, 'unauthorized');
      expectError(await open.inject({ method: 'DELETE', url: '/api/runs/x' }), 401, 'unauthorized');
      expect(await snapshot()).toEqual(before);
      const ok = await open.inject({ method: 'POST', url: '/api/games/solve', headers: { authorization: 'Bearer s3cret' }, payload: { format: 'nfg', text: exampleGame('chicken.nfg') } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('serves the web build with an SPA fallback, and never serves files outside it', async () => {
    const web = path.join(dir, 'web');
    mkdirSync(path.join(web, 'assets'), { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Brink test</title>');
    writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    const site = await buildServer({ store, runner, webDist: web, loadDefaultScenario: false, env: {} });
    try {
      expect((await site.inject({ url: '/' })).body).toContain('Brink test');
      const deep = await site.inject({ url: '/deterrence/map' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('Brink test');
      expect((await site.inject({ url: '/assets/app.js' })).body).toBe('console.log(1)');
      expectError(await site.inject({ url: '/assets/missing.js' }), 404, 'not_found');
      for (const evil of ['/../secret.txt', '/..%2Fsecret.txt', '/assets/..%2F..%2Fsecret.txt']) {
        const res = await site.inject({ url: evil });
        expect(res.body).not.toContain('TOP-SECRET-CONTENT');
      }
      expectError(await site.inject({ url: '/api/missing' }), 404, 'not_found');
    } finally {
      await site.close();
    }
  });
});

describe.skipIf(!process.env.BRINK_TEST_DATABASE_URL)('the API on PostgreSQL', () => {
  it('stores the default scenario, runs an analysis and rejects a bad write without storing anything', async () => {
    const url = process.env.BRINK_TEST_DATABASE_URL!;
    const schema = `api_${process.pid}_${Date.now().toString(36)}`;
    const pgStore = await openStore({ databaseUrl: url, schema, env: {} });
    const pgApp = await buildServer({ store: pgStore, runner, env: {} });
    try {
      expect(json((await pgApp.inject({ url: '/api/health' })).body).store).toBe('postgres');
      const detail = json((await pgApp.inject({ url: `/api/scenarios/${defaultId}` })).body);
      expect(detail.hash).toBe(json((await app.inject({ url: `/api/scenarios/${defaultId}?version=1` })).body).hash);
      const created = await pgApp.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'deterrence', options: { model: 'radg' } } });
      const id = json(created.body).id as string;
      await pgApp.inject({ url: `/api/runs/${id}/events` });
      expect(json((await pgApp.inject({ url: `/api/runs/${id}` })).body).status).toBe('done');
      const before = { scenarios: await pgStore.listScenarios(), sources: await pgStore.listSources() };
      expectError(await pgApp.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/yaml' }, payload: 'a: [' }), 400, 'bad_request');
      expect({ scenarios: await pgStore.listScenarios(), sources: await pgStore.listSources() }).toEqual(before);
      await expectNulRejected(pgApp, pgStore);
    } finally {
      await pgApp.close();
      await pgStore.close();
      const pgClient = new (await import('pg')).default.Client({ connectionString: url });
      await pgClient.connect();
      await pgClient.query(`drop schema if exists "${schema}" cascade`);
      await pgClient.end();
    }
  });
});

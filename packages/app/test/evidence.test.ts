/**
 * Evidence at the edges: `brink ingest` (the JSON shape, offsets into the file as read, bad
 * files exit 2 naming the file, nothing stored on error), `brink evidence` (what a later article would
 * change in the default scenario) and the HTTP routes (same messages as the CLI, nothing stored on
 * error, the routes in the OpenAPI document).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '@brink/engine/limits';
import { brink, brinkInProcess } from './cli-harness';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { REPO_ROOT } from '../src/scenario-files';

const SEED = path.join(REPO_ROOT, 'sources/000_8d664b9cd5e9c824.txt');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brink-evidence-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('brink ingest', () => {
  it('prints the issue\'s JSON object for the founding article, offsets into the file as read', async () => {
    const r = await brinkInProcess('ingest', SEED, '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['file', 'date', 'language', 'sentences', 'mentions', 'quantities', 'dates', 'events', 'claims']);
    expect(out).toMatchObject({ file: SEED, date: '2025-09-01', language: 'zh-Hant' });
    const text = readFileSync(SEED, 'utf8');
    for (const kind of ['mentions', 'quantities', 'dates', 'events', 'claims'] as const) {
      const items = out[kind] as { start: number; end: number; text: string }[];
      expect(items.length, kind).toBeGreaterThan(0);
      for (const item of items) expect(text.slice(item.start, item.end)).toBe(item.text);
    }
    const m = (out.mentions as Record<string, unknown>[])[0]!;
    expect(Object.keys(m).slice(0, 6)).toEqual(['kind', 'text', 'start', 'end', 'id', 'name_en']);
    const e = (out.events as Record<string, unknown>[])[0]!;
    expect(Object.keys(e).slice(0, 10)).toEqual(['code', 'root', 'goldstein', 'plover', 'source', 'target', 'modality', 'start', 'end', 'text']);
    const c = (out.claims as Record<string, unknown>[])[0]!;
    expect(Object.keys(c).slice(0, 6)).toEqual(['speaker', 'speaker_name_en', 'verb', 'start', 'end', 'text']);
    expect((out.quantities as { value: number; unit: string }[]).map((q) => [q.value, q.unit])).toEqual([[6, 'times'], [348000000, 'USD'], [0.9, 'share']]);
  });

  it('reads plain text with --date and --lang, and prints one line per file', async () => {
    const a = file('plain.txt', 'North Korea test-fired two missiles on Tuesday, the South Korean military said.');
    const b = file('plain-zh.txt', '北韩昨天试射两枚弹道导弹。');
    const r = await brinkInProcess('ingest', a, b, '--date', '2025-10-01', '--json');
    expect(r.code).toBe(0);
    const [x, y] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { language: string; date: string; events: { code: string }[] });
    expect([x!.language, y!.language]).toEqual(['en', 'zh-Hans']);
    expect(x!.events[0]!.code).toBe('1561');
    expect(y!.date).toBe('2025-10-01');
  });

  it('bad files exit 2 naming the file and the reason, with nothing printed or stored', async () => {
    const data = path.join(dir, 'store-bad');
    const good = file('good.txt', ' date 2025-10-01 北韓試射飛彈。');
    const cases: [string, RegExp][] = [
      [file('binary.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /binary\.bin: the file is binary/],
      [file('latin1.txt', Uint8Array.from([0x20, 0x64, 0x61, 0x74, 0x65, 0xe9, 0xe8])), /latin1\.txt: the file is not UTF-8 text/],
      [file('empty.txt', ''), /empty\.txt: the article is empty/],
      [file('nodate.txt', '北韓試射飛彈。'), /nodate\.txt: the article has no date/],
      [file('huge.txt', `${' date 2025-10-01 '}${'北'.repeat(LIMITS.maxArticleBytes / 3 + 10)}`), /huge\.txt: the article is too large: \d+ bytes, the limit is 2097152 bytes/],
      [path.join(dir, 'missing.txt'), /missing\.txt: cannot read article file: no such file or directory/],
    ];
    for (const [bad, message] of cases) {
      const r = await brinkInProcess('--data', data, 'ingest', good, bad, '--store', '--json');
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const r = await brinkInProcess('ingest', good, '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang: unknown language "fr"/);
    const store = await openStore({ dataDir: data, env: {} });
    expect(await store.listArticles()).toEqual([]);
    await store.close();
  });

  it('--store keeps the article and its evidence once', async () => {
    const data = path.join(dir, 'store-good');
    expect((await brinkInProcess('--data', data, 'ingest', SEED, '--store')).code).toBe(0);
    expect((await brinkInProcess('--data', data, 'ingest', SEED, '--store')).code).toBe(0);
    const store = await openStore({ dataDir: data, env: {} });
    const list = await store.listArticles();
    expect(list).toHaveLength(1);
    expect(list[0]!.counts.claims).toBeGreaterThan(10);
    await store.close();
  });
});

describe('brink evidence', () => {
  it('shows what a later article changes in the default scenario (the example articles)', () => {
    const r = brink('--data', path.join(dir, 'store-empty'), 'evidence', 'scenarios/korean-peninsula-2025-09.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/using the example articles/);
    expect(r.stdout).toMatch(/UPDATES\s+\$\.relations\[id=china-dprk-trade\]\.amounts\.dprkExportsToChina2024 = 348000000 USD/);
    expect(r.stdout).toMatch(/Events after 2025-09-01 \([1-9]\d*\)/);
    expect(r.stdout).toMatch(/2025-10-22\s+1561/);
    expect(r.stdout).toMatch(/Proposed patch \(\d+ changes; review before applying; nothing was changed\)/);
    expect(r.stdout).toMatch(/op: replace\n\s+path: \$\.relations\[id=china-dprk-trade\]\.amounts\.dprkExportsToChina2024/);
  });

  it('--json gives the report and the patch; --out writes the patch', async () => {
    const out = path.join(dir, 'patch.yaml');
    const article = path.join(REPO_ROOT, 'examples/articles/2025-11-05-en-troops-sanctions.txt');
    const r = await brinkInProcess('evidence', 'scenarios/korean-peninsula-2025-09.yaml', article, '--json', '--out', out);
    expect(r.code).toBe(0);
    const { report, patch } = JSON.parse(r.stdout) as { report: { values: { status: string; path: string }[] }; patch: { changes: { op: string; path: string }[] } };
    expect(report.values.some((v) => v.status === 'updates' && v.path.includes('flows[id=troops]'))).toBe(true);
    expect(patch.changes[0]).toMatchObject({ op: 'add', path: '$.sources' });
    expect(readFileSync(out, 'utf8')).toMatch(/^# Proposed scenario changes from evidence/);
  });
});

describe('evidence routes', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore({ dataDir: path.join(dir, 'server'), env: {} });
    app = await buildServer({ store, runner: { run: async () => ({ ok: false, message: 'no runs here' }), close: async () => {} } as never, webDist: null, env: {} });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('analyses without storing, stores once, lists, reads and deletes', async () => {
    const text = readFileSync(SEED, 'utf8');
    const a = await app.inject({ method: 'POST', url: '/api/evidence/analyse', payload: { text, fileName: 'seed.txt' } });
    expect(a.statusCode).toBe(200);
    const ev = JSON.parse(a.body) as { file: string; claims: { start: number; end: number; text: string }[] };
    expect(ev.file).toBe('seed.txt');
    for (const c of ev.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(await store.listArticles()).toEqual([]);
    const s1 = await app.inject({ method: 'POST', url: '/api/articles', payload: { text, fileName: 'seed.txt' } });
    expect(s1.statusCode).toBe(201);
    const s2 = await app.inject({ method: 'POST', url: '/api/articles', payload: { text } });
    expect(s2.statusCode).toBe(200);
    const id = (JSON.parse(s1.body) as { article: { id: string } }).article.id;
    const list = JSON.parse((await app.inject({ url: '/api/articles' })).body) as { articles: { id: string }[] };
    expect(list.articles.map((x) => x.id)).toEqual([id]);
    expect((await app.inject({ url: `/api/articles/${id}` })).statusCode).toBe(200);
    const report = JSON.parse((await app.inject({ url: '/api/evidence/korean-peninsula-2025-09' })).body) as { usedExamples: boolean; patchYaml: string };
    expect(report.usedExamples).toBe(false);
    expect((await app.inject({ method: 'DELETE', url: `/api/articles/${id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/articles/${id}` })).statusCode).toBe(404);
    const examples = JSON.parse((await app.inject({ url: '/api/evidence/korean-peninsula-2025-09' })).body) as { usedExamples: boolean; report: { events: unknown[] } };
    expect(examples.usedExamples).toBe(true);
    expect(examples.report.events.length).toBeGreaterThan(0);
  });

  it('bad articles are 422 with the CLI\'s messages, and nothing is stored', async () => {
    const before = await store.listArticles();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ text: '', fileName: 'a.txt' }, /^a\.txt: the article is empty/],
      [{ text: '北韓試射飛彈。', fileName: 'a.txt' }, /^a\.txt: the article has no date/],
      [{ text: ' date 2025-10-01 abc\u0000', fileName: 'a.txt' }, /^a\.txt:1:\d+: the file is binary/],
      [{ text: '北韓試射飛彈。', date: '2025-10-01', lang: 'fr' }, /^lang: unknown language "fr"/],
      [{ text: 'x'.repeat(LIMITS.maxArticleBytes + 1), date: '2025-10-01', fileName: 'big.txt' }, /^big\.txt: the article is too large/],
    ];
    for (const [payload, message] of cases) {
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload });
      expect(r.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(422);
      expect((JSON.parse(r.body) as { message: string }).message).toMatch(message);
    }
    expect(await store.listArticles()).toEqual(before);
  });

  it('the routes are in the OpenAPI document', async () => {
    const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as { paths: Record<string, unknown> };
    for (const p of ['/api/evidence/analyse', '/api/articles', '/api/articles/{id}', '/api/evidence/{id}']) expect(Object.keys(doc.paths)).toContain(p);
  });
});

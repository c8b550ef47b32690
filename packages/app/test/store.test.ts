/**
 * The store on both dialects: the same suite runs on SQLite (a temp dir) and on PostgreSQL
 * (`BRINK_TEST_DATABASE_URL`, which scripts/test.sh sets; each test gets its own schema).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isInputError } from '@brink/engine/errors';
import { scenarioHash } from '@brink/engine/scenario';
import { RunRecordSchema } from '@brink/engine/records';
import { openStore, textHash, SQLITE_FILE_NAME, type Store, type StoreOptions } from '../src/store';

const PG_URL = process.env.BRINK_TEST_DATABASE_URL;
if (!PG_URL) {
  console.warn('store tests: BRINK_TEST_DATABASE_URL is unset, so the PostgreSQL half is SKIPPED (scripts/test.sh sets it; locally: bash scripts/pg-up.sh)');
}

interface Backend {
  name: string;
  /** Options for a fresh, empty store; the same options reopen it. */
  fresh(): StoreOptions;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    fresh() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-store-'));
      dirs.push(dir);
      return { dataDir: dir, env: {} };
    },
    async cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

function postgresBackend(url: string): Backend {
  const schemas: string[] = [];
  let counter = 0;
  return {
    name: 'postgres',
    fresh() {
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      schemas.push(schema);
      return { databaseUrl: url, schema, env: {} };
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const s of schemas.splice(0)) await client.query(`drop schema if exists "${s}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

const backends: Backend[] = [sqliteBackend()];
if (PG_URL) backends.push(postgresBackend(PG_URL));

const SCENARIO = {
  id: 'kp',
  title: 'Korean Peninsula',
  actors: [{ id: 'dprk', names: { en: 'North Korea', 'zh-Hant': '北韓' } }],
  models: { deterrence: { p: 0.35 } },
};

describe.each(backends)('store on $name', (backend) => {
  const open: Store[] = [];
  async function fresh(): Promise<{ store: Store; options: StoreOptions }> {
    const options = backend.fresh();
    const store = await openStore(options);
    open.push(store);
    return { store, options };
  }
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await backend.cleanup();
  });

  it('opens with the chosen dialect, migrates once and keeps data across reopen', async () => {
    const { store, options } = await fresh();
    expect(store.dialect).toBe(backend.name);
    if (backend.name === 'sqlite') expect(store.location.endsWith(SQLITE_FILE_NAME)).toBe(true);
    await store.putScenario({ scenario: SCENARIO, text: 'id: kp\n' });
    const again = await openStore(options);
    open.push(again);
    const got = await again.getScenario('kp');
    expect(got?.version).toBe(1);
    expect(got?.scenario).toEqual(SCENARIO);
  });

  it('servers starting at once on one fresh database migrate it once, without errors (PostgreSQL: an advisory lock)', async () => {
    const options = backend.fresh();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(options)));
    open.push(...stores);
    await stores[0]!.putScenario({ scenario: SCENARIO });
    for (const s of stores) expect((await s.getScenario('kp'))?.version).toBe(1);
  });

  it('chunk results are stored once per chunk, counted once, and removed with the run\'s end', async () => {
    const { store } = await fresh();
    const run = await store.createRun({ kind: 'deterrence', provenance: { engineVersion: '0.1.0', options: {} }, owner: 'queue' });
    expect(await store.setRunChunks(run.id, 3)).toBe(true);
    expect(await store.putChunkResult(run.id, 1, { b: 1 }, 'w1')).toEqual({ stored: true, done: 1, total: 3 });
    // The same chunk again (a retried chunk whose first attempt finished): ignored, not counted.
    expect(await store.putChunkResult(run.id, 1, { b: 2 }, 'w2')).toEqual({ stored: false, done: 1, total: 3 });
    const racing = await Promise.all([store.putChunkResult(run.id, 0, { a: 1 }), store.putChunkResult(run.id, 0, { a: 1 })]);
    expect(racing.filter((r) => r.stored).length).toBe(1);
    expect(await store.getChunkResults(run.id)).toEqual([
      { index: 0, result: { a: 1 } },
      { index: 1, result: { b: 1 } },
    ]);
    const mid = await store.getRun(run.id);
    expect(mid?.chunks).toEqual({ total: 3, done: 2 });
    expect(mid?.progress).toBeCloseTo(2 / 3);
    expect(await store.listUnfinishedRuns()).toEqual([{ id: run.id, status: 'queued', owner: 'queue', chunksTotal: 3 }]);
    expect(await store.finishRun(run.id, { merged: true })).toBe(true);
    expect(await store.getChunkResults(run.id)).toEqual([]);
    expect((await store.putChunkResult(run.id, 2, { c: 1 })).stored).toBe(false);
    expect(await store.listUnfinishedRuns()).toEqual([]);
  });

  it('instance liveness: a claimed instance is alive while its store is open, gone once closed (PostgreSQL)', async () => {
    const { store, options } = await fresh();
    await store.claimInstance('server-a');
    expect(await store.isInstanceAlive('server-a')).toBe(true);
    const other = await openStore(options);
    open.push(other);
    if (backend.name === 'postgres') {
      expect(await other.isInstanceAlive('server-a')).toBe(true);
      await store.close();
      open.splice(open.indexOf(store), 1);
      expect(await other.isInstanceAlive('server-a')).toBe(false);
    } else {
      // SQLite: one server per file; any other owner is gone.
      expect(await other.isInstanceAlive('server-a')).toBe(false);
    }
  });

  it('two stores side by side (PostgreSQL: two schemas of one database) each migrate and keep their own data', async () => {
    // Kysely's migrator looked for brink_migrations in every schema, so the second schema's store
    // took the first one's tables for its own and failed ("brink_migrations_lock does not exist").
    const a = await fresh();
    await a.store.putScenario({ scenario: SCENARIO, text: 'id: kp\n' });
    const b = await fresh();
    expect(await b.store.listScenarios()).toEqual([]);
    await b.store.putScenario({ scenario: { ...SCENARIO, title: 'Other' }, text: 'id: kp\n' });
    expect((await a.store.getScenario('kp'))?.scenario).toEqual(SCENARIO);
    expect((await b.store.getScenario('kp'))?.version).toBe(1);
  });

  it('addresses scenarios by content: same content (any key order) is the same version; changes make new versions', async () => {
    const { store } = await fresh();
    const a = await store.putScenario({ scenario: SCENARIO, text: 'yaml text 1' });
    expect(a.created).toBe(true);
    expect(a.record.version).toBe(1);
    expect(a.record.hash).toBe(scenarioHash(SCENARIO));
    const reordered = { models: SCENARIO.models, actors: SCENARIO.actors, title: SCENARIO.title, id: SCENARIO.id };
    const b = await store.putScenario({ scenario: reordered, text: 'other text' });
    expect(b.created).toBe(false);
    expect(b.record.version).toBe(1);
    expect(b.record.text).toBe('yaml text 1');
    const changed = { ...SCENARIO, models: { deterrence: { p: 0.4 } } };
    const c = await store.putScenario({ scenario: changed, text: 'yaml text 2' });
    expect(c.created).toBe(true);
    expect(c.record.version).toBe(2);
    expect(c.record.hash).not.toBe(a.record.hash);

    expect((await store.getScenario('kp'))?.version).toBe(2);
    expect((await store.getScenario('kp', 1))?.scenario).toEqual(SCENARIO);
    expect((await store.getScenario('kp', 2))?.text).toBe('yaml text 2');
    expect(await store.getScenario('kp', 3)).toBeUndefined();
    expect(await store.getScenario('nope')).toBeUndefined();
    expect((await store.getScenarioByHash(a.record.hash))?.version).toBe(1);

    await store.putScenario({ scenario: { id: 'other', title: 'Other' } });
    const list = await store.listScenarios();
    expect(list.map((s) => [s.id, s.version, s.versions])).toEqual([
      ['kp', 2, 2],
      ['other', 1, 1],
    ]);
    expect((await store.listScenarioVersions('kp')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('numbers versions without gaps or duplicates under concurrent writes', async () => {
    const { store } = await fresh();
    // More writers than the conflict retries could absorb: writers of one id must take turns.
    const n = 16;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => store.putScenario({ scenario: { id: 'race', title: `v${i}` } })),
    );
    expect(results.map((r) => r.record.version).sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // A restore racing new versions also gets a version of its own.
    const more = await Promise.all([
      store.restoreScenario('race', 1),
      ...Array.from({ length: 4 }, (_, i) => store.putScenario({ scenario: { id: 'race', title: `w${i}` } })),
    ]);
    expect(more.map((r) => r!.record.version).sort((x, y) => x - y)).toEqual([17, 18, 19, 20, 21]);
  });

  it('gives concurrent articles that want one id distinct ids (the id, then id-2, id-3, ...); the same text is stored once', async () => {
    const { store } = await fresh();
    const article = (text: string) => ({ id: 'kcna', date: '2025-09-01', language: 'en', text, evidence: { events: [] }, engineVersion: 'test' });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.putArticle(article(`Statement ${i}.`))));
    expect(results.map((r) => r.record.id).sort()).toEqual(['kcna', ...Array.from({ length: 9 }, (_, i) => `kcna-${i + 2}`)].sort());
    const again = await Promise.all([store.putArticle(article('Statement 3.')), store.putArticle(article('Statement 3.'))]);
    expect(again.map((r) => r.created)).toEqual([false, false]);
    expect(again[0]!.record.id).toBe(results[3]!.record.id);
    expect(await store.listArticles()).toHaveLength(10);
  });

  it('keeps every text of a source (never overwrites) and links a scenario version to its texts', async () => {
    const { store } = await fresh();
    const text1 = '北韓於2006年進行首次核試驗。\nSecond line.';
    const r1 = await store.putScenario({
      scenario: SCENARIO,
      sources: [{ id: 'seed', title: '種子', publisher: 'CNA', date: '2025-09-01', language: 'zh-Hant', text: text1 }],
    });
    const s1 = await store.getSource('seed', r1.record.sourceHashes.seed);
    expect(s1?.text).toBe(text1);
    expect(s1?.language).toBe('zh-Hant');
    expect(s1?.textHash).toBe(textHash(text1));

    const r2 = await store.putScenario({
      scenario: { ...SCENARIO, title: 'edited' },
      sources: [{ id: 'seed', title: '種子', text: text1 + ' (corrected)' }],
    });
    expect(r2.record.sourceHashes.seed).not.toBe(r1.record.sourceHashes.seed);
    expect((await store.getSource('seed', r1.record.sourceHashes.seed))?.text).toBe(text1);
    expect((await store.getSource('seed', r2.record.sourceHashes.seed))?.text).toBe(text1 + ' (corrected)');
    expect(await store.getSource('missing')).toBeUndefined();
    expect(await store.getSource('seed', 'no-such-hash')).toBeUndefined();
    expect((await store.listSources()).filter((s) => s.id === 'seed')).toHaveLength(2);

    const same = await store.putSource({ id: 'seed', text: text1 });
    expect(same.textHash).toBe(r1.record.sourceHashes.seed);
    expect((await store.listSources()).length).toBe(2);
  });

  it('a failed write stores nothing and loses nothing already stored', async () => {
    const { store } = await fresh();
    await store.putScenario({ scenario: SCENARIO, sources: [{ id: 'seed', text: 'original' }] });
    const before = { scenarios: await store.listScenarios(), sources: await store.listSources() };
    // The first source is valid and new, the second is broken: the transaction must roll back both.
    await expect(
      store.putScenario({
        scenario: { ...SCENARIO, title: 'v2' },
        sources: [{ id: 'new-source', text: 'fresh' }, { id: 'broken' } as never],
      }),
    ).rejects.toThrow(/broken/);
    await expect(store.putScenario({ scenario: { title: 'no id' } as never })).rejects.toThrow(/id/);
    expect(await store.listScenarios()).toEqual(before.scenarios);
    expect(await store.listSources()).toEqual(before.sources);
    expect(await store.getSource('new-source')).toBeUndefined();
  });

  it('runs: provenance round-trips and status moves queued -> running -> done', async () => {
    const { store } = await fresh();
    const { record } = await store.putScenario({ scenario: SCENARIO });
    const seed = 2 ** 40 + 7;
    const run = await store.createRun({
      kind: 'deterrence',
      provenance: {
        scenarioHash: record.hash,
        scenarioId: record.id,
        scenarioVersion: record.version,
        variant: 'lee-engagement',
        engineVersion: '0.1.0',
        seed,
        options: { model: 'zagare-kilgour', grid: [1, 2, 3], label: '嚇阻' },
      },
    });
    expect(run.status).toBe('queued');
    expect(run.progress).toBe(0);
    expect(await store.startRun(run.id)).toBe(true);
    expect(await store.startRun(run.id)).toBe(false);
    expect(await store.updateRunProgress(run.id, 0.25)).toBe(true);
    expect(await store.updateRunProgress(run.id, 7)).toBe(true);
    expect((await store.getRun(run.id))?.progress).toBe(1);
    await store.updateRunProgress(run.id, 0.5);
    const mid = await store.getRun(run.id);
    expect(mid?.status).toBe('running');
    expect(mid?.progress).toBe(0.5);
    const result = { outcomes: { war: 0.125, deterrence: 0.875 }, path: ['challenge', 'resist'] };
    expect(await store.finishRun(run.id, result)).toBe(true);
    const done = await store.getRun(run.id);
    expect(done?.status).toBe('done');
    expect(done?.progress).toBe(1);
    expect(done?.result).toEqual(result);
    expect(done?.provenance).toEqual({
      scenarioHash: record.hash,
      scenarioId: 'kp',
      scenarioVersion: 1,
      variant: 'lee-engagement',
      engineVersion: '0.1.0',
      seed,
      options: { model: 'zagare-kilgour', grid: [1, 2, 3], label: '嚇阻' },
    });
    expect(done?.finishedAt).not.toBeNull();
    // What the store reads back is the run record declared once for store, API and web.
    for (const r of [run, mid, done]) expect(RunRecordSchema.strict().parse(r)).toEqual(r);
    // An ended run no longer changes.
    expect(await store.cancelRun(run.id)).toBe(false);
    expect(await store.failRun(run.id, 'late')).toBe(false);
    expect(await store.updateRunProgress(run.id, 0.1)).toBe(false);
    expect((await store.getRun(run.id))?.status).toBe('done');
  });

  it('runs: a cancelled run keeps its status when its executor later finishes or fails', async () => {
    const { store } = await fresh();
    const a = await store.createRun({ kind: 'solve', provenance: { engineVersion: '0.1.0', options: {} } });
    await store.startRun(a.id);
    expect(await store.cancelRun(a.id)).toBe(true);
    expect(await store.finishRun(a.id, { late: true })).toBe(false);
    const got = await store.getRun(a.id);
    expect(got?.status).toBe('cancelled');
    expect(got?.result).toBeNull();
    const b = await store.createRun({ kind: 'solve', provenance: { engineVersion: '0.1.0' }, reproduces: a.id });
    expect((await store.getRun(b.id))?.reproduces).toBe(a.id);
    expect((await store.getRun(a.id))?.reproduces).toBeNull();
    expect(await store.failRun(b.id, 'boom')).toBe(true);
    expect((await store.getRun(b.id))?.error).toBe('boom');
    expect(await store.cancelRun('no-such-run')).toBe(false);
    expect(await store.getRun('no-such-run')).toBeUndefined();
  });

  it('lists runs newest first, filtered by kind, status and scenario', async () => {
    const { store } = await fresh();
    const ids: string[] = [];
    for (const [i, kind] of ['deterrence', 'forecast', 'deterrence', 'solve'].entries()) {
      const r = await store.createRun({ kind, provenance: { engineVersion: '0.1.0', scenarioId: i < 2 ? 'kp' : 'other', options: { i } } });
      ids.push(r.id);
      await new Promise((res) => setTimeout(res, 3));
    }
    await store.finishRun(ids[0]!, 1);
    expect((await store.listRuns()).map((r) => r.id)).toEqual([...ids].reverse());
    expect((await store.listRuns({ kind: 'deterrence' })).map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect((await store.listRuns({ status: 'done' })).map((r) => r.id)).toEqual([ids[0]]);
    expect((await store.listRuns({ scenarioId: 'kp' })).map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect((await store.listRuns({ limit: 2, offset: 1 })).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const [light] = await store.listRuns({ status: 'done', withResults: false });
    expect(light).toEqual({ ...(await store.getRun(ids[0]!))!, result: null });
  });
});

describe('choosing the database', () => {
  it('BRINK_DATA picks the SQLite folder; an explicit data dir wins over BRINK_DATABASE_URL; a bad URL is refused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-env-'));
    try {
      const a = await openStore({ env: { BRINK_DATA: path.join(dir, 'a') } });
      expect(a.location).toBe(path.join(dir, 'a', SQLITE_FILE_NAME));
      await a.close();
      const b = await openStore({ dataDir: path.join(dir, 'b'), env: { BRINK_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
      expect(b.dialect).toBe('sqlite');
      await b.close();
      await expect(openStore({ env: { BRINK_DATABASE_URL: 'mysql://x:secret@h/db' } })).rejects.toThrow(/postgres:\/\/.*x:\*\*\*@h/);
      // Both are bad input (InputError: the CLI exits 2), not internal errors.
      await expect(openStore({ env: { BRINK_DATABASE_URL: 'mysql://x:secret@h/db' } })).rejects.toSatisfy(isInputError);
      const file = path.join(dir, 'a-file');
      writeFileSync(file, 'not a folder');
      await expect(openStore({ dataDir: file, env: {} })).rejects.toSatisfy((e) => isInputError(e) && (e as Error).message.startsWith(`${file}: cannot use as the data directory`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!PG_URL)('BRINK_DATABASE_URL picks PostgreSQL', async () => {
    const schema = `env_${process.pid}_${Date.now().toString(36)}`;
    const s = await openStore({ env: { BRINK_DATABASE_URL: PG_URL }, schema });
    try {
      expect(s.dialect).toBe('postgres');
      expect(s.location).toContain(schema);
    } finally {
      await s.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  });
});

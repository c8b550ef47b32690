/**
 * Scenario versions in the store, on SQLite and (with BRINK_TEST_DATABASE_URL) PostgreSQL: restoring
 * an earlier version makes it the newest and deletes nothing; known content answers with the version
 * that has it; the latest version is read through the (id, version) index, one row (
 * without a LIMIT the driver read every version of the id).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, SQLITE_FILE_NAME, type Store, type StoreOptions } from '../src/store';
import { migrationProvider } from '../src/store/migrations';

const PG_URL = process.env.BRINK_TEST_DATABASE_URL;
if (!PG_URL) console.warn('scenario-versions tests: BRINK_TEST_DATABASE_URL is unset, so the PostgreSQL half is SKIPPED (bash scripts/pg-up.sh starts one)');

const dirs: string[] = [];
const schemas: string[] = [];
const stores: Store[] = [];
let counter = 0;

function freshOptions(dialect: 'sqlite' | 'postgres'): StoreOptions {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-versions-'));
    dirs.push(dir);
    return { dataDir: dir, env: {} };
  }
  const schema = `v_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  schemas.push(schema);
  return { databaseUrl: PG_URL!, schema, env: {} };
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  if (PG_URL && schemas.length) {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      for (const s of schemas.splice(0)) await client.query(`drop schema if exists "${s}" cascade`);
    } finally {
      await client.end();
    }
  }
});

const dialects: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const v = (n: number) => ({ id: 'kp', title: { en: `Version ${n}` }, models: { deterrence: { p: n / 10 } } });

describe.each(dialects)('scenario versions on %s', (dialect) => {
  async function fresh(): Promise<Store> {
    const store = await openStore(freshOptions(dialect));
    stores.push(store);
    return store;
  }

  it('restores an earlier version as the newest, deleting nothing', async () => {
    const store = await fresh();
    const v1 = await store.putScenario({ scenario: v(1), text: 'text 1' });
    const v2 = await store.putScenario({ scenario: v(2), text: 'text 2' });
    expect([v1.record.version, v2.record.version]).toEqual([1, 2]);
    const restored = await store.restoreScenario('kp', 1);
    expect(restored?.created).toBe(true);
    expect(restored?.record).toMatchObject({ id: 'kp', version: 3, hash: v1.record.hash, text: 'text 1', restoredFrom: 1 });
    expect((await store.getScenario('kp'))?.scenario).toEqual(v(1));
    expect((await store.listScenarioVersions('kp')).map((x) => [x.version, x.hash === v1.record.hash, x.restoredFrom])).toEqual([
      [1, true, null],
      [2, false, null],
      [3, true, 1],
    ]);
    expect((await store.getScenario('kp', 2))?.scenario).toEqual(v(2));
    // Restoring what is already the newest content changes nothing.
    expect((await store.restoreScenario('kp', 1))?.created).toBe(false);
    expect((await store.restoreScenario('kp', 3))?.record.version).toBe(3);
    expect(await store.restoreScenario('kp', 9)).toBeUndefined();
    expect(await store.restoreScenario('nope', 1)).toBeUndefined();
    // A run's scenario hash still finds the first version with that content.
    expect((await store.getScenarioByHash(v1.record.hash))?.version).toBe(1);
    expect((await store.listScenarios()).map((s) => [s.id, s.version, s.versions, s.restoredFrom])).toEqual([['kp', 3, 3, 1]]);
  });

  it('answers known content with the version that has it (a restore is how older content becomes the newest)', async () => {
    const store = await fresh();
    await store.putScenario({ scenario: v(1) });
    await store.putScenario({ scenario: v(2) });
    expect(await store.putScenario({ scenario: v(1) })).toMatchObject({ created: false, record: { version: 1, restoredFrom: null } });
    await store.restoreScenario('kp', 1);
    // After the restore the same content is version 3 as well: the latest one answers.
    expect(await store.putScenario({ scenario: v(1) })).toMatchObject({ created: false, record: { version: 3, restoredFrom: 1 } });
    expect((await store.putScenario({ scenario: v(4) })).record.version).toBe(4);
  });

  it('concurrent restores and writes each get their own version', async () => {
    const store = await fresh();
    await store.putScenario({ scenario: v(1) });
    await store.putScenario({ scenario: v(2) });
    await Promise.all([store.restoreScenario('kp', 1), store.putScenario({ scenario: v(4) }), store.putScenario({ scenario: v(5) })]);
    const versions = (await store.listScenarioVersions('kp')).map((x) => x.version);
    expect(versions).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('latest-version reads (SQLite)', () => {
  it('read one row through the (id, version) index, however many versions there are', async () => {
    const options = freshOptions('sqlite');
    const store = await openStore(options);
    stores.push(store);
    for (let n = 1; n <= 60; n++) await store.putScenario({ scenario: v(n) });
    const statements: string[] = [];
    const prepare = BetterSqlite3.prototype.prepare;
    vi.spyOn(BetterSqlite3.prototype, 'prepare').mockImplementation(function (this: BetterSqlite3.Database, source: string) {
      statements.push(source);
      return prepare.call(this, source);
    });
    expect((await store.getScenario('kp'))?.version).toBe(60);
    expect((await store.getScenarioSummary('kp'))?.version).toBe(60);
    vi.restoreAllMocks();
    const reads = statements.filter((q) => /from "scenarios"/i.test(q));
    expect(reads).toHaveLength(2);
    const db = new BetterSqlite3(path.join(options.dataDir!, SQLITE_FILE_NAME), { readonly: true });
    try {
      for (const q of reads) {
        expect(q).toMatch(/order by "version" desc limit \?/i);
        const plan = db.prepare(`explain query plan ${q}`).all('kp', 1) as { detail: string }[];
        const detail = plan.map((p) => p.detail).join('; ');
        // SEARCH through the primary-key index on (id, version), no table scan and no sort step.
        expect(detail).toMatch(/SEARCH scenarios USING INDEX \S+ \(id=\?\)/);
        expect(detail).not.toMatch(/SCAN|TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });
});

describe('migration 0003 (SQLite)', () => {
  it('keeps the versions a store had before restores existed, and then restores them', async () => {
    const options = freshOptions('sqlite');
    const file = path.join(options.dataDir!, SQLITE_FILE_NAME);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'brink_migrations', migrationLockTableName: 'brink_migrations_lock' });
    expect((await migrator.migrateTo('0001_initial')).error).toBeUndefined();
    for (const n of [1, 2]) {
      await sql`insert into scenarios (id, version, hash, title, json, yaml, source_hashes, created_at)
        values ('kp', ${n}, ${`sha256:${n}`}, '{"en":"v"}', ${JSON.stringify(v(n))}, ${`text ${n}`}, '{}', ${`2025-01-0${n}T00:00:00.000Z`})`.execute(db);
    }
    await db.destroy();
    const store = await openStore(options);
    stores.push(store);
    expect((await store.listScenarioVersions('kp')).map((x) => [x.version, x.hash, x.restoredFrom])).toEqual([
      [1, 'sha256:1', null],
      [2, 'sha256:2', null],
    ]);
    expect((await store.restoreScenario('kp', 1))?.record).toMatchObject({ version: 3, hash: 'sha256:1', text: 'text 1', restoredFrom: 1 });
  });
});

/**
 * Brink's store: sources, scenarios (content-addressed, versioned per id) and runs (with their
 * provenance, status, progress and result), on SQLite (better-sqlite3, the default: a file
 * `brink.sqlite` under the data directory) or PostgreSQL (`pg`), with the same kysely code.
 *
 * Every write is one transaction, so a failed write leaves what was stored before unchanged.
 * The store never computes: it keeps what the engines produced.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { ArticlesTable, Database, RunsTable, ScenariosTable, SourcesTable } from './schema';
import { migrationProvider } from './migrations';
import { canonicalJson, scenarioHash } from '@brink/engine/scenario';
import { InputError } from '@brink/engine/errors';
import type { RunProvenance, RunRecord, RunStatus } from '@brink/engine/records';
import { fileErrorText } from '../input-files';

export const SQLITE_FILE_NAME = 'brink.sqlite';

export interface StoreOptions {
  /** Directory of the SQLite file (created if missing). Default: `BRINK_DATA`, else `./data`. */
  dataDir?: string;
  /** `postgres://...`: use PostgreSQL instead of SQLite. Default: `BRINK_DATABASE_URL`. */
  databaseUrl?: string;
  /** PostgreSQL only: keep the tables in this schema (created if missing). Tests use one per test. */
  schema?: string;
  /** Environment to read the defaults from (default `process.env`). */
  env?: Record<string, string | undefined>;
}

export type StoreDialect = 'sqlite' | 'postgres';

export interface SourceInput {
  id: string;
  title?: string | null;
  publisher?: string | null;
  date?: string | null;
  language?: string | null;
  url?: string | null;
  text: string;
}

export interface SourceRecord {
  id: string;
  textHash: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  language: string | null;
  url: string | null;
  text: string;
  createdAt: string;
}

/** What a scenario must have for the store: a string id. The store keeps the rest as given. */
export interface StorableScenario {
  id: string;
  title?: unknown;
  [key: string]: unknown;
}

export interface ScenarioInput {
  /** The validated scenario object (its canonical JSON is hashed). */
  scenario: StorableScenario;
  /** The text it was read from (YAML or JSON), kept as written. */
  text?: string | null;
  /** Source texts the scenario cites, stored in the same transaction. */
  sources?: readonly SourceInput[];
}

export interface ScenarioSummary {
  id: string;
  version: number;
  hash: string;
  title: ScenarioTitle;
  createdAt: string;
  /** The earlier version this one stores again (a restore), else null. */
  restoredFrom: number | null;
  /** Number of stored versions of this id. */
  versions: number;
}

export interface ScenarioRecord {
  id: string;
  version: number;
  hash: string;
  title: ScenarioTitle;
  scenario: StorableScenario;
  text: string | null;
  /** Source id -> text hash of each source stored with this version. */
  sourceHashes: Record<string, string>;
  createdAt: string;
  /** The earlier version this one stores again (a restore), else null. */
  restoredFrom: number | null;
}

// The run record is declared once, in @brink/engine/records: the store, the API and the web share it.
export { RUN_STATUSES, type RunStatus, type RunProvenance, type RunRecord } from '@brink/engine/records';

export interface RunInput {
  kind: string;
  provenance: Partial<RunProvenance> & { engineVersion: string };
  /** Default: a random UUID. */
  id?: string;
  /** Id of the run this one reproduces. */
  reproduces?: string;
  /** Who executes it: a server's instance id (see `claimInstance`), or "queue". */
  owner?: string;
}

/** A run not yet ended, with who executes it (for recovery after a crash). */
export interface UnfinishedRun {
  id: string;
  status: RunStatus;
  owner: string | null;
  chunksTotal: number | null;
}


export interface RunQuery {
  kind?: string;
  status?: RunStatus;
  scenarioId?: string;
  limit?: number;
  offset?: number;
  /** False: leave `result` null (lists do not need results, which can be large). Default true. */
  withResults?: boolean;
}

export interface ArticleInput {
  /** Wanted id; a stored article with another text keeps its id and this one gets a suffix. */
  id: string;
  fileName?: string | null;
  title?: string | null;
  date: string;
  language: string;
  text: string;
  evidence: unknown;
  engineVersion: string;
}

export interface ArticleSummary {
  id: string;
  textHash: string;
  fileName: string | null;
  title: string | null;
  date: string;
  language: string;
  createdAt: string;
  /** Counts of the evidence's items (mentions, quantities, dates, events, claims). */
  counts: Record<string, number>;
}

export interface ArticleRecord extends ArticleSummary {
  text: string;
  evidence: unknown;
  engineVersion: string;
}

export interface Store {
  readonly dialect: StoreDialect;
  /** Where the data lives: the SQLite file or the PostgreSQL URL without password. */
  readonly location: string;
  putSource(source: SourceInput): Promise<SourceRecord>;
  /** The source with this id and text hash, or the most recently stored text of that id. */
  getSource(id: string, textHash?: string): Promise<SourceRecord | undefined>;
  listSources(): Promise<Omit<SourceRecord, 'text'>[]>;
  /**
   * Stores a scenario (and its sources) as a new latest version. Content already stored: returns the
   * (latest) version that has it, created false; to make older content the newest, restore it.
   */
  putScenario(input: ScenarioInput): Promise<{ record: ScenarioRecord; created: boolean }>;
  /**
   * Makes an earlier version the newest: stores its content again as a new version (nothing is
   * deleted). Undefined when the version does not exist; created false when it is the latest content already.
   */
  restoreScenario(id: string, version: number): Promise<{ record: ScenarioRecord; created: boolean } | undefined>;
  /** A version of a scenario; the latest when `version` is omitted (one indexed row read). */
  getScenario(id: string, version?: number): Promise<ScenarioRecord | undefined>;
  /** The first version that stored this content. */
  getScenarioByHash(hash: string): Promise<ScenarioRecord | undefined>;
  /** Id, version, hash, title and time of a version (the latest when omitted), without the content. */
  getScenarioSummary(id: string, version?: number): Promise<Omit<ScenarioSummary, 'versions'> | undefined>;
  /** The latest version of every scenario id, by id. */
  listScenarios(): Promise<ScenarioSummary[]>;
  listScenarioVersions(id: string): Promise<Omit<ScenarioSummary, 'versions'>[]>;
  createRun(input: RunInput): Promise<RunRecord>;
  /** queued -> running. False when the run is not queued (e.g. cancelled meanwhile). */
  startRun(id: string): Promise<boolean>;
  /** Records progress (clamped to 0..1) of a queued or running run. False otherwise. */
  updateRunProgress(id: string, progress: number): Promise<boolean>;
  /** queued|running -> done with its result. False when the run had already ended (e.g. cancelled). */
  finishRun(id: string, result: unknown): Promise<boolean>;
  /** queued|running -> failed with a message. False when the run had already ended. */
  failRun(id: string, error: string): Promise<boolean>;
  /** queued|running -> cancelled. False when the run had already ended or does not exist. */
  cancelRun(id: string): Promise<boolean>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  /** Records that a run is split into `total` chunks (while it is queued or running). */
  setRunChunks(id: string, total: number): Promise<boolean>;
  /**
   * Stores one chunk's result, once: a second result for the same chunk (a retried chunk whose
   * first attempt did finish) is ignored, so nothing is counted twice. Updates the run's chunk
   * count and progress. `stored` is false when the chunk was already stored or the run has ended.
   */
  putChunkResult(id: string, index: number, result: unknown, worker?: string): Promise<{ stored: boolean; done: number; total: number | null }>;
  /** The stored chunk results of a run, by chunk index. */
  getChunkResults(id: string): Promise<{ index: number; result: unknown }[]>;
  /** Runs queued or running, with their owners. */
  listUnfinishedRuns(): Promise<UnfinishedRun[]>;
  /**
   * Marks this process as a live owner of runs for as long as the store is open (PostgreSQL: a
   * session-level advisory lock; SQLite: one server per file, nothing to do).
   */
  claimInstance(instanceId: string): Promise<void>;
  /** Whether the owner of a run is a live server (PostgreSQL: its advisory lock is held). */
  isInstanceAlive(instanceId: string): Promise<boolean>;
  /** Stores an article and its evidence (one transaction). The same text again: the stored record. */
  putArticle(input: ArticleInput): Promise<{ record: ArticleRecord; created: boolean }>;
  getArticle(id: string): Promise<ArticleRecord | undefined>;
  /** Newest article date first. */
  listArticles(): Promise<ArticleSummary[]>;
  /** All stored articles with their evidence, oldest first. */
  allArticles(): Promise<ArticleRecord[]>;
  deleteArticle(id: string): Promise<boolean>;
  close(): Promise<void>;
}

function evidenceCounts(evidence: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (evidence && typeof evidence === 'object') {
    for (const key of ['mentions', 'quantities', 'dates', 'events', 'claims']) {
      const v = (evidence as Record<string, unknown>)[key];
      out[key] = Array.isArray(v) ? v.length : 0;
    }
  }
  return out;
}

function toArticle(row: ArticlesTable): ArticleRecord {
  const evidence = JSON.parse(row.evidence) as unknown;
  return {
    id: row.id,
    textHash: row.text_hash,
    fileName: row.file_name,
    title: row.title,
    date: row.date,
    language: row.language,
    createdAt: row.created_at,
    counts: evidenceCounts(evidence),
    text: row.text,
    evidence,
    engineVersion: row.engine_version,
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens (creating and migrating if needed) the store the options or environment choose. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const databaseUrl = options.databaseUrl ?? (options.dataDir === undefined ? env.BRINK_DATABASE_URL : undefined);
  let db: Kysely<Database>;
  let dialect: StoreDialect;
  let location: string;
  let migrationSchema: string | undefined;
  let migrationLock: pg.Client | undefined;
  let pgSettings: { url: string; schema?: string } | undefined;
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new InputError(`must start with postgres:// (got "${redactUrl(databaseUrl)}")`, { place: 'BRINK_DATABASE_URL', expected: 'postgres://...' });
    }
    const schema = options.schema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
    // Two servers starting at once against one database: the schema's creation and its migrations
    // run under one session-level advisory lock, so the second waits and then finds nothing to do.
    migrationLock = new pg.Client({ connectionString: databaseUrl });
    await migrationLock.connect();
    try {
      await migrationLock.query('select pg_advisory_lock(hashtext($1))', [`brink-migrations:${schema ?? ''}`]);
      if (schema !== undefined) await migrationLock.query(`create schema if not exists "${schema}"`);
    } catch (error) {
      await migrationLock.end().catch(() => {});
      throw error;
    }
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 8,
      ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
    // The migrator looks for its tables in every schema unless told which one: name it, or a
    // store in one schema takes another schema's brink_migrations for its own and fails.
    try {
      migrationSchema = schema ?? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? undefined;
    } catch (error) {
      await db.destroy();
      await migrationLock.end().catch(() => {});
      throw error;
    }
    location = redactUrl(databaseUrl) + (schema ? ` (schema ${schema})` : '');
    pgSettings = { url: databaseUrl, schema };
  } else {
    const dataDir = path.resolve(options.dataDir ?? env.BRINK_DATA ?? 'data');
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      // A data directory that is a file, or cannot be made, is bad input (the CLI exits 2).
      throw new InputError(`cannot use as the data directory: ${fileErrorText(error)}`, { place: dataDir, expected: 'a directory that exists or can be made', cause: error });
    }
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    const database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    dialect = 'sqlite';
    location = file;
  }
  try {
    // SQLite: processes opening one new file at once (a server and its workers) race for the
    // first migration; the loser's transaction fails ("already exists") and finds it done on retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await migrate(db, migrationSchema);
        break;
      } catch (error) {
        if (dialect !== 'sqlite' || attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  } catch (error) {
    await db.destroy();
    throw error;
  } finally {
    // Ending the session releases the advisory lock.
    await migrationLock?.end().catch(() => {});
  }
  return new KyselyStore(db, dialect, location, pgSettings);
}

async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: 'brink_migrations',
    migrationLockTableName: 'brink_migrations_lock',
    // Migrations of several areas land in any order across branches: apply a missing one even when
    // a later-numbered one is already applied (each is independent of the others).
    allowUnorderedMigrations: true,
    ...(schema !== undefined ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** SHA-256 (hex) of a source text's UTF-8 bytes. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function now(): string {
  return new Date().toISOString();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function toSource(row: SourcesTable): SourceRecord {
  return {
    id: row.id,
    textHash: row.text_hash,
    title: row.title,
    publisher: row.publisher,
    date: row.date,
    language: row.language,
    url: row.url,
    text: row.text,
    createdAt: row.created_at,
  };
}

/** A scenario's title as given: a string or a multilingual object ({ en, zh-Hant, ... }). */
export type ScenarioTitle = string | Record<string, string> | null;

function parseTitle(text: string | null): ScenarioTitle {
  return text === null ? null : (JSON.parse(text) as ScenarioTitle);
}

function toScenario(row: ScenariosTable): ScenarioRecord {
  return {
    id: row.id,
    version: Number(row.version),
    hash: row.hash,
    title: parseTitle(row.title),
    scenario: JSON.parse(row.json) as StorableScenario,
    text: row.yaml,
    sourceHashes: JSON.parse(row.source_hashes) as Record<string, string>,
    createdAt: row.created_at,
    restoredFrom: row.restored_from === null || row.restored_from === undefined ? null : Number(row.restored_from),
  };
}

function summaryOf(r: Pick<ScenariosTable, 'id' | 'version' | 'hash' | 'title' | 'created_at' | 'restored_from'>): Omit<ScenarioSummary, 'versions'> {
  return {
    id: r.id,
    version: Number(r.version),
    hash: r.hash,
    title: parseTitle(r.title),
    createdAt: r.created_at,
    restoredFrom: r.restored_from === null || r.restored_from === undefined ? null : Number(r.restored_from),
  };
}

function toRun(row: RunsTable): RunRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as RunStatus,
    progress: Number(row.progress),
    provenance: {
      scenarioHash: row.scenario_hash,
      scenarioId: row.scenario_id,
      scenarioVersion: row.scenario_version === null ? null : Number(row.scenario_version),
      variant: row.variant,
      engineVersion: row.engine_version,
      seed: row.seed === null ? null : Number(row.seed),
      options: JSON.parse(row.options) as Record<string, unknown>,
    },
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    reproduces: row.reproduces,
    chunks: row.chunks_total === null || row.chunks_total === undefined ? null : { total: Number(row.chunks_total), done: Number(row.chunks_done ?? 0) },
  };
}

const ACTIVE: RunStatus[] = ['queued', 'running'];

class KyselyStore implements Store {
  private instanceLock: pg.Client | undefined;
  private ownInstance: string | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
    readonly location: string,
    private readonly pgSettings?: { url: string; schema?: string },
  ) {}

  async putSource(source: SourceInput): Promise<SourceRecord> {
    return this.retryOnConflict(() => this.db.transaction().execute((trx) => this.insertSource(trx, source)));
  }

  private async insertSource(trx: Transaction<Database>, source: SourceInput): Promise<SourceRecord> {
    if (typeof source.id !== 'string' || source.id === '') throw new Error('a source needs a non-empty id');
    if (typeof source.text !== 'string') throw new Error(`source "${source.id}" has no text`);
    const hash = textHash(source.text);
    const existing = await trx.selectFrom('sources').selectAll().where('id', '=', source.id).where('text_hash', '=', hash).executeTakeFirst();
    if (existing) return toSource(existing);
    const row: SourcesTable = {
      id: source.id,
      text_hash: hash,
      title: source.title ?? null,
      publisher: source.publisher ?? null,
      date: source.date ?? null,
      language: source.language ?? null,
      url: source.url ?? null,
      text: source.text,
      created_at: now(),
    };
    await trx.insertInto('sources').values(row).execute();
    return toSource(row);
  }

  async getSource(id: string, textHash?: string): Promise<SourceRecord | undefined> {
    let q = this.db.selectFrom('sources').selectAll().where('id', '=', id);
    if (textHash !== undefined) q = q.where('text_hash', '=', textHash);
    const row = await q.orderBy('created_at', 'desc').orderBy('text_hash').executeTakeFirst();
    return row ? toSource(row) : undefined;
  }

  async listSources(): Promise<Omit<SourceRecord, 'text'>[]> {
    const rows = await this.db
      .selectFrom('sources')
      .select(['id', 'text_hash', 'title', 'publisher', 'date', 'language', 'url', 'created_at'])
      .orderBy('id')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => {
      const { text: _text, ...rest } = toSource({ ...r, text: '' });
      return rest;
    });
  }

  async putScenario(input: ScenarioInput): Promise<{ record: ScenarioRecord; created: boolean }> {
    const scenario = input.scenario;
    if (!scenario || typeof scenario !== 'object' || typeof scenario.id !== 'string' || scenario.id === '') {
      throw new Error('a scenario needs a non-empty string id');
    }
    const json = canonicalJson(scenario);
    const hash = scenarioHash(scenario);
    return this.retryOnConflict(() =>
      this.db.transaction().execute(async (trx) => {
        const sourceHashes: Record<string, string> = {};
        for (const source of input.sources ?? []) {
          const stored = await this.insertSource(trx, source);
          sourceHashes[stored.id] = stored.textHash;
        }
        await this.takeTurn(trx, `scenario:${scenario.id}`);
        // Content addressing: the same content is the version that has it (the latest such, after restores).
        const existing = await trx.selectFrom('scenarios').selectAll().where('hash', '=', hash).orderBy('version', 'desc').limit(1).executeTakeFirst();
        if (existing) return { record: toScenario(existing), created: false };
        const latest = await trx.selectFrom('scenarios').select('version').where('id', '=', scenario.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
        const row: ScenariosTable = {
          id: scenario.id,
          version: latest ? Number(latest.version) + 1 : 1,
          hash,
          title: scenario.title === undefined ? null : JSON.stringify(scenario.title),
          json,
          yaml: input.text ?? null,
          source_hashes: JSON.stringify(sourceHashes),
          created_at: now(),
          restored_from: null,
        };
        await trx.insertInto('scenarios').values(row).execute();
        return { record: toScenario(row), created: true };
      }),
    );
  }

  async restoreScenario(id: string, version: number): Promise<{ record: ScenarioRecord; created: boolean } | undefined> {
    return this.retryOnConflict(() =>
      this.db.transaction().execute(async (trx) => {
        await this.takeTurn(trx, `scenario:${id}`);
        const old = await trx.selectFrom('scenarios').selectAll().where('id', '=', id).where('version', '=', version).limit(1).executeTakeFirst();
        if (!old) return undefined;
        const latest = await trx.selectFrom('scenarios').selectAll().where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
        if (latest && latest.hash === old.hash) return { record: toScenario(latest), created: false };
        const row: ScenariosTable = {
          ...old,
          version: Number(latest!.version) + 1,
          created_at: now(),
          restored_from: Number(old.version),
        };
        await trx.insertInto('scenarios').values(row).execute();
        return { record: toScenario(row), created: true };
      }),
    );
  }

  // Latest-version reads go through the (id, version) primary key, newest first, one row: without
  // the LIMIT the driver reads every version of the id (33 ms at 226 versions).
  async getScenario(id: string, version?: number): Promise<ScenarioRecord | undefined> {
    let q = this.db.selectFrom('scenarios').selectAll().where('id', '=', id);
    if (version !== undefined) q = q.where('version', '=', version);
    const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? toScenario(row) : undefined;
  }

  async getScenarioSummary(id: string, version?: number): Promise<Omit<ScenarioSummary, 'versions'> | undefined> {
    let q = this.db.selectFrom('scenarios').select(['id', 'version', 'hash', 'title', 'created_at', 'restored_from']).where('id', '=', id);
    if (version !== undefined) q = q.where('version', '=', version);
    const r = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
    return r ? summaryOf(r) : undefined;
  }

  async getScenarioByHash(hash: string): Promise<ScenarioRecord | undefined> {
    const row = await this.db.selectFrom('scenarios').selectAll().where('hash', '=', hash).orderBy('version', 'asc').limit(1).executeTakeFirst();
    return row ? toScenario(row) : undefined;
  }

  async listScenarios(): Promise<ScenarioSummary[]> {
    const rows = await this.db
      .selectFrom('scenarios')
      .select(['id', 'version', 'hash', 'title', 'created_at', 'restored_from'])
      .orderBy('id')
      .orderBy('version', 'desc')
      .execute();
    const out = new Map<string, ScenarioSummary>();
    for (const r of rows) {
      const seen = out.get(r.id);
      if (seen) seen.versions += 1;
      else out.set(r.id, { ...summaryOf(r), versions: 1 });
    }
    return [...out.values()];
  }

  async listScenarioVersions(id: string): Promise<Omit<ScenarioSummary, 'versions'>[]> {
    const rows = await this.db
      .selectFrom('scenarios')
      .select(['id', 'version', 'hash', 'title', 'created_at', 'restored_from'])
      .where('id', '=', id)
      .orderBy('version', 'asc')
      .execute();
    return rows.map(summaryOf);
  }

  async createRun(input: RunInput): Promise<RunRecord> {
    const p = input.provenance;
    const t = now();
    const seed = p.seed ?? null;
    if (seed !== null && !Number.isSafeInteger(seed)) throw new Error(`run seed must be a safe integer (got ${seed})`);
    const row: RunsTable = {
      id: input.id ?? randomUUID(),
      kind: input.kind,
      scenario_hash: p.scenarioHash ?? null,
      scenario_id: p.scenarioId ?? null,
      scenario_version: p.scenarioVersion ?? null,
      variant: p.variant ?? null,
      engine_version: p.engineVersion,
      seed: seed === null ? null : String(seed),
      options: canonicalJson(p.options ?? {}),
      status: 'queued',
      progress: 0,
      result: null,
      error: null,
      created_at: t,
      started_at: null,
      finished_at: null,
      updated_at: t,
      reproduces: input.reproduces ?? null,
      chunks_total: null,
      chunks_done: null,
      owner: input.owner ?? null,
    };
    await this.db.transaction().execute((trx) => trx.insertInto('runs').values(row).execute());
    return toRun(row);
  }

  async startRun(id: string): Promise<boolean> {
    const t = now();
    const r = await this.db
      .updateTable('runs')
      .set({ status: 'running', started_at: t, updated_at: t })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async updateRunProgress(id: string, progress: number): Promise<boolean> {
    const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
    const r = await this.db
      .updateTable('runs')
      .set({ progress: p, updated_at: now() })
      .where('id', '=', id)
      .where('status', 'in', ACTIVE)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Ends a run (one transaction: the status change and the removal of its chunk results). */
  private async endRun(id: string, set: Partial<RunsTable>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const t = now();
      const r = await trx
        .updateTable('runs')
        .set({ ...set, finished_at: t, updated_at: t })
        .where('id', '=', id)
        .where('status', 'in', ACTIVE)
        .executeTakeFirst();
      const changed = Number(r.numUpdatedRows) > 0;
      if (changed) await trx.deleteFrom('run_chunks').where('run_id', '=', id).execute();
      return changed;
    });
  }

  async finishRun(id: string, result: unknown): Promise<boolean> {
    return this.endRun(id, { status: 'done', progress: 1, result: JSON.stringify(result ?? null), error: null });
  }

  async failRun(id: string, error: string): Promise<boolean> {
    return this.endRun(id, { status: 'failed', error });
  }

  async cancelRun(id: string): Promise<boolean> {
    return this.endRun(id, { status: 'cancelled' });
  }

  async setRunChunks(id: string, total: number): Promise<boolean> {
    const r = await this.db
      .updateTable('runs')
      .set({ chunks_total: total, chunks_done: 0, updated_at: now() })
      .where('id', '=', id)
      .where('status', 'in', ACTIVE)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async putChunkResult(id: string, index: number, result: unknown, worker?: string): Promise<{ stored: boolean; done: number; total: number | null }> {
    const json = JSON.stringify(result ?? null);
    const attempt = () =>
      this.db.transaction().execute(async (trx) => {
        const run = await trx.selectFrom('runs').select(['status', 'chunks_total']).where('id', '=', id).executeTakeFirst();
        const total = run?.chunks_total === null || run?.chunks_total === undefined ? null : Number(run.chunks_total);
        const count = async () => Number((await trx.selectFrom('run_chunks').select((eb) => eb.fn.countAll().as('n')).where('run_id', '=', id).executeTakeFirst())?.n ?? 0);
        if (!run || !ACTIVE.includes(run.status as RunStatus)) return { stored: false, done: await count(), total };
        const existing = await trx.selectFrom('run_chunks').select('idx').where('run_id', '=', id).where('idx', '=', index).executeTakeFirst();
        if (existing) return { stored: false, done: await count(), total };
        await trx.insertInto('run_chunks').values({ run_id: id, idx: index, result: json, worker: worker ?? null, finished_at: now() }).execute();
        const done = await count();
        await trx
          .updateTable('runs')
          .set({ chunks_done: done, updated_at: now(), ...(total ? { progress: Math.min(1, done / total) } : {}) })
          .where('id', '=', id)
          .execute();
        return { stored: true, done, total };
      });
    try {
      return await attempt();
    } catch (error) {
      // Two workers finishing the same chunk at once: the second insert loses; it was not counted.
      if (!isUniqueViolation(error)) throw error;
      const run = await this.getRun(id);
      return { stored: false, done: run?.chunks?.done ?? 0, total: run?.chunks?.total ?? null };
    }
  }

  async getChunkResults(id: string): Promise<{ index: number; result: unknown }[]> {
    const rows = await this.db.selectFrom('run_chunks').select(['idx', 'result']).where('run_id', '=', id).orderBy('idx').execute();
    return rows.map((r) => ({ index: Number(r.idx), result: JSON.parse(r.result) as unknown }));
  }

  async listUnfinishedRuns(): Promise<UnfinishedRun[]> {
    const rows = await this.db.selectFrom('runs').select(['id', 'status', 'owner', 'chunks_total']).where('status', 'in', ACTIVE).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, status: r.status as RunStatus, owner: r.owner, chunksTotal: r.chunks_total === null ? null : Number(r.chunks_total) }));
  }

  private instanceKey(instanceId: string): string {
    return `brink-instance:${this.pgSettings?.schema ?? ''}:${instanceId}`;
  }

  async claimInstance(instanceId: string): Promise<void> {
    this.ownInstance = instanceId;
    if (this.dialect !== 'postgres' || this.instanceLock) return;
    const client = new pg.Client({ connectionString: this.pgSettings!.url });
    await client.connect();
    client.on('error', () => {}); // a lost connection only means the lock is gone
    await client.query('select pg_advisory_lock(hashtext($1))', [this.instanceKey(instanceId)]);
    this.instanceLock = client;
  }

  async isInstanceAlive(instanceId: string): Promise<boolean> {
    if (instanceId === this.ownInstance) return true;
    if (this.dialect !== 'postgres') return false; // SQLite: one server per file
    const client = new pg.Client({ connectionString: this.pgSettings!.url });
    await client.connect();
    try {
      const got = (await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [this.instanceKey(instanceId)])).rows[0]?.ok === true;
      if (got) await client.query('select pg_advisory_unlock(hashtext($1))', [this.instanceKey(instanceId)]);
      return !got;
    } finally {
      await client.end();
    }
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  async listRuns(query: RunQuery = {}): Promise<RunRecord[]> {
    const columns = ['id', 'kind', 'scenario_hash', 'scenario_id', 'scenario_version', 'variant', 'engine_version', 'seed', 'options', 'status', 'progress', 'error', 'created_at', 'started_at', 'finished_at', 'updated_at', 'reproduces', 'chunks_total', 'chunks_done', 'owner'] as const;
    let q = query.withResults === false ? this.db.selectFrom('runs').select(columns).select(sql<string | null>`null`.as('result')) : this.db.selectFrom('runs').selectAll();
    if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (query.scenarioId !== undefined) q = q.where('scenario_id', '=', query.scenarioId);
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
    const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map(toRun);
  }

  async putArticle(input: ArticleInput): Promise<{ record: ArticleRecord; created: boolean }> {
    if (typeof input.text !== 'string' || input.text === '') throw new Error('an article needs its text');
    const hash = textHash(input.text);
    return this.retryOnConflict(() =>
      this.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('articles').selectAll().where('text_hash', '=', hash).executeTakeFirst();
        if (existing) return { record: toArticle(existing), created: false };
        await this.takeTurn(trx, `article:${input.id}`);
        let id = input.id;
        for (let k = 2; await trx.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst(); k++) id = `${input.id}-${k}`;
        const row: ArticlesTable = {
          id,
          text_hash: hash,
          file_name: input.fileName ?? null,
          title: input.title ?? null,
          date: input.date,
          language: input.language,
          text: input.text,
          evidence: JSON.stringify(input.evidence),
          engine_version: input.engineVersion,
          created_at: now(),
        };
        await trx.insertInto('articles').values(row).execute();
        return { record: toArticle(row), created: true };
      }),
    );
  }

  async getArticle(id: string): Promise<ArticleRecord | undefined> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toArticle(row) : undefined;
  }

  async listArticles(): Promise<ArticleSummary[]> {
    const rows = await this.db.selectFrom('articles').selectAll().orderBy('date', 'desc').orderBy('id').execute();
    return rows.map((r) => {
      const { text: _t, evidence: _e, engineVersion: _v, ...summary } = toArticle(r);
      return summary;
    });
  }

  async allArticles(): Promise<ArticleRecord[]> {
    const rows = await this.db.selectFrom('articles').selectAll().orderBy('date').orderBy('id').execute();
    return rows.map(toArticle);
  }

  async deleteArticle(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async close(): Promise<void> {
    await this.instanceLock?.end().catch(() => {});
    this.instanceLock = undefined;
    await this.db.destroy();
  }

  /**
   * PostgreSQL: writers of one key (a scenario id, an article's id) take turns (a transaction-scoped
   * advisory lock), so each reads the latest version or the taken ids after the previous writer
   * committed. SQLite runs one write transaction at a time already.
   */
  private async takeTurn(trx: Transaction<Database>, key: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtext(${`brink-${key}`}))`.execute(trx);
  }

  /** Concurrent writers (PostgreSQL) may still race for a row another key guards: retry a few times. */
  private async retryOnConflict<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= 4 || !isUniqueViolation(error)) throw error;
      }
    }
  }
}

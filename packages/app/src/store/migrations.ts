/**
 * The store's migrations, in code (no files are read at run time), applied by kysely's Migrator
 * on both dialects. Add a new entry for every change; never edit one that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('text_hash', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('publisher', 'text')
        .addColumn('date', 'text')
        .addColumn('language', 'text')
        .addColumn('url', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sources_pk', ['id', 'text_hash'])
        .execute();

      await db.schema
        .createTable('scenarios')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('yaml', 'text')
        .addColumn('source_hashes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scenarios_pk', ['id', 'version'])
        .execute();

      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('scenario_hash', 'text')
        .addColumn('scenario_id', 'text')
        .addColumn('scenario_version', 'integer')
        .addColumn('variant', 'text')
        .addColumn('engine_version', 'text', (c) => c.notNull())
        .addColumn('seed', 'text')
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('reproduces', 'text')
        .execute();
      await db.schema.createIndex('runs_created_idx').on('runs').columns(['created_at', 'id']).execute();
      await db.schema.createIndex('runs_scenario_idx').on('runs').columns(['scenario_id', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('runs').execute();
      await db.schema.dropTable('scenarios').execute();
      await db.schema.dropTable('sources').execute();
    },
  },
  '0002_evidence': {
    async up(db: Kysely<unknown>) {
      // Articles read by the evidence pipeline, with the evidence found in them (JSON).
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('text_hash', 'text', (c) => c.notNull().unique())
        .addColumn('file_name', 'text')
        .addColumn('title', 'text')
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('engine_version', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_date_idx').on('articles').columns(['date', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('articles').execute();
    },
  },
  // Restoring an earlier version stores its content again as the newest version, so a content hash
  // may now belong to several versions of an id: the unique constraint on `hash` becomes an index,
  // and `restored_from` records which version a restore copied.
  // SQLite cannot drop a constraint, so the table is rebuilt (the same way on both dialects).
  '0003_scenario_restores': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scenarios_v2')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('yaml', 'text')
        .addColumn('source_hashes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('restored_from', 'integer')
        .addPrimaryKeyConstraint('scenarios_id_version_pk', ['id', 'version'])
        .execute();
      await sql`insert into scenarios_v2 (id, version, hash, title, json, yaml, source_hashes, created_at)
        select id, version, hash, title, json, yaml, source_hashes, created_at from scenarios`.execute(db);
      await db.schema.dropTable('scenarios').execute();
      await db.schema.alterTable('scenarios_v2').renameTo('scenarios').execute();
      await db.schema.createIndex('scenarios_hash_idx').on('scenarios').column('hash').execute();
    },
    async down(db: Kysely<unknown>) {
      // Versions that repeat an earlier content cannot keep a unique hash: keep the first of each.
      await db.schema
        .createTable('scenarios_v1')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('yaml', 'text')
        .addColumn('source_hashes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scenarios_v1_pk', ['id', 'version'])
        .execute();
      await sql`insert into scenarios_v1 (id, version, hash, title, json, yaml, source_hashes, created_at)
        select id, version, hash, title, json, yaml, source_hashes, created_at from scenarios where restored_from is null`.execute(db);
      await db.schema.dropTable('scenarios').execute();
      await db.schema.alterTable('scenarios_v1').renameTo('scenarios').execute();
    },
  },
  // (0003 is the scenario store's.) Runs split into chunks (the Redis queue, docs/deploy.md): each
  // chunk's result is stored as it finishes, so a crash loses no finished chunk and a retried chunk is never counted twice; and
  // the owner of a run (the server that executes it, or "queue"), to tell interrupted runs apart
  // from runs another live server is executing (PostgreSQL shared by several servers).
  '0004_run_chunks_and_owners': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runs').addColumn('chunks_total', 'integer').execute();
      await db.schema.alterTable('runs').addColumn('chunks_done', 'integer').execute();
      await db.schema.alterTable('runs').addColumn('owner', 'text').execute();
      await db.schema
        .createTable('run_chunks')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('worker', 'text')
        .addColumn('finished_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_chunks_pk', ['run_id', 'idx'])
        .execute();
      await db.schema.createIndex('runs_status_idx').on('runs').columns(['status', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('runs_status_idx').execute();
      await db.schema.dropTable('run_chunks').execute();
      await db.schema.alterTable('runs').dropColumn('owner').execute();
      await db.schema.alterTable('runs').dropColumn('chunks_done').execute();
      await db.schema.alterTable('runs').dropColumn('chunks_total').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const MIGRATION_NAMES = Object.keys(migrations);

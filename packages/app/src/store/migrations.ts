/**
 * The store's migrations, in code (no files are read at run time), applied by kysely's Migrator
 * on both dialects. Add a new entry for every change; never edit one that has shipped.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';

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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const MIGRATION_NAMES = Object.keys(migrations);

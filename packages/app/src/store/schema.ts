/**
 * Row types of Brink's store, shared by both dialects (SQLite via better-sqlite3, PostgreSQL via pg).
 *
 * Portable column choices: timestamps are ISO-8601 UTC strings (sortable as text), JSON is text,
 * integers are 32-bit `integer`, fractions `double precision`. Nothing dialect-specific is stored.
 */
export interface SourcesTable {
  /** The source's id as the scenario cites it (e.g. "seed"). */
  id: string;
  /** SHA-256 (hex) of the text: a source id may be stored with several texts, never overwritten. */
  text_hash: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  language: string | null;
  url: string | null;
  text: string;
  created_at: string;
}

export interface ScenariosTable {
  id: string;
  version: number;
  /** `sha256:<hex>` of the canonical JSON of the scenario (@brink/engine `scenarioHash`): the content address (indexed; a restored version repeats an earlier version's hash). */
  hash: string;
  /** JSON of the scenario's title (a string or a multilingual object). */
  title: string | null;
  /** The scenario as validated, canonical JSON. */
  json: string;
  /** The text it came from (YAML or JSON), kept as written. */
  yaml: string | null;
  /** JSON object: source id -> text hash of the source texts stored with this scenario. */
  source_hashes: string;
  created_at: string;
  /** The earlier version whose content this version stores again (a restore), else null. */
  restored_from: number | null;
}

export interface RunsTable {
  id: string;
  kind: string;
  scenario_hash: string | null;
  scenario_id: string | null;
  scenario_version: number | null;
  variant: string | null;
  engine_version: string;
  /** Kept as text so that any integer seed round-trips on both dialects. */
  seed: string | null;
  options: string;
  status: string;
  progress: number;
  result: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** The run this one re-ran from its provenance (POST /api/runs/:id/reproduce), if any. */
  reproduces: string | null;
  /** Chunks of a run split across workers (null: executed whole). */
  chunks_total: number | null;
  chunks_done: number | null;
  /** Who executes it: a server's instance id, or "queue" (any `brink worker`). */
  owner: string | null;
}

/** One finished chunk of a split run (deleted when the run's merged result is stored). */
export interface RunChunksTable {
  run_id: string;
  idx: number;
  /** The chunk's result, JSON. */
  result: string;
  /** The worker that computed it (host:pid). */
  worker: string | null;
  finished_at: string;
}

/** An article the evidence pipeline read, with its evidence (docs/evidence.md). */
export interface ArticlesTable {
  /** Source-like id ("article-2025-10-24-..."), unique. */
  id: string;
  /** SHA-256 (hex) of the text: the same text is stored once. */
  text_hash: string;
  file_name: string | null;
  title: string | null;
  /** The article's date, YYYY-MM-DD. */
  date: string;
  language: string;
  text: string;
  /** JSON of the evidence (the `brink ingest --json` object without `file`). */
  evidence: string;
  engine_version: string;
  created_at: string;
}

export interface Database {
  sources: SourcesTable;
  scenarios: ScenariosTable;
  runs: RunsTable;
  run_chunks: RunChunksTable;
  articles: ArticlesTable;
}

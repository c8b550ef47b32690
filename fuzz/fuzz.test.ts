/**
 * The fuzz job's short seeded slice for `npm test` (the full job is `npm run fuzz`): every file of
 * fuzz/corpus (seeds and the findings kept from earlier runs, each a regression input) through
 * its parser or endpoint, then a few hundred fresh mutated inputs per parser and a hundred
 * requests per API entry point. The bar: a parser accepts or throws an InputError with a place;
 * the API answers below 500 with a JSON body.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../packages/app/src/store';
import { buildServer } from '../packages/app/src/server';
import { createWorkerPool, type TaskRunner } from '../packages/app/src/jobs';
import { CORPUS_DIR, PARSER_TARGETS, corpus, judge } from './targets';
import { makeInputSource, mutatedInputs } from './mutate';
import { endpointTargets, type FuzzRequest } from './endpoints';

const SEED = 424242;
const PARSER_SLICE = 250;
const REQUEST_SLICE = 100;

describe('fuzz corpus and slice: parsers', () => {
  for (const target of PARSER_TARGETS) {
    it(`${target.name}: every corpus file, then ${PARSER_SLICE} mutated inputs`, () => {
      const files = corpus(target.name);
      expect(files.length).toBeGreaterThan(0);
      for (const { file, text } of files) {
        const verdict = judge(target, text);
        expect(verdict, `${path.relative(CORPUS_DIR, file)}`).not.toMatchObject({ kind: 'finding' });
        if (path.basename(file).startsWith('seed-')) expect(verdict.kind, `seed ${file} must be accepted`).toBe('ok');
      }
      const input = makeInputSource(mutatedInputs(files.map((f) => f.text), target.dictionary), SEED);
      for (let i = 0; i < PARSER_SLICE; i++) {
        const text = input(i);
        const t0 = performance.now();
        const verdict = judge(target, text);
        expect(verdict, `input ${i}: ${JSON.stringify(text.slice(0, 300))}`).not.toMatchObject({ kind: 'finding' });
        expect(performance.now() - t0, `input ${i} took too long`).toBeLessThan(2000);
      }
    });
  }
});

describe('fuzz corpus and slice: the HTTP API', () => {
  let dir: string;
  let store: Store;
  let runner: TaskRunner;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'brink-fuzz-slice-'));
    store = await openStore({ dataDir: dir, env: {} });
    runner = createWorkerPool({ threads: 1, env: {} });
    app = await buildServer({ store, runner, webDist: null, solveTimeoutMs: 2000, env: {} });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function send(req: FuzzRequest): Promise<number> {
    const res = await app.inject({
      method: req.method,
      url: req.path,
      headers: req.contentType ? { 'content-type': req.contentType } : {},
      ...(req.method === 'POST' ? { payload: req.body ?? '' } : {}),
    });
    if (res.statusCode >= 400) expect(() => JSON.parse(res.body) as unknown, `${req.method} ${req.path}: a JSON error body`).not.toThrow();
    if (req.cancelCreated && res.statusCode === 202) await app.inject({ method: 'DELETE', url: `/api/runs/${(JSON.parse(res.body) as { id: string }).id}` });
    return res.statusCode;
  }

  it('every kept API finding answers below 500', async () => {
    for (const folder of readdirSync(CORPUS_DIR).filter((f) => f.startsWith('api-post') || f.startsWith('api-other'))) {
      for (const { file, text } of corpus(folder)) {
        const status = await send(JSON.parse(text) as FuzzRequest);
        expect(status, path.relative(CORPUS_DIR, file)).toBeLessThan(500);
      }
    }
  });

  for (const target of endpointTargets(SEED)) {
    it(`${target.name}: ${REQUEST_SLICE} mutated requests answer below 500`, async () => {
      const counts: Record<number, number> = {};
      for (let i = 0; i < REQUEST_SLICE; i++) {
        const req = target.request(i);
        const status = await send(req);
        counts[status] = (counts[status] ?? 0) + 1;
        expect(status, `request ${i}: ${JSON.stringify(req).slice(0, 400)}`).toBeLessThan(500);
      }
      // The slice reaches past the first check: some requests succeed, some are refused.
      expect(Object.keys(counts).length).toBeGreaterThan(1);
    });
  }
});

/**
 * The scenario routes of the HTTP API on what reviews of them found: a scenario whose AEG type
 * probabilities sum to 1.25 (valid as a scenario, impossible for the model) is refused with the JSON
 * path and nothing is stored; non-finite numbers and over-long ids are 422s, not 500s or unreadable
 * rows; versions can be listed, compared and restored (the restore becomes the newest version,
 * nothing is deleted), and the OpenAPI document has the restore route.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createInlineRunner } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { DEFAULT_SCENARIO_PATH } from '../src/scenario-files';

const TEXT = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');
const ID = 'korean-peninsula-2025-09';
const P_HH = 'p_HH: { value: 0.25, range: [0.05, 0.6]';

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brink-scenario-api-'));
  store = await openStore({ dataDir: dir, env: {} });
  app = await buildServer({ store, runner: createInlineRunner(), webDist: null, env: {} });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;
const post = (payload: string, type = 'application/yaml') => app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': type }, payload });
const stored = async () => ({ scenarios: await store.listScenarios(), versions: await store.listScenarioVersions(ID) });

describe('POST /api/scenarios checks what the models need', () => {
  it('refuses AEG type probabilities that sum to 1.25 with the JSON path, and stores nothing', async () => {
    const before = await stored();
    expect(before.versions.map((v) => v.version)).toEqual([1]);
    expect(TEXT).toContain(P_HH);
    const res = await post(TEXT.replace(P_HH, 'p_HH: { value: 0.5, range: [0.05, 0.6]'));
    expect(res.statusCode).toBe(422);
    const body = JSON.parse(res.body) as Json;
    expect(body.error).toBe('invalid');
    expect(body.place).toBe('$.models.deterrence.aeg.parameters (p_HH+p_HS+p_SH+p_SS)');
    expect(body.message).toMatch(/p_HH \+ p_HS \+ p_SH \+ p_SS sum to 1.25, not 1/);
    expect(await stored()).toEqual(before);
    // The AEG view of the stored scenario still works.
    expect((await app.inject({ url: `/api/scenarios/${ID}` })).statusCode).toBe(200);
  });

  it('refuses a variant that breaks a model, naming the variant, and stores nothing', async () => {
    const before = await stored();
    const text = TEXT.replace(
      '  - id: us-freeze-offer\n',
      '  - id: broken-types\n    title: { en: Broken }\n    changes:\n      - { path: "$.models.deterrence.aeg.parameters.p_SS.value", value: 0.45 }\n  - id: us-freeze-offer\n',
    );
    const body = JSON.parse((await post(text)).body) as Json;
    expect(body.message).toMatch(/with variant "broken-types" applied: .*sum to 1.15/);
    expect(await stored()).toEqual(before);
  });

  it('refuses non-finite numbers (a variant change value included) and over-long ids with 422, not 500', async () => {
    const before = await stored();
    for (const bad of ['.nan', '.inf', '1e309']) {
      const res = await post(TEXT.replace('      - path: $.actors[id=rok].leader\n        value: yoon-suk-yeol', `      - path: $.actors[id=rok].leader\n        value: ${bad}`));
      expect(res.statusCode, bad).toBe(422);
      const body = JSON.parse(res.body) as Json;
      expect(body.message).toMatch(/\$\.variants\[id=yoon-hardline\]\.changes\[0\]\.value: expected a finite number/);
      expect(body.place).toMatch(/^scenario:\d+:\d+$/);
    }
    // JSON numbers beyond double range are Infinity once parsed.
    const json = JSON.stringify({ id: 'x', title: { en: 'x' } }).replace('}}', '}, "asOf": 1e309}');
    expect((await post(json, 'application/json')).statusCode).toBe(422);
    const long = await post(TEXT.replace(`id: ${ID}`, `id: ${'k'.repeat(101)}`));
    expect(long.statusCode).toBe(422);
    expect((JSON.parse(long.body) as Json).message).toMatch(/\$\.id: an id of at most 100 characters/);
    expect(await stored()).toEqual(before);
  });

  it('accepts an id of exactly 100 characters, and it can be read back', async () => {
    const id = 'k'.repeat(100);
    const res = await post(TEXT.replace(`id: ${ID}`, `id: ${id}`));
    expect(res.statusCode).toBe(201);
    expect((await app.inject({ url: `/api/scenarios/${id}` })).statusCode).toBe(200);
  });

  it('reports deep nesting as nesting, with its line (400)', async () => {
    const res = await post(`id: x\ndeep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body) as Json;
    expect(body.message).toMatch(/nesting deeper than 64 levels/);
    expect(body.message).not.toMatch(/YAML syntax error|call stack/);
    expect(body.place).toBe('scenario:2:70');
  });
});

describe('versions: list, diff, restore', () => {
  it('compares two versions (values with their citations) and restores the first as the newest, deleting nothing', async () => {
    // Version 2: the escalation game's p_HH and p_SS moved together (the types still sum to 1).
    const changed = TEXT.replace(P_HH, 'p_HH: { value: 0.3, range: [0.05, 0.6]').replace('          value: 0.3\n          range: [0.05, 0.5]', '          value: 0.25\n          range: [0.05, 0.5]');
    const v2 = await post(changed);
    expect(v2.statusCode).toBe(201);
    expect((JSON.parse(v2.body) as Json).version).toBe(2);

    const diff = JSON.parse((await app.inject({ url: `/api/scenarios/${ID}/diff` })).body) as { from: number; to: number; values: { where: string; change: string; fields: string[]; before: Json; after: Json }[] };
    expect([diff.from, diff.to]).toEqual([1, 2]);
    const pHH = diff.values.find((v) => v.where === '$.models.deterrence.aeg.parameters.p_HH')!;
    expect(pHH).toMatchObject({ change: 'changed', fields: ['value'], before: { value: 0.25, grade: 'implied' }, after: { value: 0.3, grade: 'implied' } });
    expect((pHH.after.cite as Json).quote).toBe('明顯增加美韓聯盟執行懲罰性嚇阻的風險');
    // Values derived from p_HH changed with it.
    expect(diff.values.map((v) => v.where)).toEqual(expect.arrayContaining(['$.models.deterrence.radg.parameters.p_B', '$.models.deterrence.gmdg.parameters.p_B']));
    expect(JSON.parse((await app.inject({ url: `/api/scenarios/${ID}/diff?from=2&to=1` })).body).values.length).toBe(diff.values.length);
    expect((await app.inject({ url: `/api/scenarios/${ID}/diff?to=1` })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/scenarios/${ID}/diff?from=9` })).statusCode).toBe(404);

    const restored = await app.inject({ method: 'POST', url: `/api/scenarios/${ID}/versions/1/restore` });
    expect(restored.statusCode).toBe(201);
    expect(JSON.parse(restored.body)).toMatchObject({ id: ID, version: 3, created: true, restoredFrom: 1 });
    const versions = JSON.parse((await app.inject({ url: `/api/scenarios/${ID}/versions` })).body) as { versions: Json[] };
    expect(versions.versions.map((v) => [v.version, v.restoredFrom])).toEqual([
      [1, null],
      [2, null],
      [3, 1],
    ]);
    const latest = JSON.parse((await app.inject({ url: `/api/scenarios/${ID}` })).body) as { version: number; text: string };
    expect(latest.version).toBe(3);
    expect(latest.text).toBe(TEXT);
    expect((JSON.parse((await app.inject({ url: `/api/scenarios/${ID}/diff?from=1&to=3` })).body) as { values: unknown[] }).values).toEqual([]);
    // Again: already the newest content.
    expect((await app.inject({ method: 'POST', url: `/api/scenarios/${ID}/versions/1/restore` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/scenarios/${ID}/versions/7/restore` })).statusCode).toBe(404);
  });

  it('documents the routes in the OpenAPI document, the restore route included', async () => {
    const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as { paths: Record<string, Record<string, unknown>> };
    const restore = Object.keys(doc.paths).filter((p) => p.endsWith('/restore'));
    expect(restore).toEqual(['/api/scenarios/{id}/versions/{version}/restore']);
    expect(doc.paths[restore[0]!]!.post).toBeDefined();
    expect(doc.paths['/api/scenarios/{id}/diff']!.get).toBeDefined();
  });
});

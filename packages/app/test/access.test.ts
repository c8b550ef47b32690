/**
 * Access for deployments off loopback: tokens with roles (read, write, admin), writes
 * and run submissions need a token, rate limits per token, all in the OpenAPI document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createInlineRunner } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';

const READ = 'read-token-0123456789';
const WRITE = 'write-token-0123456789';
const ADMIN = 'admin-token-0123456789';
const TOKENS = `read:${READ},write:${WRITE},admin:${ADMIN}`;

let dir: string;
let store: Store;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brink-access-'));
  store = await openStore({ dataDir: dir, env: {} });
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function server(env: Record<string, string>, host = '0.0.0.0'): Promise<FastifyInstance> {
  const runner = createInlineRunner();
  const app = await buildServer({ store, runner, requestRunner: runner, host, webDist: null, loadDefaultScenario: false, env });
  apps.push(app);
  return app;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const solve = { kind: 'solve', options: { format: 'nfg', text: 'NFG 1 R "x" { "A" "B" } { 2 2 }\n1 1 0 0 0 0 1 1\n' } };

describe('tokens with roles', () => {
  it('off loopback, a server refuses to start without a token that can write; bad token settings are named', async () => {
    await expect(server({})).rejects.toThrow(/BRINK_TOKEN/);
    await expect(server({ BRINK_TOKENS: `read:${READ}` })).rejects.toThrow(/write or admin token/);
    await expect(server({ BRINK_TOKENS: `root:${WRITE}` })).rejects.toThrow(/unknown role "root"/);
    await expect(server({ BRINK_TOKENS: 'write:short' })).rejects.toThrow(/shorter than 16/);
  });

  it('reads are open, writes need a write token; a read token is forbidden to write; admin routes need admin', async () => {
    const app = await server({ BRINK_TOKENS: TOKENS });
    expect((await app.inject({ url: '/api/runs' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/runs', payload: solve })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/runs', payload: solve, headers: bearer('not-a-token-at-all') })).statusCode).toBe(401);
    const forbidden = await app.inject({ method: 'POST', url: '/api/runs', payload: solve, headers: bearer(READ) });
    expect(forbidden.statusCode).toBe(403);
    expect(JSON.parse(forbidden.body)).toMatchObject({ error: 'forbidden' });
    expect((await app.inject({ method: 'POST', url: '/api/runs', payload: solve, headers: bearer(WRITE) })).statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: '/api/games/solve', payload: solve.options, headers: bearer(ADMIN) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/runs/x', headers: bearer(READ) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/admin/status', headers: bearer(WRITE) })).statusCode).toBe(403);
    const status = await app.inject({ url: '/api/admin/status', headers: bearer(ADMIN) });
    expect(status.statusCode).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({ runBackend: 'local', store: 'sqlite' });
  });

  it('BRINK_OPEN_READS=0 closes reads to requests without a read token', async () => {
    const app = await server({ BRINK_TOKENS: TOKENS, BRINK_OPEN_READS: '0' });
    expect((await app.inject({ url: '/api/runs' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/runs', headers: bearer(READ) })).statusCode).toBe(200);
  });

  it('on loopback with no tokens everything is open; once tokens are configured they are enforced there too', async () => {
    const open = await server({}, '127.0.0.1');
    expect((await open.inject({ method: 'POST', url: '/api/runs', payload: solve })).statusCode).toBe(202);
    const guarded = await server({ BRINK_TOKENS: TOKENS }, '127.0.0.1');
    expect((await guarded.inject({ method: 'POST', url: '/api/runs', payload: solve })).statusCode).toBe(401);
  });

  it('rate limits per token: 429 with Retry-After past the limit, other tokens unaffected, admin unlimited', async () => {
    const app = await server({ BRINK_TOKENS: TOKENS, BRINK_RATE_LIMIT: '5' });
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/api/health', headers: bearer(WRITE) })).statusCode).toBe(200);
    const limited = await app.inject({ url: '/api/health', headers: bearer(WRITE) });
    expect(limited.statusCode).toBe(429);
    expect(JSON.parse(limited.body)).toMatchObject({ error: 'too_many_requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject({ url: '/api/health', headers: bearer(READ) })).statusCode).toBe(200);
    for (let i = 0; i < 8; i++) expect((await app.inject({ url: '/api/health', headers: bearer(ADMIN) })).statusCode).toBe(200);
  });

  it('the OpenAPI document gives each operation its role and its 401/403/429 answers', async () => {
    const app = await server({ BRINK_TOKENS: TOKENS });
    const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as { paths: Record<string, Record<string, Record<string, unknown>>>; components: { securitySchemes: Record<string, unknown> } };
    expect(doc.paths['/api/runs']!.post!['x-brink-role']).toBe('write');
    expect(doc.paths['/api/runs']!.get!['x-brink-role']).toBe('read');
    expect(doc.paths['/api/admin/status']!.get!['x-brink-role']).toBe('admin');
    expect(Object.keys(doc.paths['/api/runs']!.post!.responses as object)).toEqual(expect.arrayContaining(['401', '403', '429']));
    expect(JSON.stringify(doc.components.securitySchemes)).toMatch(/BRINK_TOKENS/);
  });
});

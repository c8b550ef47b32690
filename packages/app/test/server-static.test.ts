/**
 * The web app's static files: a rebuild while the server runs (new hashed asset names, a new
 * index.html) is served without a restart, files removed by the rebuild answer 404, and request
 * paths still never reach the file system outside the build's own file list.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TaskRunner } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { StaticFiles } from '../src/server/static-files';

let dir: string;
let store: Store;
/** No run is started here; a runner that refuses keeps the test free of worker threads. */
const runner: TaskRunner = {
  mode: 'inline' as const,
  threads: 1,
  run: () => Promise.reject(new Error('no runs in this test')),
  check: () => Promise.reject(new Error('no runs in this test')),
  runChunk: () => Promise.reject(new Error('no runs in this test')),
  mergeChunks: () => Promise.reject(new Error('no runs in this test')),
  close: () => Promise.resolve(),
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brink-static-'));
  store = await openStore({ dataDir: path.join(dir, 'data'), env: {} });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a build like Vite's: index.html naming one hashed script. */
function writeBuild(web: string, hash: string, mtime: Date): void {
  rmSync(web, { recursive: true, force: true });
  mkdirSync(path.join(web, 'assets'), { recursive: true });
  writeFileSync(path.join(web, 'assets', `index-${hash}.js`), `console.log(${JSON.stringify(hash)})`);
  writeFileSync(path.join(web, 'index.html'), `<!doctype html><title>Brink ${hash}</title><script src="/assets/index-${hash}.js"></script>`);
  utimesSync(path.join(web, 'index.html'), mtime, mtime);
}

function notFoundJson(res: { statusCode: number; body: string; headers: Record<string, unknown> }): void {
  expect(res.statusCode).toBe(404);
  expect(String(res.headers['content-type'])).toMatch(/application\/json/);
  expect((JSON.parse(res.body) as { error: string }).error).toBe('not_found');
}

describe('static files of the web app', () => {
  let site: FastifyInstance;
  const web = () => path.join(dir, 'web');

  beforeAll(async () => {
    writeBuild(web(), 'aaaa1111', new Date('2026-01-01T00:00:00Z'));
    writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    site = await buildServer({ store, runner, webDist: web(), loadDefaultScenario: false, env: {} });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('serves a rebuild made while the server runs, without a restart', async () => {
    const first = await site.inject({ url: '/assets/index-aaaa1111.js' });
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe('console.log("aaaa1111")');
    expect((await site.inject({ url: '/' })).body).toContain('index-aaaa1111.js');

    writeBuild(web(), 'bbbb2222', new Date('2026-01-02T00:00:00Z'));
    const page = await site.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('index-bbbb2222.js');
    const asset = await site.inject({ url: '/assets/index-bbbb2222.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("bbbb2222")');
    expect(String(asset.headers['content-type'])).toMatch(/javascript/);
    // The old build's asset is gone: a JSON 404, not a crash.
    notFoundJson(await site.inject({ url: '/assets/index-aaaa1111.js' }));
    // Pages still fall back to the new index.html; HEAD works too.
    const deep = await site.inject({ url: '/deterrence' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('index-bbbb2222.js');
    expect((await site.inject({ method: 'HEAD', url: '/assets/index-bbbb2222.js' })).statusCode).toBe(200);
  });

  it('still keeps request paths off the file system', async () => {
    // A file appearing without a rebuild of index.html is not served: the list only changes on a rebuild.
    writeFileSync(path.join(web(), 'assets', 'late.js'), 'late');
    notFoundJson(await site.inject({ url: '/assets/late.js' }));
    // A symlink out of the build is never listed, even after a rebuild.
    symlinkSync(path.join(dir, 'secret.txt'), path.join(web(), 'assets', 'link.txt'));
    utimesSync(path.join(web(), 'index.html'), new Date('2026-01-03T00:00:00Z'), new Date('2026-01-03T00:00:00Z'));
    expect((await site.inject({ url: '/assets/late.js' })).body).toBe('late');
    for (const evil of ['/assets/link.txt', '/../secret.txt', '/..%2Fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/%E0%A4%A']) {
      const res = await site.inject({ url: evil });
      expect(res.body).not.toContain('TOP-SECRET-CONTENT');
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    notFoundJson(await site.inject({ url: '/api/nothing-here' }));
    notFoundJson(await site.inject({ method: 'POST', url: '/assets/late.js', payload: {} }));
  });
});

describe('StaticFiles', () => {
  it('lists a build made after it was created, and only regular files', () => {
    const root = path.join(dir, 'later');
    const files = new StaticFiles(root);
    expect(files.size).toBe(0);
    expect(files.hasIndex()).toBe(false);
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, '.hidden'), 'x');
    writeFileSync(path.join(root, 'assets', 'a.css'), 'a{}');
    expect(files.hasIndex()).toBe(true);
    expect(files.lookup('/')).toBe('index.html');
    expect(files.lookup('/assets/a.css')).toBe('assets/a.css');
    expect(files.lookup('/.hidden')).toBeNull();
    expect(files.lookup('/assets')).toBeNull();
    expect(files.lookup('assets/a.css')).toBeNull();
  });

  it('a server started before the web app was built serves it once built', async () => {
    const root = path.join(dir, 'unbuilt');
    const site = await buildServer({ store, runner, webDist: root, loadDefaultScenario: false, env: {} });
    try {
      const before = await site.inject({ url: '/' });
      expect(before.statusCode).toBe(200);
      expect(before.body).toContain('not built yet');
      writeBuild(root, 'cccc3333', new Date('2026-01-04T00:00:00Z'));
      expect((await site.inject({ url: '/' })).body).toContain('index-cccc3333.js');
      expect((await site.inject({ url: '/assets/index-cccc3333.js' })).statusCode).toBe(200);
    } finally {
      await site.close();
    }
  });
});

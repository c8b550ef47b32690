/**
 * `brink serve` as a person runs it: a real process on a free port, the URL printed, the default
 * scenario served, SIGTERM stops it cleanly; bad options exit 2 with nothing on stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(process.cwd(), 'packages/app/bin/brink.js');

describe('brink serve', () => {
  it('prints the URL, serves the API and the first page, and stops on SIGTERM with exit 0', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'brink-serve-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '', BRINK_DATABASE_URL: '' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Brink is serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const health = (await (await fetch(`${url}api/health`)).json()) as { store: string; defaultScenarioId: string };
      expect(health).toMatchObject({ store: 'sqlite', defaultScenarioId: 'korean-peninsula-2025-09' });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('a bad port is bad input: exit 2, message on stderr, nothing on stdout', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--port/);
  });

  it('a --data that is a file, or a BRINK_DATABASE_URL that is not postgres://, is bad input too (was exit 1, internal error)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-serve-bad-'));
    try {
      const file = path.join(dir, 'file');
      writeFileSync(file, 'x');
      const env = { ...process.env, PORT: '', BRINK_DATABASE_URL: '' };
      const r = spawnSync(process.execPath, [BIN, '--data', file, 'serve', '--port', '0'], { encoding: 'utf8', env, timeout: 30_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${file}: cannot use as the data directory`);
      const u = spawnSync(process.execPath, [BIN, 'serve', '--port', '0'], { encoding: 'utf8', env: { ...env, BRINK_DATABASE_URL: 'mysql://h/db' }, timeout: 30_000 });
      expect(u.status, u.stderr).toBe(2);
      expect(u.stdout).toBe('');
      expect(u.stderr).toMatch(/BRINK_DATABASE_URL: must start with postgres:\/\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

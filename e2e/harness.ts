/**
 * Starts Brink for the browser tests the way `npm start` runs it: `brink serve` on 127.0.0.1 on a
 * free port with a throwaway data directory, serving the built web app (packages/web/dist).
 * `BRINK_E2E_SERVER=preview` runs the pages on `vite preview` instead (no API: the app's offline
 * mode); there is no silent fallback, so a broken `brink serve` fails the tests. Also launches
 * Debian's Chromium through playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const artifactsDir = path.join(repoRoot, '.artifacts', 'e2e');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

export interface RunningServer {
  url: string;
  kind: 'brink serve' | 'vite preview';
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dist = path.join(repoRoot, 'packages/web/dist/index.html');
  if (!existsSync(dist)) {
    const build = spawnSync('npm', ['run', '-s', 'build', '-w', '@brink/web'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building the web app failed');
  }
  const port = await freePort();
  const useBrink = process.env.BRINK_E2E_SERVER !== 'preview';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'brink-e2e-'));
  const args = useBrink
    ? [path.join(repoRoot, 'packages/app/bin/brink.js'), 'serve', '--port', String(port), '--data', dataDir]
    : [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const child = spawn(process.execPath, args, {
    cwd: useBrink ? repoRoot : path.join(repoRoot, 'packages/web'),
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, child, 40_000, () => output);
  } catch (error) {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    kind: useBrink ? 'brink serve' : 'vite preview',
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new page of `context` with a default timeout, and the errors it reports: uncaught exceptions and
 * console errors (a missing favicon aside). Tests assert the list is empty, less what they expect.
 */
export async function watchedPage(context: BrowserContext, timeoutMs: number): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.text()) && errors.push(m.text()));
  return { page, errors };
}

/**
 * A real `brink serve` (or `brink worker`) process for tests, the fuzz job and benchmarks: spawned
 * with `node` directly (one process, so its pid is the server's), on a free port, with the given
 * environment; resolves once the URL is printed. `stop()` sends SIGTERM (SIGKILL after 10 s),
 * `kill()` sends SIGKILL at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BRINK_BIN = path.join(REPO, 'packages/app/bin/brink.js');

export interface BrinkProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT/` for a server; '' for a worker. */
  url: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  stdout(): string;
  exited(): boolean;
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

export interface SpawnOptions {
  args?: string[];
  env?: Record<string, string | undefined>;
  /** What to wait for on stdout before resolving (default: the server's URL line). */
  ready?: RegExp;
  timeoutMs?: number;
}

export function spawnBrink(command: 'serve' | 'worker', options: SpawnOptions = {}): Promise<BrinkProcess> {
  const args = command === 'serve' ? ['serve', '--port', '0', ...(options.args ?? [])] : ['worker', ...(options.args ?? [])];
  const child = spawn(process.execPath, [BRINK_BIN, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', BRINK_DATABASE_URL: '', BRINK_REDIS_URL: '', BRINK_TOKEN: '', ...options.env },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const ready = options.ready ?? /serving (http:\/\/[^\s]+\/)/;
  const handle = (url: string): BrinkProcess => ({
    child,
    url,
    stderr: () => err,
    stdout: () => out,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exit;
    },
  });
  return new Promise<BrinkProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`brink ${command} was not ready within ${options.timeoutMs ?? 60_000} ms: ${err}`));
    }, options.timeoutMs ?? 60_000);
    const check = () => {
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(handle(m[1] ?? ''));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`brink ${command} exited (${code ?? signal}) before it was ready: ${err}`));
    });
  });
}

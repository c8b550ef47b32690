/** Runs `brink` for tests: in this process (fast) or as a real child process (exit codes, stdio). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../src/cli/main';
import { REPO_ROOT } from '../src/scenario-files';

export const BIN = path.join(REPO_ROOT, 'packages', 'app', 'bin', 'brink.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `brink ARGS...` as a child process, from the repository root. */
export function brink(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `brink ARGS...` in this process, capturing stdout and stderr. */
export async function brinkInProcess(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

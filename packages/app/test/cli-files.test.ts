/**
 * Every command treats a file it cannot read or write as bad input: exit 2, one message on stderr
 * naming the file, nothing on stdout. (A path through a regular file, ENOTDIR, used to be an
 * internal error, exit 1, for `brink solve`; `--export-efg` into a missing folder said "cannot read".)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brinkInProcess } from './cli-harness';
import { DEFAULT_SCENARIO_PATH } from '../src/scenario-files';

const dir = mkdtempSync(path.join(tmpdir(), 'brink-cli-files-'));
const plain = path.join(dir, 'plain.txt');
writeFileSync(plain, 'not a folder');
const throughFile = path.join(plain, 'x'); // ENOTDIR
const missing = path.join(dir, 'missing');

describe('unreadable and unwritable files are bad input (exit 2)', () => {
  it.each([
    ['solve', [throughFile]],
    ['solve', [dir]],
    ['solve', [missing]],
    ['scenario validate', [throughFile]],
    ['deter', [throughFile]],
    ['deter params', ['--model', 'radg', '--params', throughFile]],
    ['forecast', [throughFile]],
    ['forecast csv', [`${throughFile}.csv`]],
  ])('%s %s', async (name, args) => {
    const command = name.split(' ')[0] === 'scenario' ? ['scenario', 'validate'] : [name.split(' ')[0]!];
    const r = await brinkInProcess(...command, ...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const file = args.find((a) => a.startsWith(dir))!;
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/cannot read .*: (a part of the path is not a directory|it is a directory, not a file|no such file or directory)/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('--export-efg into a missing folder says it cannot write that file', async () => {
    const target = path.join(missing, 'game.efg');
    const r = await brinkInProcess('deter', DEFAULT_SCENARIO_PATH, '--model', 'radg', '--export-efg', target);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(target);
    expect(r.stderr).toMatch(/cannot write --export-efg file: no such file or directory/);
  });
});

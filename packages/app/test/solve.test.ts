/**
 * `brink solve` end to end (issue 3): the `--json` format the issue fixes, agreement with Gambit's
 * recorded equilibria on conformance games, the readable output, and exit 2 with the place of the
 * error for bad files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brink, brinkInProcess } from './cli-harness';

const GAMBIT = path.resolve(process.cwd(), '../shared/conformance/gambit');

interface ExpectedRun {
  method: string;
  complete: boolean;
  equilibria: string[][];
}
function expectedRuns(game: string): ExpectedRun[] {
  return (JSON.parse(readFileSync(path.join(GAMBIT, 'expected', `${game}.json`), 'utf8')) as { runs: ExpectedRun[] }).runs;
}
const key = (profile: string[][]) => profile.flat().join(',');

describe('brink solve', () => {
  it.each([
    ['e04.nfg', 'enummixed'],
    ['e04.nfg', 'enumpure'],
    ['cent4.efg', 'enumpure'],
    ['cent4.efg', 'spe'],
  ])('%s --method %s --json prints exactly Gambit\'s complete set in the documented format', async (game, method) => {
    const r = await brinkInProcess('solve', path.join(GAMBIT, 'games', game), '--method', method, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { method: string; complete: boolean; equilibria: { profile: string[][]; payoffs: string[] }[] };
    expect(Object.keys(out).sort()).toEqual(['complete', 'equilibria', 'method']);
    expect(out.method).toBe(method);
    expect(out.complete).toBe(true);
    for (const eq of out.equilibria) {
      expect(Object.keys(eq).sort()).toEqual(['payoffs', 'profile']);
      for (const x of [...eq.profile.flat(), ...eq.payoffs]) expect(x).toMatch(/^-?\d+(\/\d+)?$/);
    }
    const run = expectedRuns(game).find((x) => x.method === method)!;
    expect(out.equilibria.map((e) => key(e.profile)).sort()).toEqual(run.equilibria.map((e) => e.join(',')).sort());
  });

  it('the default method on a two-player normal form is enummixed, with readable output', async () => {
    const r = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'e04.nfg'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/enummixed/);
    expect(r.stdout).toMatch(/3 equilibria/);
    expect(r.stdout).toMatch(/3\/5/);
  });

  it('a malformed file exits 2 naming file:line:col, with nothing on stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brink-solve-'));
    const file = path.join(dir, 'broken.nfg');
    writeFileSync(file, 'NFG 1 R "broken" { "P1" "P2" } { 2 2 }\n\n1 2 3\n');
    const r = brink('solve', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\.nfg:\d+:\d+/);
  });

  it('a missing file exits 2', async () => {
    const r = await brinkInProcess('solve', '/nonexistent/game.nfg');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

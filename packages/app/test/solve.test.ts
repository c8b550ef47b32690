/**
 * `brink solve` end to end: the `--json` format (docs/games.md), agreement with Gambit's
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
    // enummixed adds "sets" (components and maximal Nash subsets); nothing else is added.
    expect(Object.keys(out).sort()).toEqual(method === 'enummixed' ? ['complete', 'equilibria', 'method', 'sets'] : ['complete', 'equilibria', 'method']);
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
    expect(r.stdout).toMatch(/3 extreme equilibria, the complete set/);
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

  it('several files: each solved on its own, a bad one reports file:line:col, the others still solve, exit 2 at the end', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brink-solve-'));
    const bad = path.join(dir, 'bad.nfg');
    writeFileSync(bad, 'NFG 1 R "broken" { "P1" "P2" } { 2 2 }\n\n1 2 3\n');
    const good1 = path.join(GAMBIT, 'games', 'e04.nfg');
    const good2 = path.join(GAMBIT, 'games', 'pd.nfg');
    const r = brink('solve', good1, bad, good2, '--json');
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; error?: string; place?: string; equilibria?: unknown[] });
    expect(lines.map((l) => l.file)).toEqual([good1, bad, good2]);
    expect(lines[0]!.equilibria).toHaveLength(3);
    expect(lines[1]!.error).toMatch(/bad\.nfg:4:1/);
    expect(lines[1]!.place).toMatch(/bad\.nfg:4:1$/);
    expect(lines[2]!.equilibria).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.nfg:4:1: expected payoff/);
    // Readable: one block per file.
    const text = brink('solve', good1, good2);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/e04\.nfg[\s\S]*-{72}[\s\S]*pd\.nfg/);
  });

  it('a method that does not fit one of the files is that file\'s error', async () => {
    const r = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'e04.nfg'), path.join(GAMBIT, 'games', 'cent4.efg'), '--method', 'enummixed');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/e04\.nfg/);
    expect(r.stderr).toMatch(/cent4\.efg: --method: method enummixed needs a two-player \.nfg game/);
  });

  it('says when extreme equilibria span a continuum, and dominance never claims "0 equilibria, some equilibria"', async () => {
    const deg = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'deg2.nfg'));
    expect(deg.stdout).toMatch(/7 extreme equilibria, the complete set \(exact\); 1 continuum of equilibria/);
    expect(deg.stdout).toMatch(/continuum 1: equilibria 1, 2, 3, 4, 5 and 6 are the extreme points of one connected set/);
    const pd = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'pd.nfg'));
    expect(pd.stdout).toMatch(/1 extreme equilibrium, the complete set \(exact\); every equilibrium is isolated/);
    const dom = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'e04.nfg'), '--method', 'dominance');
    expect(dom.stdout).not.toMatch(/0 equilibria/);
    expect(dom.stdout).toMatch(/dominance alone does not single out an equilibrium/);
    const none = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'mixed_strategy.nfg'), '--method', 'enumpure');
    expect(none.stdout).not.toMatch(/some equilibria/);
  });

  it('--json floats carry no rounding noise; --time reports parse and solve times', async () => {
    const r = await brinkInProcess('solve', path.join(GAMBIT, 'games', 'e04.nfg'), '--method', 'logit', '--json', '--time');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { equilibria: { profile: number[][]; payoffs: number[] }[] };
    for (const x of [...out.equilibria[0]!.profile.flat(), ...out.equilibria[0]!.payoffs]) {
      expect(typeof x).toBe('number');
      expect(String(x).replace(/^-?0\.|^-?|e.*$|\./g, '').length).toBeLessThanOrEqual(10);
    }
    expect(out.equilibria[0]!.payoffs).toEqual([3, -1]);
    expect(r.stderr).toMatch(/read and parse [\d.]+ ms, solve [\d.]+ ms/);
  });
});

/**
 * `brink solve` end to end: the `--json` format (docs/games.md), the readable output, and exit 2
 * with the place of the error for bad files, on the repository's example games
 * (examples/games) and small games written here; and agreement with Gambit's recorded equilibria on
 * its conformance games, where ../shared (the peers' data beside the repository, not part of a
 * user's clone) is present.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/scenario-files';
import { brink, brinkInProcess } from './cli-harness';

const GAMBIT = path.resolve(process.cwd(), '../shared/conformance/gambit');
const HAVE_GAMBIT = existsSync(GAMBIT);
if (!HAVE_GAMBIT) console.warn("solve test: ../shared/conformance/gambit is absent (a clone without the peers' data), so the comparisons with Gambit's recorded equilibria are skipped");
const EXAMPLES = path.join(REPO_ROOT, 'examples', 'games');
const example = (name: string) => path.join(EXAMPLES, name);

interface ExpectedRun {
  method: string;
  complete: boolean;
  equilibria: string[][];
}
function expectedRuns(game: string): ExpectedRun[] {
  return (JSON.parse(readFileSync(path.join(GAMBIT, 'expected', `${game}.json`), 'utf8')) as { runs: ExpectedRun[] }).runs;
}
const key = (profile: string[][]) => profile.flat().join(',');

/** A game file written for one test, in a fresh temporary folder. */
function gameFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'brink-solve-')), name);
  writeFileSync(file, text);
  return file;
}

/**
 * Row's Top weakly dominates Bottom only where Column plays Left at least half the time; against Top,
 * Column is indifferent. Payoffs (Row, Column): (T,L) 1,1; (T,R) 1,1; (B,L) 0,0; (B,R) 2,2.
 * Equilibria, by hand: Top with Column's Left at q >= 1/2 (Top earns 1, Bottom 2(1-q)) is one convex
 * continuum with extreme points (T,L) and (T, 1/2 1/2); (B,R) is isolated (no mixed Row strategy
 * other than Top makes Left a best reply, since Left earns p and Right 2-p).
 */
const CONTINUUM_NFG = 'NFG 1 R "Column indifferent against Top" { "Row" "Column" }\n{ { "Top" "Bottom" }\n{ "Left" "Right" }\n}\n""\n\n1 1 0 0 1 1 2 2\n';

/** Matching pennies with a third row for Row that both others strictly dominate. */
const DOMINATED_ROW_NFG = 'NFG 1 R "Matching pennies with a dominated third row" { "Row" "Column" } { 3 2 }\n\n1 -1 -1 1 -2 0 -1 1 1 -1 -2 0\n';

type JsonOut = { method: string; complete: boolean; equilibria: { profile: string[][]; payoffs: string[] }[]; sets?: { components: number[][] } };

/** The documented --json format: the keys, and exact rationals as strings. */
function expectDocumentedFormat(stdout: string, method: string): JsonOut {
  const out = JSON.parse(stdout) as JsonOut;
  // enummixed adds "sets" (components and maximal Nash subsets); nothing else is added.
  expect(Object.keys(out).sort()).toEqual(method === 'enummixed' ? ['complete', 'equilibria', 'method', 'sets'] : ['complete', 'equilibria', 'method']);
  expect(out.method).toBe(method);
  expect(out.complete).toBe(true);
  for (const eq of out.equilibria) {
    expect(Object.keys(eq).sort()).toEqual(['payoffs', 'profile']);
    for (const x of [...eq.profile.flat(), ...eq.payoffs]) expect(x).toMatch(/^-?\d+(\/\d+)?$/);
  }
  return out;
}

describe('brink solve', () => {
  // Known equilibria of the example games, worked out by hand (profiles as in --json, flattened).
  // Chicken: the two pure outcomes where one side backs down, and the mix where each backs down with
  // probability 9/10 (Back down earns q - 1, Stand firm 11q - 10, equal at q = 9/10).
  const chickenPure = ['1,0,0,1', '0,1,1,0'];
  const chickenMixed = '9/10,1/10,9/10,1/10';
  // Limited strike (perfect information), backward induction: after a response in kind the challenger
  // stops (-2 > -10); the defender responds in kind (-2 beats conceding -3 and escalating -8); so the
  // challenger keeps the status quo (0 > -2). Pure Nash equilibria: that one, the status quo against
  // escalation, and strike-then-escalate against a conceding defender (3, -3).
  const strikeSpe = ['1,0,1,0,0,1,0'];
  const strikePure = ['1,0,0,0,0,1,0', '1,0,0,0,0,0,1', '0,1,0,1,1,0,0'];
  it.each([
    ['chicken.nfg', 'enummixed', [...chickenPure, chickenMixed]],
    ['chicken.nfg', 'enumpure', chickenPure],
    ['limited-strike.efg', 'enumpure', strikePure],
    ['limited-strike.efg', 'spe', strikeSpe],
  ])('%s --method %s --json prints exactly the complete set in the documented format', async (game, method, expected) => {
    const r = await brinkInProcess('solve', example(game), '--method', method, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = expectDocumentedFormat(r.stdout, method);
    expect(out.equilibria.map((e) => key(e.profile)).sort()).toEqual([...expected].sort());
  });

  describe.skipIf(!HAVE_GAMBIT)("agreement with Gambit's recorded equilibria (needs ../shared/conformance/gambit)", () => {
    it.each([
      ['e04.nfg', 'enummixed'],
      ['e04.nfg', 'enumpure'],
      ['cent4.efg', 'enumpure'],
      ['cent4.efg', 'spe'],
    ])('%s --method %s --json prints exactly Gambit\'s complete set in the documented format', async (game, method) => {
      const r = await brinkInProcess('solve', path.join(GAMBIT, 'games', game), '--method', method, '--json');
      expect(r.code, r.stderr).toBe(0);
      const out = expectDocumentedFormat(r.stdout, method);
      const run = expectedRuns(game).find((x) => x.method === method)!;
      expect(out.equilibria.map((e) => key(e.profile)).sort()).toEqual(run.equilibria.map((e) => e.join(',')).sort());
    });

    it("deg2.nfg: Gambit's seven extreme equilibria, six of which span one continuum (a union of convex sets)", async () => {
      const file = path.join(GAMBIT, 'games', 'deg2.nfg');
      const json = JSON.parse((await brinkInProcess('solve', file, '--json')).stdout) as JsonOut;
      const run = expectedRuns('deg2.nfg').find((x) => x.method === 'enummixed')!;
      expect(json.equilibria.map((e) => key(e.profile)).sort()).toEqual(run.equilibria.map((e) => e.join(',')).sort());
      const deg = await brinkInProcess('solve', file);
      expect(deg.stdout).toMatch(/7 extreme equilibria, the complete set \(exact\); 1 continuum of equilibria/);
      expect(deg.stdout).toMatch(/continuum 1: equilibria 1, 2, 3, 4, 5 and 6 are the extreme points of one connected set/);
      expect(deg.stdout).toMatch(/it is the union of the convex sets spanned by equilibria/);
    });
  });

  it('the default method on a two-player normal form is enummixed, with readable output', async () => {
    const r = await brinkInProcess('solve', example('chicken.nfg'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/enummixed/);
    expect(r.stdout).toMatch(/3 extreme equilibria, the complete set/);
    expect(r.stdout).toMatch(/"Back down" 9\/10, "Stand firm" 1\/10/);
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
    const good1 = example('chicken.nfg');
    const good2 = example('prisoners-dilemma.nfg');
    const r = brink('solve', good1, bad, good2, '--json');
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; error?: string; place?: string; equilibria?: { profile: string[][] }[] });
    expect(lines.map((l) => l.file)).toEqual([good1, bad, good2]);
    expect(lines[0]!.equilibria).toHaveLength(3);
    expect(lines[1]!.error).toMatch(/bad\.nfg:4:1/);
    expect(lines[1]!.place).toMatch(/bad\.nfg:4:1$/);
    // Prisoner's dilemma: defect, defect only.
    expect(lines[2]!.equilibria!.map((e) => key(e.profile))).toEqual(['0,1,0,1']);
    expect(r.stderr).toMatch(/bad\.nfg:4:1: expected payoff/);
    // Readable: one block per file.
    const text = brink('solve', good1, good2);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/chicken\.nfg[\s\S]*-{72}[\s\S]*prisoners-dilemma\.nfg/);
  });

  it('a method that does not fit one of the files is that file\'s error', async () => {
    const r = await brinkInProcess('solve', example('chicken.nfg'), example('limited-strike.efg'), '--method', 'enummixed');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/chicken\.nfg/);
    expect(r.stdout).toMatch(/3 extreme equilibria/);
    expect(r.stderr).toMatch(/limited-strike\.efg: --method: method enummixed needs a two-player \.nfg game/);
  });

  it('says when extreme equilibria span a continuum, and dominance never claims "0 equilibria, some equilibria"', async () => {
    const file = gameFile('tie.nfg', CONTINUUM_NFG);
    const deg = await brinkInProcess('solve', file);
    expect(deg.stdout).toMatch(/3 extreme equilibria, the complete set \(exact\); 1 continuum of equilibria/);
    // Which two equilibria span it: (Top, Left) and (Top, 1/2 1/2), not the isolated (Bottom, Right).
    const json = JSON.parse((await brinkInProcess('solve', file, '--json')).stdout) as JsonOut;
    const at = (k: string) => json.equilibria.findIndex((e) => key(e.profile) === k) + 1;
    const [tl, th, br] = [at('1,0,1,0'), at('1,0,1/2,1/2'), at('0,1,0,1')];
    expect([tl, th, br].every((n) => n > 0)).toBe(true);
    expect(json.sets!.components.map((c) => c.map((i) => i + 1).sort()).sort()).toEqual([[br], [tl, th].sort()].sort());
    const [lo, hi] = [Math.min(tl, th), Math.max(tl, th)];
    expect(deg.stdout).toMatch(new RegExp(`continuum 1: equilibria ${lo} and ${hi} are the extreme points of one connected set`));
    expect(deg.stdout).toMatch(/it is convex/);
    expect(deg.stdout).not.toMatch(/continuum 2/);
    const pd = await brinkInProcess('solve', example('prisoners-dilemma.nfg'));
    expect(pd.stdout).toMatch(/1 extreme equilibrium, the complete set \(exact\); every equilibrium is isolated/);
    const dom = await brinkInProcess('solve', gameFile('dominated.nfg', DOMINATED_ROW_NFG), '--method', 'dominance');
    expect(dom.stdout).toMatch(/player 1 drops "3"/);
    expect(dom.stdout).not.toMatch(/0 equilibria/);
    expect(dom.stdout).toMatch(/dominance alone does not single out an equilibrium/);
    // Matching pennies has no pure equilibrium: the complete search says so.
    const none = await brinkInProcess('solve', example('matching-pennies.nfg'), '--method', 'enumpure');
    expect(none.stdout).not.toMatch(/some equilibria/);
    expect(none.stdout).toMatch(/no equilibrium of this kind exists \(the search is complete\)/);
  });

  it('--json floats carry no rounding noise; --time reports parse and solve times', async () => {
    const r = await brinkInProcess('solve', example('chicken.nfg'), '--method', 'logit', '--json', '--time');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { equilibria: { profile: number[][]; payoffs: number[] }[] };
    for (const x of [...out.equilibria[0]!.profile.flat(), ...out.equilibria[0]!.payoffs]) {
      expect(typeof x).toBe('number');
      expect(String(x).replace(/^-?0\.|^-?|e.*$|\./g, '').length).toBeLessThanOrEqual(10);
    }
    // The logit trace ends at chicken's mixed equilibrium (9/10 back down, payoffs -1/10 each).
    for (const row of out.equilibria[0]!.profile) {
      expect(row[0]).toBeCloseTo(0.9, 6);
      expect(row[1]).toBeCloseTo(0.1, 6);
    }
    for (const v of out.equilibria[0]!.payoffs) expect(v).toBeCloseTo(-0.1, 6);
    expect(r.stderr).toMatch(/read and parse [\d.]+ ms, solve [\d.]+ ms/);
  });
});

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGameRequest, plainNumber, solveGameRequest } from './games';
import { exampleGames } from '../lib/examples';
import { toPlainError } from './protocol';

const gamesDir = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const expectedDir = path.resolve(process.cwd(), '../shared/conformance/gambit/expected');
const haveGambit = existsSync(gamesDir) && existsSync(expectedDir);
if (!haveGambit) console.warn("worker games test: ../shared/conformance/gambit is absent (a clone without the peers' data), so the comparison with Gambit's recorded equilibria is skipped");
const examplesDir = path.resolve(process.cwd(), 'examples/games');

describe('worker game requests', () => {
  it('parses the bundled examples and gives cloneable data', () => {
    for (const ex of exampleGames) {
      const parsed = parseGameRequest({ text: ex.text, fileName: ex.fileName });
      expect(structuredClone(parsed)).toEqual(parsed);
      expect(parsed.methods).toContain(parsed.defaultMethod);
    }
  });

  it('solves matching pennies with enummixed to its unique mixed equilibrium', () => {
    const text = readFileSync(path.join(examplesDir, 'matching-pennies.nfg'), 'utf8');
    const out = solveGameRequest({ text, fileName: 'matching-pennies.nfg', method: 'enummixed' });
    expect(structuredClone(out)).toEqual(out);
    expect(out.result.complete).toBe(true);
    expect(out.result.equilibria.map((e) => e.profile.flat())).toEqual([['1/2', '1/2', '1/2', '1/2']]);
  });

  it.skipIf(!haveGambit)("solves 2x2a.nfg with enummixed to Gambit's unique mixed equilibrium (needs ../shared/conformance/gambit)", () => {
    const text = readFileSync(path.join(gamesDir, '2x2a.nfg'), 'utf8');
    const out = solveGameRequest({ text, fileName: '2x2a.nfg', method: 'enummixed' });
    const expected = JSON.parse(readFileSync(path.join(expectedDir, '2x2a.nfg.json'), 'utf8')) as { runs: { method: string; equilibria: string[][] }[] };
    const gambit = expected.runs.find((r) => r.method === 'enummixed')!.equilibria;
    expect(structuredClone(out)).toEqual(out);
    expect(out.result.equilibria.map((e) => e.profile.flat())).toEqual(gambit);
  });

  it('a bad file becomes an error with its place', () => {
    let error: unknown;
    try {
      parseGameRequest({ text: 'NFG 1 R "x" { "A" "B" } { 2 2 }\n\n0 0 1', fileName: 'bad.nfg' });
    } catch (e) {
      error = e;
    }
    const plain = toPlainError(error);
    expect(plain.place).toMatch(/^bad\.nfg:\d+:\d+$/);
    expect(plain.message.length).toBeGreaterThan(0);
  });
});

describe('the Games page rough edges', () => {
  it('offers only the methods that fit the game, the default first', async () => {
    const nfg = parseGameRequest({ text: 'NFG 1 R "" { "A" "B" } { 2 2 }\n1 1 0 0 0 0 1 1\n', fileName: 'x.nfg' });
    expect(nfg.methods[0]).toBe('enummixed');
    expect(nfg.methods).not.toContain('spe');
    const three = parseGameRequest({ text: 'NFG 1 R "" { "A" "B" "C" } { 2 2 2 }\n' + '0 '.repeat(24) + '\n', fileName: 'y.nfg' });
    expect(three.methods).not.toContain('enummixed');
    expect(three.methods).not.toContain('lcp');
  });

  it('dominance reports the strategies it drops and what remains', () => {
    const pd = 'NFG 1 R "PD" { "Row" "Col" } { { "C" "D" } { "C" "D" } }\n""\n\n3 3 5 0 0 5 1 1\n';
    const solved = solveGameRequest({ text: pd, fileName: 'pd.nfg', method: 'dominance' });
    expect(solved.result.eliminated!.map((e) => e.strategy).sort()).toEqual(['C', 'C']);
    expect(solved.result.remaining).toEqual([['D'], ['D']]);
    expect(solved.result.equilibria).toHaveLength(1);
  });

  it('rounds floating-point results and shows vanishing probabilities as 0', () => {
    expect(plainNumber(1.945325093e-34)).toBe('0');
    expect(plainNumber(0.333333333333)).toBe('0.333333');
    expect(plainNumber('2/3')).toBe('2/3');
  });

  it('a pasted text of another format gets a name of that format, so errors name it', async () => {
    const { nameFor, formatOf } = await import('../pages/GamesPage');
    expect(formatOf('  NFG 1 R ""')).toBe('nfg');
    expect(nameFor('NFG 1 R "" { "A" } { 1 }\n0\n', 'deterrence.efg')).toBe('pasted.nfg');
    expect(nameFor('EFG 2 R "" { "A" }', 'deterrence.efg')).toBe('deterrence.efg');
  });
});

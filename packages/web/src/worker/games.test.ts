import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGameRequest, solveGameRequest } from './games';
import { exampleGames } from '../lib/examples';
import { toPlainError } from './protocol';

const gamesDir = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const expectedDir = path.resolve(process.cwd(), '../shared/conformance/gambit/expected');

describe('worker game requests', () => {
  it('parses the bundled examples and gives cloneable data', () => {
    for (const ex of exampleGames) {
      const parsed = parseGameRequest({ text: ex.text, fileName: ex.fileName });
      expect(structuredClone(parsed)).toEqual(parsed);
      expect(parsed.methods).toContain(parsed.defaultMethod);
    }
  });

  it("solves 2x2a.nfg with enummixed to Gambit's unique mixed equilibrium", () => {
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

/**
 * KTAB CSV reader/writer (packages/engine/src/bargaining/ktab-csv.ts): files in KTAB's layout written
 * here and the repository's examples/ktab, round trips, errors that name `file:row:col`, and (when
 * ../shared is present) KTAB's own example files.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, isInputError } from '../../errors';
import { LIMITS } from '../../limits';
import { parseKtabCsv, writeKtabCsv } from '../ktab-csv';
import type { SmpInput } from './types';

// KTAB's example CSVs live in ../shared (next to the repository on the development machines), not in
// a user's clone: without them the tests on KTAB's own files are skipped.
const dataDir = path.resolve(process.cwd(), '../shared/conformance/ktab/data');
const ktabAvailable = existsSync(dataDir);
const csvFiles = (ktabAvailable ? readdirSync(dataDir) : []).filter((f) => f.endsWith('.csv')).sort();
const examplesDir = path.resolve(import.meta.dirname, '../../../../../examples/ktab');

function placeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isInputError(e)) return e.place;
    throw e;
  }
  return undefined;
}

const good = [
  'Demo,"A demo scenario",3,2,',
  'Actor,Description,Power,X,X Sal,Y,Y Sal,',
  'A, first , 10, 20, 30, 40, 50,',
  'B,second,20,30,40,50,60',
  'C,,30.5,100,0,0,1,',
].join('\n');

// KTAB's layout as its example files write it: a blank after the scenario name, a quoted description,
// numbers padded with blanks, a comma closing every row.
const KTAB_STYLE = [
  'Padded_2Dim ,"A scenario in KTAB\'s layout",4,2,',
  'Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,',
  'Actor-00, Spatial Actor, 102.543, 75.79, 49.53,  6.37,  5.91,',
  'Actor-01, Spatial Actor,  53.393, 82.72, 30.33, 73.50, 21.22,',
  'Actor-02, Spatial Actor, 129.643, 82.45, 48.47, 90.89, 13.55,',
  'Actor-03, Spatial Actor,  54.178, 70.96, 31.75,  0.07, 27.93,',
].join('\n');

describe('KTAB CSV', () => {
  it('reads a file in KTAB\'s layout (quotes and blanks trimmed, trailing comma optional)', () => {
    const a = parseKtabCsv(KTAB_STYLE, 'padded.csv');
    expect(a.name).toBe('Padded_2Dim');
    expect(a.description).toBe("A scenario in KTAB's layout");
    expect(a.actors).toHaveLength(4);
    expect(a.dimensions.map((d) => d.name)).toEqual(['Pstn1', 'Pstn2']);
    expect(a.actors[0]).toEqual({ name: 'Actor-00', description: 'Spatial Actor', power: 102.543 });
    expect(a.actors[3]!.power).toBe(54.178);
    expect(a.positions[3]).toEqual([70.96, 0.07]);
    expect(a.saliences[3]).toEqual([31.75, 27.93]);
    expect(a.positions[0]).toEqual([75.79, 6.37]);
    // The same file without the comma closing each actor row, and with Windows line ends.
    const noFinalComma = KTAB_STYLE.split('\n')
      .map((l, i) => (i >= 2 ? l.replace(/,$/, '') : l))
      .join('\r\n');
    expect(noFinalComma).not.toMatch(/Actor-00.*,\r/);
    expect(parseKtabCsv(noFinalComma, 'padded.csv')).toEqual(a);
    expect(parseKtabCsv(writeKtabCsv(a), 'padded.csv')).toEqual(a);
  });

  it('reads the repository example (examples/ktab) and writes it back losslessly', () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith('.csv'));
    expect(files).toContain('peninsula-illustrative.csv');
    for (const f of files) {
      const input = parseKtabCsv(readFileSync(path.join(examplesDir, f), 'utf8'), f);
      expect(input.actors.length).toBeGreaterThanOrEqual(3);
      expect(parseKtabCsv(writeKtabCsv(input), f)).toEqual(input);
    }
    const p = parseKtabCsv(readFileSync(path.join(examplesDir, 'peninsula-illustrative.csv'), 'utf8'));
    expect(p.actors.map((a) => a.name)).toEqual(['DPRK', 'USA', 'ROK', 'Japan', 'China', 'Russia']);
    expect(p.dimensions).toHaveLength(2);
    expect(p.positions[0]).toEqual([100, 100]);
    expect(p.saliences[5]).toEqual([35, 40]);
  });

  it('round-trips arbitrary scenarios, including names with commas and quotes', () => {
    const nameArb = fc.string({ minLength: 1, maxLength: 25 }).filter((s) => s.trim() === s && s.length > 0 && !/[\r\n]/.test(s));
    const arb = fc
      .record({ n: fc.integer({ min: 3, max: 6 }), d: fc.integer({ min: 1, max: 3 }) })
      .chain(({ n, d }) =>
        fc.record({
          name: nameArb,
          names: fc.array(nameArb, { minLength: n, maxLength: n }),
          power: fc.array(fc.integer({ min: 1, max: 1e7 }), { minLength: n, maxLength: n }),
          pos: fc.array(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
          sal: fc.array(fc.array(fc.integer({ min: 1, max: Math.floor(10000 / d) }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ name, names, power, pos, sal }) => {
        const input: SmpInput = {
          name,
          actors: names.map((nm, i) => ({ name: nm, power: power[i]! / 100 })),
          dimensions: pos[0]!.map((_, k) => ({ name: `dim, ${k}` })),
          positions: pos.map((r) => r.map((x) => x / 100)),
          saliences: sal.map((r) => r.map((x) => x / 100)),
        };
        expect(parseKtabCsv(writeKtabCsv(input))).toEqual(input);
      }),
      { seed: 31337, numRuns: 100 },
    );
  });

  it('parses a small file', () => {
    const s = parseKtabCsv(good, 'g.csv');
    expect(s.actors.map((a) => a.name)).toEqual(['A', 'B', 'C']);
    expect(s.actors[0]!.description).toBe('first');
    expect(s.positions).toEqual([
      [20, 40],
      [30, 50],
      [100, 0],
    ]);
    expect(s.saliences[2]).toEqual([0, 1]);
  });

  it('names file:row:col for bad input', () => {
    const lines = good.split('\n');
    const edit = (row: number, text: string) => lines.map((l, i) => (i === row - 1 ? text : l)).join('\n');
    expect(placeOf(() => parseKtabCsv(edit(3, 'A,first,ten,20,30,40,50,'), 'g.csv'))).toBe('g.csv:3:9');
    expect(placeOf(() => parseKtabCsv(edit(4, 'B,second,20,101,40,50,60'), 'g.csv'))).toBe('g.csv:4:13');
    expect(placeOf(() => parseKtabCsv(edit(4, 'B,second,20,30,60,50,60'), 'g.csv'))).toBe('g.csv:4:22');
    expect(placeOf(() => parseKtabCsv(edit(4, 'B,second,0,30,40,50,60'), 'g.csv'))).toBe('g.csv:4:10');
    expect(placeOf(() => parseKtabCsv(edit(4, 'B,second,20,30,40,50'), 'g.csv'))).toBe('g.csv:4:21');
    expect(placeOf(() => parseKtabCsv(edit(1, 'Demo,x,2,2,'), 'g.csv'))).toBe('g.csv:1:8');
    expect(placeOf(() => parseKtabCsv(edit(1, 'Demo,x,4,2,'), 'g.csv'))).toBe('g.csv:6:1');
    expect(placeOf(() => parseKtabCsv(edit(3, 'an actor name longer than 25,x,1,1,1,1,1'), 'g.csv'))).toBe('g.csv:3:1');
    expect(placeOf(() => parseKtabCsv(edit(5, 'C,,30.5,100,0,0,0,'), 'g.csv'))).toBe('g.csv:5:13');
    expect(placeOf(() => parseKtabCsv('', 'g.csv'))).toBe('g.csv:1:1');
  });
});

describe.skipIf(!ktabAvailable)("KTAB's own example files (../shared/conformance/ktab, skipped when absent)", () => {
  it('reads KTAB example dummyData_3Dim (quotes and blanks trimmed, trailing comma optional)', () => {
    const a = parseKtabCsv(readFileSync(path.join(dataDir, 'dummyData_3Dim.csv'), 'utf8'));
    expect(a.name).toBe('DummyData_3Dim');
    expect(a.description).toBe('Dummy scenario to test reading format');
    expect(a.actors).toHaveLength(7);
    expect(a.dimensions.map((d) => d.name)).toEqual(['Pstn1', 'Pstn2', 'Pstn3']);
    expect(a.actors[0]).toEqual({ name: 'SActor-00', description: 'Random Spatial Actor', power: 102.543 });
    expect(a.positions[6]).toEqual([70.96, 33.46, 90.36]);
    expect(a.saliences[6]).toEqual([31.75, 27.93, 26.03]);
    const b = parseKtabCsv(readFileSync(path.join(dataDir, 'dummyData_3Dim-no-final-comma.csv'), 'utf8'));
    expect({ ...b, name: a.name }).toEqual(a);
  });

  it('reads every KTAB example and writes it back losslessly', () => {
    expect(csvFiles.length).toBeGreaterThan(0);
    for (const f of csvFiles) {
      const input = parseKtabCsv(readFileSync(path.join(dataDir, f), 'utf8'), f);
      expect(input.actors.length).toBeGreaterThanOrEqual(3);
      expect(parseKtabCsv(writeKtabCsv(input), f)).toEqual(input);
    }
  });
});

describe('KTAB CSV limits (docs/limits.md)', () => {
  it('refuses more dimensions than the limit at the header field, before reading any actor', () => {
    const text = `big,"too many dimensions",3,${LIMITS.maxDimensions + 1},\nActor,Description,Power\n`;
    expect(() => parseKtabCsv(text, 'big.csv')).toThrow(/big\.csv:1:\d+: number of dimensions 101 is out of range/);
  });
  it('refuses a dimension count of 2^32 the same way (no allocation from it)', () => {
    expect(() => parseKtabCsv('big,"x",3,4294967296,\n', 'big.csv')).toThrow(InputError);
  });
  it('counts the text size in UTF-8 bytes: multibyte text under the limit in UTF-16 units is refused', () => {
    const text = `big,"${'北'.repeat(Math.floor(LIMITS.maxTextBytes / 3) + 1)}",3,1,\n`;
    expect(text.length).toBeLessThan(LIMITS.maxTextBytes);
    let error: unknown;
    try {
      parseKtabCsv(text, 'wide.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).place).toBe('wide.csv');
    expect((error as InputError).reason).toMatch(new RegExp(`more than|larger than the limit of ${LIMITS.maxTextBytes} bytes`));
  });
});

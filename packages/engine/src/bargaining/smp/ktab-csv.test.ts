/**
 * KTAB CSV reader/writer (packages/engine/src/bargaining/ktab-csv.ts): KTAB's own example files,
 * round trips, and errors that name `file:row:col`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, isInputError } from '../../errors';
import { LIMITS } from '../../limits';
import { parseKtabCsv, writeKtabCsv } from '../ktab-csv';
import type { SmpInput } from './types';

const dataDir = path.resolve(process.cwd(), '../shared/conformance/ktab/data');
const csvFiles = readdirSync(dataDir).filter((f) => f.endsWith('.csv')).sort();

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

describe('KTAB CSV', () => {
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
    for (const f of csvFiles) {
      const input = parseKtabCsv(readFileSync(path.join(dataDir, f), 'utf8'), f);
      expect(input.actors.length).toBeGreaterThanOrEqual(3);
      expect(parseKtabCsv(writeKtabCsv(input), f)).toEqual(input);
    }
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

describe('KTAB CSV limits (docs/limits.md)', () => {
  it('refuses more dimensions than the limit at the header field, before reading any actor', () => {
    const text = `big,"too many dimensions",3,${LIMITS.maxDimensions + 1},\nActor,Description,Power\n`;
    expect(() => parseKtabCsv(text, 'big.csv')).toThrow(/big\.csv:1:\d+: number of dimensions 101 is out of range/);
  });
  it('refuses a dimension count of 2^32 the same way (no allocation from it)', () => {
    expect(() => parseKtabCsv('big,"x",3,4294967296,\n', 'big.csv')).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuote } from './quote';

describe('findQuote', () => {
  it('finds a quote across different whitespace and returns original offsets', () => {
    const text = ' date 2025-09-01 北韓2022年\n\n修法，  授權先發制人';
    const range = findQuote(text, '北韓2022年 修法， 授權');
    expect(range).not.toBeNull();
    expect(text.slice(range!.start, range!.end)).toBe('北韓2022年\n\n修法，  授權');
  });

  it('returns null when the quote is absent or empty', () => {
    expect(findQuote('abc', 'abd')).toBeNull();
    expect(findQuote('abc', '   ')).toBeNull();
  });

  it('any slice of a text is found and the found range normalises to the same words', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '中', ' ', '\n') }), fc.nat(), fc.nat(), (text, x, y) => {
        const [i, j] = [x % (text.length + 1), y % (text.length + 1)].sort((p, q) => p - q) as [number, number];
        const quote = text.slice(i, j);
        const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
        const range = findQuote(text, quote);
        if (norm(quote) === '') return range === null;
        return range !== null && norm(text.slice(range.start, range.end)) === norm(quote);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { exceedsUtf8Bytes, jsonTooDeepAt } from './limits';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('exceedsUtf8Bytes', () => {
  it('agrees with the UTF-8 encoding at the limit, for 1-, 2-, 3- and 4-byte characters', () => {
    for (const ch of ['a', 'é', '北', '😀']) {
      for (let n = 0; n <= 12; n++) {
        const text = ch.repeat(n) + 'x';
        const bytes = utf8(text);
        expect(exceedsUtf8Bytes(text, bytes)).toBe(false);
        expect(exceedsUtf8Bytes(text, bytes - 1)).toBe(true);
      }
    }
  });
  it('counts a lone surrogate as TextEncoder does (3 bytes for U+FFFD)', () => {
    expect(exceedsUtf8Bytes('\ud800', 3)).toBe(false);
    expect(exceedsUtf8Bytes('\udc00', 2)).toBe(true);
  });
});

describe('jsonTooDeepAt', () => {
  it('finds the first bracket over the depth, outside strings, with its line and column', () => {
    expect(jsonTooDeepAt('[[1]]', 2)).toBeUndefined();
    expect(jsonTooDeepAt('[[1]]', 1)).toEqual({ offset: 1, line: 1, col: 2 });
    expect(jsonTooDeepAt('{"a": "[[[\\"[["}', 1)).toBeUndefined();
    expect(jsonTooDeepAt('[\n  [\n', 1)).toEqual({ offset: 4, line: 2, col: 3 });
  });
});

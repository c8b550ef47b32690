import { describe, expect, it } from 'vitest';
import { parseNfg } from '@brink/engine/games';
import { isInputError } from '@brink/engine/errors';
import { translateReason } from './error-text';

function reasonOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (isInputError(error)) return error.reason;
    throw error;
  }
  throw new Error('expected an input error');
}

describe('engine error reasons in Traditional Chinese', () => {
  it('renders the parser errors a user meets most (real engine errors)', () => {
    const unterminated = reasonOf(() => parseNfg('NFG 1 R "no end', 'x.nfg'));
    expect(translateReason(unterminated, 'zh-Hant')).toBe('字串沒有結束的引號');
    const expected = reasonOf(() => parseNfg('NFG 1 R "" { "A" "B" } { 2 x }\n', 'x.nfg'));
    expect(translateReason(expected, 'zh-Hant')).toMatch(/^預期 /);
  });
  it('leaves English as it is, and an unknown reason untranslated (null)', () => {
    expect(translateReason('anything at all', 'en')).toBe('anything at all');
    expect(translateReason('a reason nobody wrote a pattern for', 'zh-Hant')).toBeNull();
  });
});

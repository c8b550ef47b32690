import { describe, expect, it } from 'vitest';
import { en, zhHant, translate, type MessageKey } from './messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface text', () => {
  it('every English message has a Traditional Chinese one with the same placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(zhHant[key], key).toBeTruthy();
      expect(placeholders(zhHant[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(zhHant).sort()).toEqual(Object.keys(en).sort());
  });

  it('the Chinese interface text is in Chinese (no message left in English)', () => {
    const han = /\p{Script=Han}/u;
    const allowedLatin = new Set<MessageKey>(['lang.switch']);
    for (const key of Object.keys(en) as MessageKey[]) if (!allowedLatin.has(key)) expect(han.test(zhHant[key]), key).toBe(true);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'deterrence.solvedIn', { ms: 3.5 })).toBe('solved in 3.5 ms');
    expect(translate('zh-Hant', 'scenario.count', { n: 12 })).toBe('共 12 個數值');
  });
});

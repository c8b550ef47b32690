import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumberInText, numbersInText, readNumeral, textStatesNumber } from './number-text';

describe('readNumeral', () => {
  it.each([
    ['6', 6],
    ['2024', 2024],
    ['11,000', 11000],
    ['1,000,000', 1_000_000],
    ['3.48', 3.48],
    ['１２', 12],
    ['３．５', 3.5],
    ['六', 6],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['三千零二十', 3020],
    ['兩千', 2000],
    ['十萬', 100_000],
    ['三千五百萬', 35_000_000],
    ['三億五千萬', 350_000_000],
    ['一萬億', 1e12],
    ['二〇二四', 2024],
    ['3.48億', 348_000_000],
    ['11萬', 110_000],
    ['2萬5千', 25_000],
    ['2億3萬', 200_030_000],
    ['九十六點七', 96.7],
  ])('%s = %d', (text, value) => {
    expect(readNumeral(text)).toBeCloseTo(value, 6);
  });

  it('refuses what is not a numeral', () => {
    for (const text of ['萬', '億美元', '', 'abc', '3六']) expect(readNumeral(text), text).toBeUndefined();
  });

  it('reads every integer written in Arabic digits with separators (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (n) => {
        expect(readNumeral(n.toLocaleString('en-US'))).toBe(n);
        expect(readNumeral(String(n))).toBe(n);
      }),
    );
  });

  it('reads every Chinese numeral it writes (round trip, property)', () => {
    const digits = '零一二三四五六七八九';
    /** Writes n < 10^8 in Chinese numerals (the common form: 一百零五, 三千五百萬). */
    const write = (n: number): string => {
      if (n === 0) return '零';
      const below = (x: number): string => {
        const units = ['千', '百', '十', ''];
        const parts = [Math.floor(x / 1000), Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
        let out = '';
        let zero = false;
        parts.forEach((d, i) => {
          if (d === 0) zero = out !== '';
          else {
            if (zero) out += '零';
            zero = false;
            out += digits[d]! + units[i]!;
          }
        });
        return out;
      };
      const high = Math.floor(n / 10_000);
      const low = n % 10_000;
      if (high === 0) return below(low);
      return `${below(high)}萬${low > 0 && low < 1000 ? '零' : ''}${low > 0 ? below(low) : ''}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(readNumeral(write(n))).toBe(n);
      }),
    );
  });
});

describe('numbersInText', () => {
  it('finds the numbers of the seed article, units and shares applied', () => {
    const found = numbersInText('北韓2024年出口3.48億美元的商品至大陸，占其貿易總額近9成，北韓六度驗證核裝置，不如7年前的川金會');
    expect(found.map((n) => [n.text, n.value, n.percent])).toEqual([
      ['2024', 2024, false],
      ['3.48億', 348_000_000, false],
      ['9成', 90, true],
      ['六', 6, false],
      ['7', 7, false],
    ]);
  });

  it('reads English scale words after digits', () => {
    expect(numbersInText('about 9 million rounds and US$2.18 billion').map((n) => n.value)).toEqual([9e6, 2.18e9]);
    expect(textStatesNumber('exported US$348 million of goods', 348_000_000)).toBe(true);
    expect(textStatesNumber('11 thousand troops', 11_000)).toBe(true);
  });

  it('reads percent signs, 百分之 and "percent"', () => {
    expect(numbersInText('約90%的貿易').map((n) => [n.value, n.percent])).toEqual([[90, true]]);
    expect(numbersInText('占九成').map((n) => [n.value, n.percent])).toEqual([[90, true]]);
    expect(numbersInText('百分之九十六點七').map((n) => [n.value, n.percent])).toEqual([[96.7, true]]);
    expect(numbersInText('百分之九十的貿易').map((n) => [n.value, n.percent])).toEqual([[90, true]]);
    expect(numbersInText('about 96.7 percent').map((n) => [n.value, n.percent])).toEqual([[96.7, true]]);
    expect(numbersInText('８８％').map((n) => [n.value, n.percent])).toEqual([[88, true]]);
  });
});

describe('textStatesNumber', () => {
  it('matches a value written in any form', () => {
    expect(textStatesNumber('北韓六度驗證核裝置', 6)).toBe(true);
    expect(textStatesNumber('北韓2024年出口3.48億美元的商品至大陸', 348_000_000)).toBe(true);
    expect(textStatesNumber('占其貿易總額近9成', 0.9)).toBe(true);
    expect(textStatesNumber('占其貿易總額近9成', 90)).toBe(true);
    expect(textStatesNumber('about 11,000 troops', 11_000)).toBe(true);
    expect(textStatesNumber('派兵一萬一千人', 11_000)).toBe(true);
  });

  it('does not match a value the text does not write', () => {
    // The cases that motivated the check: readings graded as if the quote stated them.
    expect(textStatesNumber('占其貿易總額近9成', 0.88)).toBe(false);
    expect(textStatesNumber('明顯增加美韓聯盟執行懲罰性嚇阻的風險', 0.25)).toBe(false);
    expect(textStatesNumber('採取更侵略且更願意冒險的嚇阻態勢', 0.6)).toBe(false);
    expect(textStatesNumber('北韓六度驗證核裝置', 7)).toBe(false);
    expect(textStatesNumber('3.48億美元', 3.48)).toBe(false);
    expect(findNumberInText('no number here', 1)).toBeUndefined();
    expect(textStatesNumber('6', Number.NaN)).toBe(false);
  });
});

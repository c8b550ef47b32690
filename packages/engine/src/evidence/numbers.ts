/**
 * Number words: Chinese numerals, Arabic numerals and English number words to values.
 *
 * Chinese (after normalisation to Simplified, half-width): digits 〇零一二两三四五六七八九 (also the
 * financial forms 壹贰叁肆伍陆柒捌玖拾佰仟), the small units 十 (10) 百 (100) 千 (1000) inside each
 * group of four digits, and the large units 万 (10^4), 亿 (10^8), 兆 (10^12) between groups, read as in
 * the standard grouping: 一千二百万 = (1000 + 200) x 10^4 = 12,000,000; 两万三千 = 23,000; 十万 =
 * 100,000 (a leading 十 is 一十). Arabic digits may carry thousands separators and a decimal part and
 * may be followed by Chinese large units: 3.48亿 = 3.48 x 10^8; 2万 = 20,000; 1.5兆 = 1.5 x 10^12.
 * A digit string read digit by digit (二〇二四) is a year, not a number, and is left to dates.
 *
 * English: digits with "," separators and a decimal part, optionally followed by a scale word
 * (thousand, million, billion, trillion; "bn", "m" after a currency), and number words
 * (one .. nineteen, twenty .. ninety, hundred, thousand, million, billion; "a dozen" = 12; "a/one
 * hundred" = 100). Values are exact doubles of the written figure.
 */

const ZH_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const ZH_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const ZH_LARGE: Record<string, number> = { 万: 1e4, 亿: 1e8, 兆: 1e12 };

/** Characters that may appear in a Chinese numeral. */
export const ZH_NUMERAL_CHARS = '〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿兆';

/**
 * Value of a Chinese numeral (Simplified), or undefined when it is not one. Mixed forms with an
 * Arabic head are accepted: 3.48亿, 2万, 1千2百 is not (use chineseOrArabic()).
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0; // value of the completed large-unit parts
  let section = 0; // value below the next large unit
  let number = 0; // the pending digit
  let prev: 'digit' | 'zero' | 'unit' | null = null;
  let prevChar = '';
  for (const ch of text) {
    if (ch in ZH_DIGITS) {
      const d = ZH_DIGITS[ch]!;
      // Digit after digit (二〇二四, 一二) is read digit by digit: a year or a code, not a number.
      if (prev === 'digit' || (prev === 'zero' && (d === 0 || prevChar === '〇'))) return undefined;
      number = d;
      prev = d === 0 ? 'zero' : 'digit';
    } else if (ch in ZH_SMALL) {
      section += (prev === 'digit' ? number : prev === null || prev === 'unit' ? 1 : number) * ZH_SMALL[ch]!;
      number = 0;
      prev = 'unit';
    } else if (ch in ZH_LARGE) {
      if (prev === null) return undefined;
      const unit = ZH_LARGE[ch]!;
      const value = section + number;
      if (value === 0) total = (total || 1) * unit; // 万亿: units compound
      else total += value * unit;
      section = 0;
      number = 0;
      prev = 'unit';
    } else return undefined;
    prevChar = ch;
  }
  return total + section + number;
}

/** Value of "3.48", "20,000", "3.48亿", "2万", "十万", "两千三百". */
export function chineseOrArabic(text: string): number | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(.*)$/.exec(text);
  if (m) {
    const head = Number(`${m[1]!.replace(/,/g, '')}${m[2] !== undefined ? `.${m[2]}` : ''}`);
    const rest = m[3]!;
    if (rest === '') return head;
    let mult = 1;
    for (const ch of rest) {
      if (ch in ZH_LARGE) mult *= ZH_LARGE[ch]!;
      else if (ch === '千') mult *= 1000;
      else if (ch === '百') mult *= 100;
      else return undefined;
    }
    return round(head * mult);
  }
  return parseChineseNumeral(text);
}

/** Rounds away binary noise: 3.48 * 1e8 = 348000000.00000006 -> 348000000. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}

const EN_ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, a: 1, an: 1,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, k: 1e3 };

export const EN_NUMBER_WORDS = [...Object.keys(EN_ONES).filter((w) => w !== 'a' && w !== 'an'), ...Object.keys(EN_TENS), 'dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion'];

/** Value of an English number phrase: "3.48 billion", "20,000", "six", "twenty-five", "a dozen", "two hundred". */
export function parseEnglishNumber(text: string): number | undefined {
  const words = text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    const num = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(w) ? Number(w.replace(/,/g, '')) : undefined;
    if (num !== undefined) {
      current += num;
      seen = true;
    } else if (w in EN_ONES) {
      current += EN_ONES[w]!;
      seen = seen || (w !== 'a' && w !== 'an');
    } else if (w in EN_TENS) {
      current += EN_TENS[w]!;
      seen = true;
    } else if (w === 'dozen' || w === 'dozens') {
      current = (current || 1) * 12;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in EN_SCALES) {
      total += (current || 1) * EN_SCALES[w]!;
      current = 0;
      seen = true;
    } else return undefined;
  }
  return seen ? round(total + current) : undefined;
}

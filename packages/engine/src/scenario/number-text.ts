/**
 * Numbers in text: finds every number a passage writes, in the forms Chinese and English news text
 * uses, so that `scenario validate` can check that a citation graded `support: states` quotes a
 * passage that contains its value.
 *
 * Forms read (each may be preceded by 近/約/逾 etc., which are ignored: the check is about the number
 * written, not its hedge):
 * - Arabic numerals, half- or full-width, with thousands separators and decimals: `2024`, `11,000`,
 *   `3.48`, `１２`;
 * - Chinese numerals, with the small units 十百千 and the large units 萬 (10^4) and 億 (10^8):
 *   `六` = 6, `十一` = 11, `二十` = 20, `一百零五` = 105, `三千五百萬` = 35,000,000, `兩` = 2, `〇`/`零` = 0;
 * - mixed forms, Arabic digits with a Chinese large unit: `3.48億` = 348,000,000, `2萬5千` = 25,000;
 * - the decimal point 點: `九十六點七` = 96.7;
 * - English scale words after digits: `9 million`, `US$2.18 billion` (thousand, million, billion, trillion);
 * - shares: `90%`, `９０％`, `百分之九十` = 90 percent, `9成` = `九成` = 90 percent (成 = tenths).
 *
 * A value matches a number written in the text when they are equal up to floating-point rounding
 * (relative 1e-9); a percentage matches both its share (0.9) and its percent figure (90).
 *
 * Known limits (documented in docs/scenario.md): Chinese digits inside words are read as numbers
 * too (`一手` "first-hand" contains 1), so the check can pass on a coincidence; it is a guard against
 * grading a value "states" when its quote has no such number, not a proof that the quote is about it.
 */

/** One number written in a text. */
export interface NumberInText {
  /** The number as written, units applied (`3.48億` -> 348000000; `90%` -> 90; `9成` -> 90). */
  value: number;
  /** True for shares written as percent or tenths (`90%`, `百分之九十`, `9成`): `value` is the percent figure. */
  percent: boolean;
  /** The characters it was read from. */
  text: string;
  /** Offset in the text (UTF-16 code units). */
  index: number;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8 };

const DIGIT_CLASS = '0-9０-９';
const CHINESE_DIGIT_CLASS = '零〇一二兩两三四五六七八九';
const UNIT_CLASS = '十百千萬万億亿';
/**
 * A run of numerals: it starts with a digit (Arabic or Chinese) or 十 (十一 = 11) and continues with
 * digits, units, thousands separators (before three digits) and a decimal point (before a digit).
 */
const NUMBER_RUN = new RegExp(
  `(?:[${DIGIT_CLASS}${CHINESE_DIGIT_CLASS}十])(?:[${DIGIT_CLASS}${CHINESE_DIGIT_CLASS}${UNIT_CLASS}]|[,，](?=[${DIGIT_CLASS}]{3})|[.．](?=[${DIGIT_CLASS}])|點(?=[${CHINESE_DIGIT_CLASS}]))*`,
  'gu',
);

function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

type Token = { kind: 'arabic'; value: number } | { kind: 'digit'; value: number } | { kind: 'small'; value: number } | { kind: 'large'; value: number };

function tokens(run: string): Token[] | undefined {
  const out: Token[] = [];
  const re = /([0-9]+(?:\.[0-9]+)?)|(.)/gsu;
  for (const m of run.matchAll(re)) {
    if (m[1] !== undefined) out.push({ kind: 'arabic', value: Number(m[1]) });
    else if (m[2]! in CHINESE_DIGITS) out.push({ kind: 'digit', value: CHINESE_DIGITS[m[2]!]! });
    else if (m[2]! in SMALL_UNITS) out.push({ kind: 'small', value: SMALL_UNITS[m[2]!]! });
    else if (m[2]! in LARGE_UNITS) out.push({ kind: 'large', value: LARGE_UNITS[m[2]!]! });
    else return undefined;
  }
  return out;
}

/**
 * Reads a run of numerals: `2024`, `11,000`, `3.48億`, `2萬5千`, `六`, `十一`, `一百零五`,
 * `三億五千萬`, `二〇二四`. Consecutive Chinese digits are positional (二〇二四 = 2024); a small unit
 * multiplies the digit before it (or 1); a large unit multiplies everything below it since the last
 * larger unit. Undefined when the run is not a number in this grammar.
 */
export function readNumeral(raw: string): number | undefined {
  // 點 is the decimal point of Chinese numerals: 九十六點七 = 96.7.
  const point = raw.indexOf('點');
  if (point >= 0) {
    const whole = readNumeral(raw.slice(0, point));
    const fraction = [...raw.slice(point + 1)].map((c) => CHINESE_DIGITS[c]);
    if (whole === undefined || fraction.length === 0 || fraction.some((d) => d === undefined)) return undefined;
    return Number(`${whole}.${fraction.join('')}`);
  }
  const list = tokens(toHalfWidth(raw).replace(/,/g, ''));
  if (!list || list.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let num: number | undefined;
  let previous: Token['kind'] | undefined;
  for (const tok of list) {
    if (tok.kind === 'arabic') {
      if (previous === 'arabic' || previous === 'digit') return undefined;
      num = tok.value;
    } else if (tok.kind === 'digit') {
      if (previous === 'arabic') return undefined;
      num = previous === 'digit' ? (num ?? 0) * 10 + tok.value : tok.value;
    } else if (tok.kind === 'small') {
      section += (num ?? 1) * tok.value;
      num = undefined;
    } else {
      if (previous === undefined) return undefined;
      section += num ?? 0;
      total = tok.value === 1e4 && total > 0 && total % 1e8 === 0 ? total + section * tok.value : (total + section) * tok.value;
      section = 0;
      num = undefined;
    }
    previous = tok.kind;
  }
  const value = total + section + (num ?? 0);
  return Number.isFinite(value) ? value : undefined;
}

/** Every number written in `text`, in order. */
export function numbersInText(text: string): NumberInText[] {
  const out: NumberInText[] = [];
  const covered: [number, number][] = [];
  // 百分之X: "X percent".
  for (const m of text.matchAll(/百分之([零〇一二兩两三四五六七八九十百千點0-9０-９.．]+)/gu)) {
    const v = readNumeral(m[1]!);
    if (v === undefined) continue;
    out.push({ value: v, percent: true, text: m[0], index: m.index });
    covered.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(NUMBER_RUN)) {
    const start = m.index;
    if (covered.some(([a, b]) => start >= a && start < b)) continue;
    const value = readNumeral(m[0]);
    if (value === undefined) continue;
    out.push(share(value, text.slice(start + m[0].length, start + m[0].length + 12), m[0], start));
  }
  return out.sort((a, b) => a.index - b.index);
}

const ENGLISH_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

function share(value: number, rest: string, text: string, index: number): NumberInText {
  // English scale words after Arabic digits: "9 million", "US$2.18 billion".
  const scale = /^\s?(thousand|million|billion|trillion)\b/i.exec(rest);
  if (scale && /[0-9０-９]/.test(text)) return { value: value * ENGLISH_SCALES[scale[1]!.toLowerCase()]!, percent: false, text: text + scale[0], index };
  const first = rest.charAt(0);
  if (first === '%' || first === '％') return { value, percent: true, text: text + first, index };
  if (first === '成') return { value: value * 10, percent: true, text: text + first, index };
  const word = /^\s?per\s?cent\b/i.exec(rest);
  if (word) return { value, percent: true, text: text + word[0], index };
  return { value, percent: false, text, index };
}

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** True when `value` matches a number written in `text` (a percentage matches its share and its figure). */
export function textStatesNumber(text: string, value: number): boolean {
  return findNumberInText(text, value) !== undefined;
}

/** The first number written in `text` that matches `value`, if any. */
export function findNumberInText(text: string, value: number): NumberInText | undefined {
  if (!Number.isFinite(value)) return undefined;
  return numbersInText(text).find((n) => close(n.value, value) || (n.percent && close(n.value / 100, value)));
}
